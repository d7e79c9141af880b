def digit_count(n):
    """Return the number of digits of the non-negative whole number n."""
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count
