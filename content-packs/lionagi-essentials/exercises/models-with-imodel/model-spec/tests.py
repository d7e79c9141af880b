import unittest

from solution import api_key_env, parse_model_spec


class ParseModelSpecTests(unittest.TestCase):
    def test_slash_form_splits_provider_and_model(self):
        self.assertEqual(parse_model_spec("openai/gpt-4.1-mini"), ("openai", "gpt-4.1-mini"))

    def test_only_the_first_slash_splits(self):
        self.assertEqual(
            parse_model_spec("openrouter/meta/llama-3"),
            ("openrouter", "meta/llama-3"),
            "everything after the first slash is the model name",
        )

    def test_explicit_provider_wins(self):
        self.assertEqual(parse_model_spec("gpt-4.1-mini", provider="openai"), ("openai", "gpt-4.1-mini"))
        self.assertEqual(
            parse_model_spec("meta/llama-3", provider="nvidia_nim"),
            ("nvidia_nim", "meta/llama-3"),
            "with an explicit provider the model string is kept as it is",
        )

    def test_no_provider_and_no_slash_is_an_error(self):
        with self.assertRaises(ValueError) as caught:
            parse_model_spec("gpt-4.1-mini")
        self.assertEqual(str(caught.exception), "Provider must be provided")

    def test_empty_parts_are_errors(self):
        for bad in ["", "/gpt-4.1-mini", "openai/"]:
            with self.subTest(model=bad):
                with self.assertRaises(ValueError):
                    parse_model_spec(bad)


class ApiKeyEnvTests(unittest.TestCase):
    def test_usual_providers_use_upper_case_name(self):
        self.assertEqual(api_key_env("openai"), "OPENAI_API_KEY")
        self.assertEqual(api_key_env("anthropic"), "ANTHROPIC_API_KEY")
        self.assertEqual(api_key_env("nvidia_nim"), "NVIDIA_NIM_API_KEY")

    def test_gemini_reads_google_key(self):
        self.assertEqual(api_key_env("gemini"), "GOOGLE_API_KEY")

    def test_local_and_cli_providers_need_no_key(self):
        for provider in ["ollama", "claude_code", "codex"]:
            with self.subTest(provider=provider):
                self.assertIsNone(api_key_env(provider), f"{provider} needs no API key")


if __name__ == "__main__":
    unittest.main()
