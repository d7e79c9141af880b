def split_bill(total_cents, people):
    """Return (share, left_over): the whole cents each person pays and the cents left over."""
    raise NotImplementedError
