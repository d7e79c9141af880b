def first_valid_answer(answers):
    """Return (number, tries) for the first answer that is a whole number, or (None, len(answers))."""
    tries = 0
    while tries < len(answers):
        answer = answers[tries].strip()
        tries += 1
        if answer.isdigit():
            return int(answer), tries
    return None, tries
