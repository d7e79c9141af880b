def ways_to_pay(amount, coins):
    """Return how many different combinations of coins add up to exactly amount."""
    if amount == 0:
        return 1  # one way: use no more coins
    if amount < 0 or not coins:
        return 0  # overshot, or nothing left to pay with
    first, others = coins[0], coins[1:]
    uses_first = ways_to_pay(amount - first, coins)
    skips_first = ways_to_pay(amount, others)
    return uses_first + skips_first
