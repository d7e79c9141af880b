import asyncio
import unittest

from solution import check_services

LIMIT = 0.02  # seconds; the hanging checks below would otherwise wait forever


class Recorder:
    """Makes fake checks and records which of them were started and cancelled."""

    def __init__(self):
        self.running = 0
        self.most_running = 0
        self.cancelled = []

    def answers(self, status):
        async def check():
            await self._pause()
            return status
        return check

    def crashes(self, error):
        async def check():
            await self._pause()
            raise error
        return check

    def hangs(self, name):
        async def check():
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            try:
                await asyncio.Event().wait()  # never set: hangs until cancelled
            except asyncio.CancelledError:
                self.cancelled.append(name)
                raise
            finally:
                self.running -= 1
        return check

    async def _pause(self):
        await asyncio.sleep(0)


async def run_checks(test, checks):
    """Call check_services, but fail fast (instead of hanging) if it ignores the time limit."""
    try:
        async with asyncio.timeout(0.5):
            return await check_services(checks, LIMIT)
    except TimeoutError:
        test.fail("check_services did not return within 0.5 seconds; does every check get a time limit?")


class CheckServicesTests(unittest.IsolatedAsyncioTestCase):
    async def test_reports_successful_statuses(self):
        fake = Recorder()
        report = await run_checks(self, {"web": fake.answers("up"), "mail": fake.answers("degraded")})
        self.assertEqual(report, {"web": "up", "mail": "degraded"}, "finished checks report their own string")

    async def test_exception_becomes_error_status(self):
        fake = Recorder()
        report = await run_checks(self, {"db": fake.crashes(ConnectionError("refused")),
                                       "web": fake.answers("up")})
        self.assertEqual(report["db"], "error: ConnectionError", "a crash should be reported by exception name")
        self.assertEqual(report["web"], "up", "a crash must not hide the other results")

    async def test_hanging_check_times_out_and_is_cancelled(self):
        fake = Recorder()
        report = await run_checks(self, {"cache": fake.hangs("cache"), "web": fake.answers("up")})
        self.assertEqual(report, {"cache": "timeout", "web": "up"}, "a hanging check should report 'timeout'")
        self.assertEqual(fake.cancelled, ["cache"], "the hanging check should be cancelled after the timeout")

    async def test_checks_run_concurrently(self):
        fake = Recorder()
        checks = {f"slow-{n}": fake.hangs(f"slow-{n}") for n in range(4)}
        report = await run_checks(self, checks)
        self.assertEqual(fake.most_running, 4,
                         "all 4 hanging checks should wait at the same time, not one after another")
        self.assertEqual(set(report.values()), {"timeout"}, "every hanging check should time out")

    async def test_keeps_the_order_of_the_names(self):
        fake = Recorder()
        names = ["zeta", "alpha", "mid"]
        checks = {"zeta": fake.hangs("zeta"), "alpha": fake.answers("up"), "mid": fake.crashes(ValueError())}
        report = await run_checks(self, checks)
        self.assertEqual(list(report), names, "the report should list services in the input order")

    async def test_no_checks_gives_empty_report(self):
        self.assertEqual(await run_checks(self, {}), {}, "no checks means an empty report")


if __name__ == "__main__":
    unittest.main()
