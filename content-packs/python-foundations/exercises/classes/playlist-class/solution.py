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
        self._songs = []

    def add(self, song):
        self._songs.append(song)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        return self._songs[index]

    def __contains__(self, title):
        return any(song.title == title for song in self._songs)

    def __repr__(self):
        unit = "song" if len(self) == 1 else "songs"
        return f"Playlist({self.name!r}, {len(self)} {unit})"

    def duration(self):
        """Total length as "m:ss"."""
        minutes, seconds = divmod(sum(song.seconds for song in self._songs), 60)
        return f"{minutes}:{seconds:02d}"

    def by_artist(self, artist):
        """A new Playlist holding only this artist's songs."""
        selection = Playlist(f"{self.name} - {artist}")
        for song in self._songs:
            if song.artist == artist:
                selection.add(song)
        return selection
