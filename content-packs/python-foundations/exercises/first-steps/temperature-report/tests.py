import unittest

from solution import temperature_report


class TemperatureReportTests(unittest.TestCase):
    def test_decimal_input(self):
        self.assertEqual(temperature_report("21.5"), "21.5 C is 70.7 F")

    def test_whole_number_gets_one_decimal(self):
        self.assertEqual(temperature_report("100"), "100.0 C is 212.0 F",
                         "whole numbers should still show one decimal")

    def test_spaces_around_the_number(self):
        self.assertEqual(temperature_report("  0 "), "0.0 C is 32.0 F",
                         "spaces the user typed around the number should be ignored")

    def test_negative_temperature(self):
        self.assertEqual(temperature_report("-40"), "-40.0 C is -40.0 F",
                         "-40 is the same in Celsius and Fahrenheit")

    def test_result_is_rounded_to_one_decimal(self):
        self.assertEqual(temperature_report("37"), "37.0 C is 98.6 F",
                         "37 * 9 / 5 + 32 is not exactly 98.6 as a float; format it with one decimal")


if __name__ == "__main__":
    unittest.main()
