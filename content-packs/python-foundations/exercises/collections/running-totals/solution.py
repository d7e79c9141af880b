def running_totals(numbers):
    """Return a new list whose item i is the sum of numbers[0] .. numbers[i]."""
    totals = []
    total = 0
    for number in numbers:
        total += number
        totals.append(total)
    return totals
