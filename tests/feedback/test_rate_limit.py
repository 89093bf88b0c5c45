"""The token bucket: a burst of N, then one more every 60/N seconds, per client; 0 means off."""
import pytest

from build_tools.feedback.rate_limit import RateLimiter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_burst_then_refill_per_client():
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)
    assert [limiter.acquire("a") for _ in range(6)] == [0.0] * 6
    assert limiter.acquire("a") == pytest.approx(10.0)      # one token every 10 s
    assert limiter.acquire("b") == 0.0                       # another client is not affected
    clock.now += 10
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") == pytest.approx(10.0)
    clock.now += 3600
    assert [limiter.acquire("a") for _ in range(6)] == [0.0] * 6     # never more than the burst
    assert limiter.acquire("a") > 0


def test_zero_turns_it_off_and_negative_is_refused():
    limiter = RateLimiter(0)
    assert not limiter.enabled
    assert all(limiter.acquire("a") == 0.0 for _ in range(1000))
    with pytest.raises(ValueError, match="must be 0 \\(off\\) or a positive number"):
        RateLimiter(-1)


def test_memory_stays_bounded_and_active_clients_stay_limited():
    limiter = RateLimiter(2, clock=Clock(), max_clients=100)
    assert limiter.acquire("busy") == 0.0 and limiter.acquire("busy") == 0.0
    for n in range(500):
        limiter.acquire(f"client-{n}")
        if n % 50 == 0:
            assert limiter.acquire("busy") > 0          # seen recently, so still remembered and limited
    assert len(limiter._buckets) == 100
