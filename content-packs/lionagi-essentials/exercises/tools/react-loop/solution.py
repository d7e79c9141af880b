def run_action(tools, request):
    """Run one action request; failures become {"error": ...} outputs."""
    name = request["function"]
    arguments = request.get("arguments", {})
    if name not in tools:
        return {"error": f"Function {name} is not registered."}
    try:
        return tools[name](**arguments)
    except Exception as error:
        return {"error": str(error)}


def run_react(model, tools, instruction, max_extensions=3):
    """Run reason-act rounds with model.step, then return model.answer's final answer.

    Returns {"answer": ..., "rounds": ..., "history": [...]}.
    """
    if max_extensions < 0:
        raise ValueError("max_extensions cannot be negative")
    history = [{"role": "user", "content": instruction}]
    extensions_left = max_extensions
    rounds = 0

    while True:
        step = model.step(history)
        rounds += 1
        history.append({"role": "assistant", "content": step["analysis"]})
        for request in step.get("action_requests", []):
            history.append({
                "role": "action",
                "function": request["function"],
                "arguments": request.get("arguments", {}),
                "output": run_action(tools, request),
            })
        if not step["extension_needed"] or extensions_left == 0:
            break
        extensions_left -= 1

    return {"answer": model.answer(history), "rounds": rounds, "history": history}
