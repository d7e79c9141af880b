def ways_to_pay(amount, coins):
    """Return how many different combinations of coins add up to exactly amount."""
    if amount == 0:
        return 1
    return 0
