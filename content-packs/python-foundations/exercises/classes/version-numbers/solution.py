from dataclasses import dataclass, replace


@dataclass(frozen=True, order=True)
class Version:
    """A version number: major.minor.patch."""

    major: int
    minor: int
    patch: int = 0

    def bump(self, part):
        """Return a new Version with part ("major", "minor" or "patch") increased."""
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        if part == "patch":
            return replace(self, patch=self.patch + 1)
        raise ValueError(f"unknown part: {part!r}")

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


def parse_version(text):
    """Turn "1.10.2" (or "1.10") into a Version."""
    numbers = [int(piece) for piece in text.split(".")]
    return Version(*numbers)


def latest(texts):
    """Return the newest of some version strings, as a string."""
    return str(max(parse_version(text) for text in texts))
