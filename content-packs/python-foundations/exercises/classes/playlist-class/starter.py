from dataclasses import dataclass


@dataclass
class Song:
    title: str
    artist: str
    seconds: int


class Playlist:
    """An ordered list of songs that works with len(), [i] and in."""

    def __init__(self, name):
        self.name = name

    def add(self, song):
        raise NotImplementedError

    def duration(self):
        """Total length as "m:ss"."""
        raise NotImplementedError

    def by_artist(self, artist):
        """A new Playlist holding only this artist's songs."""
        raise NotImplementedError
