def running_average(numbers):
    """Yield the average of the numbers seen so far, after each number."""
    total = 0
    count = 0
    for number in numbers:
        total += number
        count += 1
        yield total / count
