import dataclasses
import unittest

from solution import Playlist, Song


def make_mix():
    mix = Playlist("Focus")
    mix.add(Song("Rain", "Ada", 150))
    mix.add(Song("Tide", "Grace", 215))
    mix.add(Song("Dusk", "Ada", 60))
    return mix


class SongTests(unittest.TestCase):
    def test_song_is_a_dataclass(self):
        self.assertTrue(dataclasses.is_dataclass(Song))
        self.assertEqual(Song("A", "B", 1), Song("A", "B", 1))


class PlaylistTests(unittest.TestCase):
    def test_len_and_indexing(self):
        mix = make_mix()
        self.assertEqual(len(mix), 3, "len() should count the songs (define __len__)")
        self.assertEqual(mix[0].title, "Rain", "mix[0] is the first song (define __getitem__)")
        self.assertEqual(mix[-1].title, "Dusk", "negative indexes should work")

    def test_in_checks_titles(self):
        mix = make_mix()
        self.assertIn("Tide", mix, "'in' should look for a song title (define __contains__)")
        self.assertNotIn("Storm", mix)

    def test_duration_format(self):
        self.assertEqual(make_mix().duration(), "7:05", "425 seconds is 7:05")
        self.assertEqual(Playlist("Empty").duration(), "0:00")

    def test_by_artist_makes_a_new_filtered_playlist(self):
        mix = make_mix()
        ada = mix.by_artist("Ada")
        self.assertIsInstance(ada, Playlist)
        self.assertEqual(ada.name, "Focus - Ada")
        self.assertEqual([ada[i].title for i in range(len(ada))], ["Rain", "Dusk"])
        self.assertEqual(len(mix), 3, "the original playlist must keep all its songs")

    def test_repr_counts_songs(self):
        mix = make_mix()
        self.assertEqual(repr(mix), "Playlist('Focus', 3 songs)")
        solo = Playlist("Solo")
        solo.add(Song("One", "Ada", 1))
        self.assertEqual(repr(solo), "Playlist('Solo', 1 song)", "use 'song' for exactly one")
        self.assertEqual(repr(Playlist("None")), "Playlist('None', 0 songs)")

    def test_playlists_do_not_share_songs(self):
        first = Playlist("A")
        second = Playlist("B")
        first.add(Song("X", "Y", 10))
        self.assertEqual(len(second), 0, "each playlist needs its own list, made in __init__")


if __name__ == "__main__":
    unittest.main()
