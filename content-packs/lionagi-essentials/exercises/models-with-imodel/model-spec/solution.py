NO_KEY = {"ollama", "claude_code", "codex"}
SPECIAL_KEYS = {"gemini": "GOOGLE_API_KEY"}


def parse_model_spec(model, provider=None):
    """Return (provider, model_name) the way iModel resolves them."""
    if not model:
        raise ValueError("Model must be provided")
    if provider:
        return provider, model
    if "/" not in model:
        raise ValueError("Provider must be provided")
    provider, name = model.split("/", 1)
    if not provider or not name:
        raise ValueError(f"Cannot read a provider and model from {model!r}")
    return provider, name


def api_key_env(provider):
    """Return the environment variable that holds the provider's API key, or None."""
    if provider in NO_KEY:
        return None
    if provider in SPECIAL_KEYS:
        return SPECIAL_KEYS[provider]
    return f"{provider.upper()}_API_KEY"
