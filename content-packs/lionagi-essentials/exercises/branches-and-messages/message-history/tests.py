import unittest

from solution import History


class HistoryTests(unittest.TestCase):
    def test_system_message_comes_first(self):
        h = History("Be brief.")
        h.add_instruction("hi")
        h.add_response("hello")
        self.assertEqual(
            h.messages,
            [
                {"role": "system", "content": "Be brief."},
                {"role": "user", "content": "hi"},
                {"role": "assistant", "content": "hello"},
            ],
            "messages should be the system message, then the others in order",
        )

    def test_without_system_there_is_no_system_message(self):
        h = History()
        h.add_instruction("hi")
        self.assertEqual(h.messages, [{"role": "user", "content": "hi"}])
        self.assertEqual(len(h), 1, "len counts only real messages")

    def test_set_system_replaces_in_place(self):
        h = History("Be brief.")
        h.add_instruction("hi")
        h.set_system("Be formal.")
        self.assertEqual(h.messages[0], {"role": "system", "content": "Be formal."})
        self.assertEqual(len(h), 2, "replacing the system message must not add a message")

    def test_set_system_later_still_puts_it_first(self):
        h = History()
        h.add_instruction("hi")
        h.set_system("Late rules.")
        self.assertEqual(h.messages[0]["role"], "system", "the system message always comes first")

    def test_clear_keeps_system(self):
        h = History("Rules.")
        h.add_instruction("a")
        h.add_response("b")
        h.clear()
        self.assertEqual(h.messages, [{"role": "system", "content": "Rules."}])
        self.assertEqual(len(h), 1)

    def test_last_response_is_newest_assistant_message(self):
        h = History()
        self.assertIsNone(h.last_response, "no response yet means None")
        h.add_instruction("q1")
        h.add_response("a1")
        h.add_instruction("q2")
        h.add_response("a2")
        h.add_instruction("q3")
        self.assertEqual(h.last_response, "a2")

    def test_empty_instruction_is_rejected(self):
        h = History()
        with self.assertRaises(ValueError):
            h.add_instruction("   ")
        with self.assertRaises(ValueError):
            h.add_instruction("")
        self.assertEqual(len(h), 0, "a rejected instruction must not be stored")

    def test_messages_returns_a_copy(self):
        h = History("Rules.")
        h.add_instruction("hi")
        copy = h.messages
        copy.append({"role": "user", "content": "sneaky"})
        copy[1]["content"] = "changed"
        self.assertEqual(len(h), 2, "appending to the returned list must not change the history")
        self.assertEqual(h.messages[1]["content"], "hi", "editing a returned dict must not change the history")


if __name__ == "__main__":
    unittest.main()
