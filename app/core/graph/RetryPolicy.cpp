#include "graph/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace ea {

int parseRetryAfterSeconds(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = v.toInt(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds;
    // IMF-fixdate: "Sun, 29 Nov 2026 08:00:00 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0, 24 * 3600));
}

namespace {

std::optional<std::chrono::milliseconds> waitFor(const RetryPolicy &policy, const GraphError &error, int attempt)
{
    if (error.retryAfterSeconds >= 0) {
        const std::chrono::milliseconds wait(qint64(error.retryAfterSeconds) * 1000);
        if (wait > policy.maxRetryAfter)
            return std::nullopt;
        return wait;
    }
    // Exponential backoff with +-25 % jitter, so many clients throttled at
    // once do not come back in step.
    const qint64 exponential = policy.baseDelay.count() * (qint64(1) << std::min(attempt - 1, 16));
    const qint64 capped = std::min<qint64>(exponential, policy.maxDelay.count());
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(qint64(double(capped) * jitter));
}

} // namespace

std::optional<std::chrono::milliseconds> RetryPolicy::delayBeforeRetry(
    bool isWrite, const GraphError &error, int attempt) const
{
    if (attempt > maxRetries)
        return std::nullopt;
    bool retry = false;
    if (isWrite) {
        // Only what certainly never left; the rest is the service's to settle.
        retry = (error.kind == GraphError::Kind::Timeout || error.kind == GraphError::Kind::Network)
            && !error.requestMaybeSent;
    } else if (error.kind == GraphError::Kind::Http) {
        retry = error.httpStatus == 429 || error.httpStatus == 503 || error.httpStatus == 504;
    } else {
        retry = error.kind == GraphError::Kind::Timeout || error.kind == GraphError::Kind::Network;
    }
    if (!retry)
        return std::nullopt;
    return waitFor(*this, error, attempt);
}

std::optional<std::chrono::milliseconds> RetryPolicy::delayBeforeResend(const GraphError &error, int attempt) const
{
    if (attempt > maxRetries || error.writeOutcome() != GraphError::WriteOutcome::NotNow)
        return std::nullopt;
    return waitFor(*this, error, attempt);
}

} // namespace ea
