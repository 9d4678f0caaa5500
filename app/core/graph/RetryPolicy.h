#pragma once

#include "domain/GraphError.h"

#include <QByteArray>

#include <chrono>
#include <optional>

namespace ea {

// When a call is tried again, in one place. GraphClient retries reads on
// what Graph and proxies call transient (429, 503, 504, dropped connections,
// timeouts), and a write only when it certainly never left (a connection that
// could not be made). Every other failed write goes to the service, which
// reads the tenant first and sends the write again only when the read proves
// it did not land and the service said "not now" (GraphError::writeOutcome);
// the wait before that resend comes from delayBeforeResend().
// Retry-After is honoured; otherwise exponential backoff with jitter.
struct RetryPolicy
{
    int maxRetries = 3;
    std::chrono::milliseconds baseDelay {1000};
    std::chrono::milliseconds maxDelay {30000};
    // A Retry-After longer than this is not waited for; the error is reported.
    std::chrono::milliseconds maxRetryAfter {120000};

    // After an uncertain write whose first re-read shows nothing, the wait
    // before a second look: a write still in flight, or a replica behind,
    // shows up a little later.
    std::chrono::milliseconds notVisibleRecheck {3000};

    // The wait before retry number `attempt` (1-based) of one request, or
    // nothing when the failure must be reported instead.
    std::optional<std::chrono::milliseconds> delayBeforeRetry(bool isWrite, const GraphError &error, int attempt) const;
    // The wait before sending a write again (resend number `attempt`,
    // 1-based) once a read has shown that it did not land; nothing when it
    // must not be sent again (only a "not now" answer is).
    std::optional<std::chrono::milliseconds> delayBeforeResend(const GraphError &error, int attempt) const;

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
