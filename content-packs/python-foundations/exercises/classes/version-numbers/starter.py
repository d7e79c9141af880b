from dataclasses import dataclass


@dataclass
class Version:
    """A version number: major.minor.patch."""

    major: int
    minor: int
    patch: int = 0

    def bump(self, part):
        """Return a new Version with part ("major", "minor" or "patch") increased."""
        raise NotImplementedError


def parse_version(text):
    """Turn "1.10.2" (or "1.10") into a Version."""
    raise NotImplementedError


def latest(texts):
    """Return the newest of some version strings, as a string."""
    return max(texts)
