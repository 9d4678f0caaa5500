#pragma once

#include "domain/GraphError.h"

#include <QByteArray>
#include <chrono>
#include <optional>

namespace ea {

// When GraphClient tries a call again, in one place. Reads retry what Graph
// and proxies call transient (429, 503, 504, dropped connections, timeouts);
// writes retry only when the service said the call was not done (429, or 503
// with Retry-After), because any other failure may hide a write that landed.
// Retry-After is honoured; otherwise exponential backoff with jitter.
struct RetryPolicy
{
    int maxRetries = 3;
    std::chrono::milliseconds baseDelay{1000};
    std::chrono::milliseconds maxDelay{30000};
    // A Retry-After longer than this is not waited for; the error is reported.
    std::chrono::milliseconds maxRetryAfter{120000};

    // The wait before retry number `attempt` (1-based), or nothing when the
    // failure must be reported instead.
    std::optional<std::chrono::milliseconds> delayBeforeRetry(bool isWrite, const GraphError &error,
                                                              int attempt) const;

    static RetryPolicy none()
    {
        RetryPolicy p;
        p.maxRetries = 0;
        return p;
    }
};

// Retry-After is seconds or an HTTP date; -1 when absent or unreadable.
int parseRetryAfterSeconds(const QByteArray &value);

} // namespace ea
