def digit_count(n):
    """Return the number of digits of the non-negative whole number n."""
    count = 0
    # Your while loop goes here.
    return count
