// The sandbox's emulation of Intune's throttling (SandboxThrottling): the
// sliding windows of writes and of all requests, and the 429 they decide.

#include "sandbox/SandboxTenant.h"
#include "sandbox/SandboxTenant_p.h"

#include <QMutexLocker>

#include <algorithm>

namespace ea::sandbox {

// Counts the request in the emulated limit's windows (SandboxThrottling).
// Returns the Retry-After of a 429 when a limit is passed (-1: a 429 without
// one), nothing when the request may pass.
std::optional<int> SandboxTenant::Private::throttleRetryAfter(bool isWrite)
{
    const SandboxThrottling &t = options.throttling;
    if (t.writeLimit <= 0 && t.requestLimit <= 0)
        return std::nullopt;
    if (!clock.isValid())
        clock.start();
    const qint64 now = clock.elapsed();
    const qint64 window = std::max(1, t.windowMs);
    qint64 freeAt = -1;
    const auto count = [&](std::deque<qint64> &arrivals, int limit) {
        while (!arrivals.empty() && arrivals.front() <= now - window)
            arrivals.pop_front();
        arrivals.push_back(now);
        const auto m = qsizetype(arrivals.size());
        // A new request may pass once the arrival `limit` back has left the window.
        if (m > limit)
            freeAt = std::max(freeAt, arrivals[size_t(m - limit)] + window);
    };
    if (t.requestLimit > 0)
        count(requestArrivals, t.requestLimit);
    if (isWrite && t.writeLimit > 0)
        count(writeArrivals, t.writeLimit);
    if (freeAt < 0)
        return std::nullopt;
    ++throttledCount;
    if (t.omitRetryAfterEvery > 0 && ++throttleAnswers % t.omitRetryAfterEvery == 0)
        return -1;
    return int(std::max<qint64>(1, (freeAt - now + 999) / 1000));
}

int SandboxTenant::throttledCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->throttledCount;
}

void SandboxTenant::setThrottling(const SandboxThrottling &throttling)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->options.throttling = throttling;
    m_d->writeArrivals.clear();
    m_d->requestArrivals.clear();
    m_d->throttleAnswers = 0;
}

} // namespace ea::sandbox
