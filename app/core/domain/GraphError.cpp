#include "domain/GraphError.h"

#include "domain/Identifiers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ea {

namespace {

constexpr qsizetype kMaxMessageLength = 2000;

QString firstPartOf(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(kMaxMessageLength)).simplified();
    // An HTML error page from a proxy: keep the title if there is one.
    static const QRegularExpression title(
        QStringLiteral("<title>(.*?)</title>"), QRegularExpression::CaseInsensitiveOption);
    const auto m = title.match(text);
    if (m.hasMatch())
        return m.captured(1).trimmed().left(300);
    return text.left(300);
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html")
        || start.contains("<head") || start.contains("<body");
}

// The page's words without its markup, for the details.
QString pageText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(kMaxMessageLength * 2));
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
    return text.simplified();
}

// The service's (or a proxy's) words are shown in the GUI and printed by the
// CLI: line breaks become spaces, escape sequences and bidi controls U+FFFD.
QString displaySafe(const QString &text, qsizetype maxLength)
{
    QString out = text;
    for (QChar &c : out) {
        if (c == u'\r' || c == u'\n' || c == u'\t')
            c = u' ';
    }
    return ids::printable(out, maxLength);
}

void readIntuneNestedMessage(GraphError &e)
{
    // Intune: error.message = "{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has occurred -
    // Operation ID ... - Activity ID: <guid> - ...\",\r\n  \"CustomApiErrorPhrase\": \"...\", ...}"
    const QString trimmed = e.message.trimmed();
    if (!trimmed.startsWith(u'{'))
        return;
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject nested = doc.object();
    e.intunePhrase = nested.value(QStringLiteral("CustomApiErrorPhrase")).toString().trimmed();
    const QString inner = nested.value(QStringLiteral("Message")).toString();
    static const QRegularExpression activity(QStringLiteral("Activity ID: ([0-9a-fA-F-]{36})"));
    const auto m = activity.match(inner);
    if (m.hasMatch())
        e.activityId = m.captured(1);
    const QJsonValue retry = nested.value(QStringLiteral("RetryAfter"));
    bool ok = false;
    int seconds = -1;
    if (retry.isDouble()) {
        seconds = retry.toInt(-1); // -1 when not an int (1.5, 1e300)
        ok = true;
    } else if (retry.isString()) {
        seconds = retry.toString().trimmed().toInt(&ok);
    }
    if (ok && seconds >= 0)
        e.retryAfterSeconds = seconds;
    // Keep the readable part of the inner message instead of the JSON text.
    if (!inner.isEmpty())
        e.message = inner.left(kMaxMessageLength);
}

} // namespace

GraphError GraphError::fromHttpResponse(
    int httpStatus, const QByteArray &body, const QByteArray &requestIdHeader, const QByteArray &clientRequestIdHeader)
{
    GraphError e;
    e.kind = Kind::Http;
    e.httpStatus = httpStatus;
    e.requestId = displaySafe(QString::fromLatin1(requestIdHeader.left(100)), 100);
    e.clientRequestId = displaySafe(QString::fromLatin1(clientRequestIdHeader.left(100)), 100);

    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject error = doc.isObject() ? doc.object().value(QStringLiteral("error")).toObject() : QJsonObject();
    if (parseError.error != QJsonParseError::NoError || error.isEmpty()) {
        if (looksLikeHtml(body)) {
            // Not Graph's words: say who answered, keep the page for the details.
            e.answeredByIntermediary = true;
            e.page = displaySafe(pageText(body), kMaxMessageLength);
            const QString title = displaySafe(firstPartOf(body), 300);
            e.message = tr("A proxy or gateway answered instead of Microsoft Graph (its page says “%1”).")
                            .arg(title.startsWith(u'<') ? tr("no title") : title);
            return e;
        }
        e.message = body.isEmpty() ? QString() : displaySafe(firstPartOf(body), kMaxMessageLength);
        return e;
    }
    e.code = error.value(QStringLiteral("code")).toString().left(200);
    e.message = error.value(QStringLiteral("message")).toString().left(kMaxMessageLength * 4);
    QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
    if (inner.isEmpty())
        inner = error.value(QStringLiteral("innererror")).toObject();
    e.date = inner.value(QStringLiteral("date")).toString().left(100);
    // The body's ids are the service's own; the headers are a fallback.
    const QString bodyRequestId = inner.value(QStringLiteral("request-id")).toString().left(100);
    const QString bodyClientRequestId = inner.value(QStringLiteral("client-request-id")).toString().left(100);
    if (!bodyRequestId.isEmpty())
        e.requestId = bodyRequestId;
    if (!bodyClientRequestId.isEmpty())
        e.clientRequestId = bodyClientRequestId;
    readIntuneNestedMessage(e);
    e.code = displaySafe(e.code, 200);
    e.message = displaySafe(e.message, kMaxMessageLength);
    e.intunePhrase = displaySafe(e.intunePhrase, kMaxMessageLength);
    e.date = displaySafe(e.date, 100);
    e.requestId = displaySafe(e.requestId, 100);
    e.clientRequestId = displaySafe(e.clientRequestId, 100);
    return e;
}

GraphError GraphError::local(Kind kind, const QString &message)
{
    GraphError e;
    e.kind = kind;
    e.message = message;
    // Refusals and cancellations before sending are certain; a timeout or a
    // network failure may have happened after the request left.
    e.requestMaybeSent = kind == Kind::Timeout || kind == Kind::Network || kind == Kind::InvalidResponse;
    return e;
}

GraphError::WriteOutcome GraphError::writeOutcome() const
{
    switch (kind) {
    case Kind::Timeout:
    case Kind::Network:
    case Kind::InvalidResponse:
    case Kind::Cancelled: return requestMaybeSent ? WriteOutcome::Uncertain : WriteOutcome::NotApplied;
    case Kind::Http:
        if (httpStatus == 429 || httpStatus == 503)
            return WriteOutcome::NotNow;
        // 408: the service gave up waiting for the request, possibly after it started.
        if (httpStatus >= 500 || httpStatus == 408)
            return WriteOutcome::Uncertain;
        return WriteOutcome::NotApplied;
    case Kind::Refused: break;
    }
    return WriteOutcome::NotApplied;
}

QString GraphError::readableMessage() const
{
    if (!intunePhrase.isEmpty())
        return intunePhrase;
    if (!message.isEmpty())
        return message;
    if (kind == Kind::Http)
        return tr("The service answered HTTP %1 without an explanation.").arg(httpStatus);
    return tr("Unknown error.");
}

QString GraphError::summary() const
{
    QString head;
    switch (kind) {
    case Kind::Http:
        head = code.isEmpty() ? tr("HTTP %1").arg(httpStatus) : tr("HTTP %1 %2").arg(httpStatus).arg(code);
        break;
    case Kind::Network: head = tr("Network error"); break;
    case Kind::Timeout: head = tr("Timed out"); break;
    case Kind::Cancelled: head = tr("Cancelled"); break;
    case Kind::InvalidResponse:
        head = httpStatus ? tr("Unexpected response (HTTP %1)").arg(httpStatus) : tr("Unexpected response");
        break;
    case Kind::Refused: head = tr("Refused"); break;
    }
    QString line = head + QStringLiteral(": ") + readableMessage();
    QStringList ids;
    if (!requestId.isEmpty())
        ids << QStringLiteral("request-id ") + requestId;
    if (!clientRequestId.isEmpty())
        ids << QStringLiteral("client-request-id ") + clientRequestId;
    if (!ids.isEmpty())
        line += QStringLiteral(" (") + ids.join(QStringLiteral(", ")) + u')';
    return line;
}

QString GraphError::details() const
{
    QStringList lines;
    if (httpStatus)
        lines << tr("HTTP status: %1").arg(httpStatus);
    if (!code.isEmpty())
        lines << tr("Graph error code: %1").arg(code);
    lines << tr("Message: %1").arg(readableMessage());
    if (!intunePhrase.isEmpty() && message != intunePhrase)
        lines << tr("Service message: %1").arg(message);
    if (!requestId.isEmpty())
        lines << tr("request-id: %1").arg(requestId);
    if (!clientRequestId.isEmpty())
        lines << tr("client-request-id: %1").arg(clientRequestId);
    if (!activityId.isEmpty())
        lines << tr("Intune activity id: %1").arg(activityId);
    if (!date.isEmpty())
        lines << tr("Date: %1").arg(date);
    if (!diagnostics.isEmpty())
        lines << tr("x-ms-ags-diagnostic: %1").arg(diagnostics);
    if (!page.isEmpty())
        lines << tr("The page that came back: %1").arg(page);
    if (!certificate.isEmpty())
        lines << tr("Certificate: %1").arg(certificate);
    if (!nextStep.isEmpty())
        lines << tr("What to do: %1").arg(nextStep);
    return lines.join(u'\n');
}

bool GraphError::isRouteRefusal() const
{
    return httpStatus == 400 && code.compare(QLatin1String("No method match route template"), Qt::CaseInsensitive) == 0;
}

} // namespace ea
