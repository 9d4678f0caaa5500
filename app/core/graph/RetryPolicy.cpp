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

std::optional<std::chrono::milliseconds> RetryPolicy::delayBeforeRetry(bool isWrite, const GraphError &error,
                                                                       int attempt) const
{
    if (attempt > maxRetries)
        return std::nullopt;
    const bool hasRetryAfter = error.retryAfterSeconds >= 0;
    bool retry = false;
    if (error.kind == GraphError::Kind::Http) {
        if (error.httpStatus == 429)
            retry = true; // "not done, come back later" for reads and writes alike
        else if (error.httpStatus == 503)
            retry = !isWrite || hasRetryAfter;
        else if (error.httpStatus == 504)
            retry = !isWrite;
    } else if (error.kind == GraphError::Kind::Timeout || error.kind == GraphError::Kind::Network) {
        // A write that may have reached the service is settled by the service
        // layer with a re-read, never by sending it again here.
        retry = !isWrite || !error.requestMaybeSent;
    }
    if (!retry)
        return std::nullopt;

    if (hasRetryAfter) {
        const std::chrono::milliseconds wait(qint64(error.retryAfterSeconds) * 1000);
        if (wait > maxRetryAfter)
            return std::nullopt;
        return wait;
    }
    // Exponential backoff with +-25 % jitter, so many clients throttled at
    // once do not come back in step.
    const qint64 exponential = baseDelay.count() * (qint64(1) << std::min(attempt - 1, 16));
    const qint64 capped = std::min<qint64>(exponential, maxDelay.count());
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(qint64(double(capped) * jitter));
}

} // namespace ea
