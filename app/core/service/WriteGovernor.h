#pragma once

#include <QtGlobal>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace ea {

// Intune: 100 writes per 20 s per app per tenant.
struct WriteLimits
{
    int writes = 100;
    std::chrono::milliseconds window {20000};
    // How much slower than the exact limit the pace is: the margin the
    // network's jitter eats.
    double headroom = 0.02;
    std::chrono::milliseconds backoffBase {2000};
    std::chrono::milliseconds backoffCap {60000};
};

// Keeps one session's writes under Intune's write limit (100 writes per 20 s
// per app per tenant): a caller asks for a slot right before it sends each
// write, and either gets it (and sends now) or learns how long to wait before
// asking again. Slots are taken when the write really goes out, never booked
// ahead, so a caller whose timer fires late (a loaded machine) pushes the
// next ones back instead of letting them bunch up behind it. Pure: no timers,
// no I/O; the clock is injected so tests walk time by hand.
//
// Slots are paced evenly (window / writes apart, stretched by `headroom`)
// rather than handed out in a burst of 100 and then a 20 s silence: the
// service counts arrivals, which jitter with the network, so a burst right at
// the edge of its window draws 429s; an even pace stays under it and still
// keeps ~98 % of the allowed rate. A sliding window over the slots taken
// backs that up.
//
// On a 429 every caller is held back: by Retry-After when the answer has one,
// otherwise by an exponential, jittered and capped backoff (Graph sometimes
// leaves Retry-After out). A write that goes through resets the backoff.
class WriteGovernor
{
public:
    using Clock = std::function<std::chrono::milliseconds()>; // monotonic

    using Limits = WriteLimits;

    explicit WriteGovernor(const Limits &limits = Limits(), Clock clock = {});

    // The backoff without Retry-After, from its base up to the cap. The
    // service sets it from the Graph client's retry policy, so one setting
    // governs both.
    void setBackoff(std::chrono::milliseconds base, std::chrono::milliseconds cap)
    {
        m_limits.backoffBase = base;
        m_limits.backoffCap = cap;
    }
    // Tests make the jitter deterministic: a value in [0, 1).
    void setRandomSource(std::function<double()> unitRandom) { m_random = std::move(unitRandom); }

    // Zero: the slot is taken, send now. Otherwise nothing is taken; wait
    // this long and ask again (another caller may take it first).
    std::chrono::milliseconds tryAcquire();
    // How long until a slot is free, without taking one.
    std::chrono::milliseconds nextDelay() const;

    // The service answered a write with 429 (or 503 with Retry-After).
    void throttled(std::optional<std::chrono::milliseconds> retryAfter);
    // A write went through: the backoff starts again from its base.
    void accepted() { m_consecutiveThrottles = 0; }

    const Limits &limits() const { return m_limits; }
    // Other numbers (tests use a faster window; a tenant may be known to
    // allow less); the slots already taken still count.
    void setLimits(const Limits &limits);
    int throttledCount() const { return m_throttledTotal; }
    int acquiredCount() const { return m_acquiredTotal; }
    // The pace: the least time between two slots.
    std::chrono::milliseconds spacing() const;

private:
    qint64 now() const;
    qint64 dueAt(qint64 now) const;
    void forget(qint64 now);

    Limits m_limits;
    Clock m_clock;
    std::function<double()> m_random;
    std::deque<qint64> m_slots; // when the slots of the last window were taken, ascending
    qint64 m_pausedUntil = 0;
    int m_consecutiveThrottles = 0;
    int m_throttledTotal = 0;
    int m_acquiredTotal = 0;
};

} // namespace ea
