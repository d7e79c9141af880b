def split_bill(total_cents, people):
    """Return (share, left_over): the whole cents each person pays and the cents left over."""
    return divmod(total_cents, people)
