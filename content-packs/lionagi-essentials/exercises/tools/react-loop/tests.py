import unittest

from solution import run_react


def temperature(city):
    return {"Oslo": 4.0, "Rome": 17.5}[city]


class ScriptedModel:
    """Returns prepared steps in order and records what it was shown."""

    def __init__(self, steps, answer="done"):
        self.steps = list(steps)
        self.final = answer
        self.step_calls = 0
        self.answer_calls = 0
        self.seen = []

    def step(self, history):
        self.step_calls += 1
        self.seen.append(list(history))
        return self.steps.pop(0)

    def answer(self, history):
        self.answer_calls += 1
        self.seen.append(list(history))
        return self.final


def ask(*calls):
    return [{"function": f, "arguments": a} for f, a in calls]


class ReActTests(unittest.TestCase):
    def test_two_rounds_with_tools(self):
        model = ScriptedModel([
            {"analysis": "Need both.", "extension_needed": True,
             "action_requests": ask(("temperature", {"city": "Oslo"}), ("temperature", {"city": "Rome"}))},
            {"analysis": "Rome is warmer.", "extension_needed": False, "action_requests": []},
        ], answer="Rome by 13.5")
        result = run_react(model, {"temperature": temperature}, "Which is warmer?")
        self.assertEqual(result["answer"], "Rome by 13.5")
        self.assertEqual(result["rounds"], 2)
        self.assertEqual(result["history"], [
            {"role": "user", "content": "Which is warmer?"},
            {"role": "assistant", "content": "Need both."},
            {"role": "action", "function": "temperature", "arguments": {"city": "Oslo"}, "output": 4.0},
            {"role": "action", "function": "temperature", "arguments": {"city": "Rome"}, "output": 17.5},
            {"role": "assistant", "content": "Rome is warmer."},
        ])

    def test_first_round_always_runs(self):
        model = ScriptedModel([{"analysis": "Easy.", "extension_needed": False, "action_requests": []}])
        result = run_react(model, {}, "Say hi", max_extensions=0)
        self.assertEqual(result["rounds"], 1)
        self.assertEqual(model.answer_calls, 1, "the final answer is asked for exactly once")

    def test_extensions_are_capped(self):
        greedy = [{"analysis": f"more {n}", "extension_needed": True, "action_requests": []} for n in range(10)]
        model = ScriptedModel(greedy)
        result = run_react(model, {}, "Loop?", max_extensions=2)
        self.assertEqual(result["rounds"], 3, "one first round plus at most two extensions")
        self.assertEqual(model.step_calls, 3)

    def test_zero_extensions_means_one_round(self):
        model = ScriptedModel([{"analysis": "want more", "extension_needed": True, "action_requests": []}])
        self.assertEqual(run_react(model, {}, "x", max_extensions=0)["rounds"], 1)

    def test_tool_errors_become_outputs(self):
        model = ScriptedModel([
            {"analysis": "Try tools.", "extension_needed": True,
             "action_requests": ask(("weather", {"city": "Oslo"}), ("temperature", {"city": "Paris"}))},
            {"analysis": "Give up.", "extension_needed": False, "action_requests": []},
        ])
        result = run_react(model, {"temperature": temperature}, "Paris?")
        outputs = [m["output"] for m in result["history"] if m["role"] == "action"]
        self.assertEqual(outputs[0], {"error": "Function weather is not registered."})
        self.assertEqual(outputs[1], {"error": "'Paris'"}, "a raising tool reports str(exception)")
        self.assertEqual(result["rounds"], 2, "errors must not stop the loop")

    def test_model_sees_tool_results_next_round(self):
        model = ScriptedModel([
            {"analysis": "Look up.", "extension_needed": True,
             "action_requests": ask(("temperature", {"city": "Oslo"}))},
            {"analysis": "Got it.", "extension_needed": False, "action_requests": []},
        ])
        run_react(model, {"temperature": temperature}, "Oslo?")
        second_round_history = model.seen[1]
        self.assertEqual(second_round_history[-1]["output"], 4.0,
                         "the second step must be shown the first round's tool output")
        self.assertEqual(len(model.seen[2]), 4, "the final answer sees the whole history")

    def test_negative_extensions_rejected(self):
        with self.assertRaises(ValueError):
            run_react(ScriptedModel([]), {}, "x", max_extensions=-1)


if __name__ == "__main__":
    unittest.main()
