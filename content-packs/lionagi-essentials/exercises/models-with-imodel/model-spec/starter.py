def parse_model_spec(model, provider=None):
    """Return (provider, model_name) the way iModel resolves them."""
    raise NotImplementedError


def api_key_env(provider):
    """Return the environment variable that holds the provider's API key, or None."""
    raise NotImplementedError
