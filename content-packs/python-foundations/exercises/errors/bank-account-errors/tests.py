import unittest

from solution import Account, AccountError, InsufficientFunds, InvalidAmount


class ExceptionHierarchyTests(unittest.TestCase):
    def test_errors_share_a_base_class(self):
        self.assertTrue(issubclass(AccountError, Exception))
        self.assertTrue(issubclass(InvalidAmount, AccountError), "InvalidAmount should inherit from AccountError")
        self.assertTrue(issubclass(InsufficientFunds, AccountError), "InsufficientFunds should inherit from AccountError")

    def test_invalid_amount_is_also_a_value_error(self):
        self.assertTrue(issubclass(InvalidAmount, ValueError), "code that catches ValueError should catch InvalidAmount")

    def test_insufficient_funds_carries_its_data(self):
        error = InsufficientFunds(30, 50)
        self.assertEqual((error.balance, error.amount, error.shortfall), (30, 50, 20))
        self.assertIn("50", str(error), "the message should mention the amount")
        self.assertIn("30", str(error), "the message should mention the balance")


class AccountTests(unittest.TestCase):
    def test_deposit_and_withdraw_update_balance(self):
        account = Account(10)
        account.deposit(15)
        account.withdraw(5)
        self.assertEqual(account.balance, 20)

    def test_new_account_starts_empty(self):
        self.assertEqual(Account().balance, 0)

    def test_non_positive_amounts_raise_invalid_amount(self):
        account = Account(100)
        for method in (account.deposit, account.withdraw):
            for amount in (0, -5):
                with self.assertRaises(InvalidAmount, msg=f"{method.__name__}({amount}) should be rejected"):
                    method(amount)
        self.assertEqual(account.balance, 100, "rejected amounts must not change the balance")

    def test_overdraw_raises_insufficient_funds_and_keeps_balance(self):
        account = Account(50)
        with self.assertRaises(InsufficientFunds) as caught:
            account.withdraw(80)
        self.assertEqual(caught.exception.shortfall, 30, "80 wanted with 50 available is 30 short")
        self.assertEqual(account.balance, 50, "a failed withdrawal must leave the balance unchanged")

    def test_withdrawing_everything_is_allowed(self):
        account = Account(50)
        account.withdraw(50)
        self.assertEqual(account.balance, 0, "withdrawing exactly the balance is fine")


if __name__ == "__main__":
    unittest.main()
