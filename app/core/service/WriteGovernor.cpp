#include "service/WriteGovernor.h"

#include <QRandomGenerator>
#include <QtGlobal>

#include <algorithm>

namespace ea {

using std::chrono::milliseconds;

namespace {

milliseconds steadyNow()
{
    return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}

} // namespace

WriteGovernor::WriteGovernor(const Limits &limits, Clock clock)
    : m_limits(limits)
    , m_clock(clock ? std::move(clock) : Clock(&steadyNow))
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    setLimits(limits);
}

void WriteGovernor::setLimits(const Limits &limits)
{
    m_limits = limits;
    m_limits.writes = std::max(1, m_limits.writes);
    m_limits.headroom = std::max(0.0, m_limits.headroom);
}

qint64 WriteGovernor::now() const
{
    return m_clock().count();
}

milliseconds WriteGovernor::spacing() const
{
    const double stretched = double(m_limits.window.count()) * (1.0 + m_limits.headroom) / m_limits.writes;
    return milliseconds(qint64(stretched + 0.5));
}

void WriteGovernor::forget(qint64 now)
{
    // Slots that left the window no longer limit anything; the newest one
    // stays for the pace even when it is old.
    while (m_slots.size() > 1 && m_slots.front() <= now - m_limits.window.count())
        m_slots.pop_front();
}

qint64 WriteGovernor::dueAt(qint64 now) const
{
    qint64 due = std::max(now, m_pausedUntil);
    if (!m_slots.empty())
        due = std::max(due, m_slots.back() + spacing().count());
    // The window itself: the slot `writes` back must have left it.
    const auto size = qsizetype(m_slots.size());
    if (size >= m_limits.writes)
        due = std::max(due, m_slots[size_t(size - m_limits.writes)] + m_limits.window.count());
    return due;
}

milliseconds WriteGovernor::nextDelay() const
{
    const qint64 t = now();
    return milliseconds(dueAt(t) - t);
}

milliseconds WriteGovernor::tryAcquire()
{
    const qint64 t = now();
    forget(t);
    const qint64 due = dueAt(t);
    if (due > t)
        return milliseconds(due - t);
    m_slots.push_back(t);
    ++m_acquiredTotal;
    return milliseconds(0);
}

void WriteGovernor::throttled(std::optional<milliseconds> retryAfter)
{
    ++m_throttledTotal;
    const qint64 t = now();
    milliseconds pause;
    if (retryAfter && retryAfter->count() >= 0) {
        pause = *retryAfter;
    } else {
        // No Retry-After: exponential from the base, +-25 % jitter so that
        // several clients throttled at once do not return in step, capped.
        const int exponent = std::min(m_consecutiveThrottles, 16);
        const qint64 exponential = m_limits.backoffBase.count() * (qint64(1) << exponent);
        const double jitter = 0.75 + 0.5 * std::clamp(m_random(), 0.0, 1.0);
        pause = milliseconds(std::min<qint64>(qint64(double(exponential) * jitter), m_limits.backoffCap.count()));
    }
    ++m_consecutiveThrottles;
    m_pausedUntil = std::max(m_pausedUntil, t + pause.count());
}

} // namespace ea
