class AccountError(Exception):
    """Base class of the account's errors."""


class InvalidAmount(AccountError, ValueError):
    """An amount that is zero or negative."""


class InsufficientFunds(AccountError):
    """A withdrawal larger than the balance."""

    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}, balance is {balance}")
        self.balance = balance
        self.amount = amount
        self.shortfall = amount - balance


class Account:
    def __init__(self, balance=0):
        self.balance = balance

    def _check_amount(self, amount):
        if amount <= 0:
            raise InvalidAmount(f"amount must be positive, got {amount}")

    def deposit(self, amount):
        self._check_amount(amount)
        self.balance += amount

    def withdraw(self, amount):
        self._check_amount(amount)
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
