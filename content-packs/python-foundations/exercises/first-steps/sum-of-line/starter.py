def sum_of_line(line):
    """Return the sum of the two whole numbers typed on line."""
    first, second = line.split()
    return first + second
