#include "graph/RequestExport.h"

#include "graph/GraphClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace ea {

QString RequestPreview::toText() const
{
    QString text = QString::fromLatin1(method) + u' ' + url.toString(QUrl::FullyEncoded);
    if (!body.isEmpty())
        text += u'\n' + QString::fromUtf8(body);
    return text;
}

namespace requestexport {

namespace {

// Share links of Graph Explorer itself use this address (no locale in the path).
constexpr const char *kGraphExplorerUrl = "https://developer.microsoft.com/graph/graph-explorer";

QByteArray compactJson(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return body; // not JSON (a capped log body): copied as it is
    return doc.toJson(QJsonDocument::Compact);
}

bool isCaseInsensitively(const QByteArray &name, const char *wanted)
{
    return name.compare(wanted, Qt::CaseInsensitive) == 0;
}

// Accept and Content-Type: Invoke-MgGraphRequest and Graph Explorer set them
// themselves; what is left are the headers that change what Graph does
// (ConsistencyLevel, Prefer, ...).
HeaderList headersBeyondTheDefaults(const RequestPreview &request)
{
    HeaderList out;
    for (const auto &header : request.headers) {
        if (isLeftOutOfCopies(header.first) || isCaseInsensitively(header.first, "Accept")
            || isCaseInsensitively(header.first, "Content-Type"))
            continue;
        out.append(header);
    }
    return out;
}

QByteArray contentTypeOf(const RequestPreview &request)
{
    for (const auto &[name, value] : request.headers) {
        if (isCaseInsensitively(name, "Content-Type"))
            return value;
    }
    return QByteArrayLiteral("application/json");
}

// Methods are plain tokens; anything else (a hostile log entry) is quoted like any other text.
bool isPlainMethod(const QByteArray &method)
{
    if (method.isEmpty())
        return false;
    for (char c : method) {
        if (c < 'A' || c > 'Z')
            return false;
    }
    return true;
}

QString queryValue(const QByteArray &value)
{
    // '/' and ':' stay readable; '&', '+', '=', '%' and the rest are encoded.
    return QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(value), "/:"));
}

QJsonArray headerArray(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        array.append(QJsonArray {QString::fromLatin1(name), QString::fromUtf8(redactedHeaderValue(name, value))});
    }
    return array;
}

} // namespace

bool isLeftOutOfCopies(const QByteArray &headerName)
{
    for (const char *name : {"Authorization", "Cookie", "client-request-id", "return-client-request-id",
             "Retry-Attempt", "Content-Length", "Host"}) {
        if (isCaseInsensitively(headerName, name))
            return true;
    }
    return false;
}

bool parseFormat(const QString &name, Format *format)
{
    for (Format f : {Format::Text, Format::Curl, Format::PowerShell, Format::Json, Format::GraphExplorer}) {
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0) {
            *format = f;
            return true;
        }
    }
    return false;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Text: return QStringLiteral("text");
    case Format::Curl: return QStringLiteral("curl");
    case Format::PowerShell: return QStringLiteral("powershell");
    case Format::Json: return QStringLiteral("json");
    case Format::GraphExplorer: return QStringLiteral("graph-explorer");
    }
    return {};
}

QString toText(Format format, const RequestPreview &request)
{
    switch (format) {
    case Format::Text: return request.toText();
    case Format::Curl: return toCurl(request);
    case Format::PowerShell: return toPowerShell(request);
    case Format::Json:
        return QString::fromUtf8(QJsonDocument(toJson(request)).toJson(QJsonDocument::Indented)).trimmed();
    case Format::GraphExplorer: return toGraphExplorerLink(request);
    }
    return {};
}

QString posixSingleQuoted(const QString &text)
{
    // Inside '...' a POSIX shell takes every character literally ($, `, \,
    // newlines); only ' itself ends it, so it is closed, escaped and reopened.
    QString quoted = text;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString powerShellSingleQuoted(const QString &text)
{
    // PowerShell takes the typographic quotes as ' too, and a doubled quote
    // of any of these kinds stands for itself.
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += u'\'';
    for (QChar c : text) {
        quoted += c;
        if (c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A) || c == QChar(0x201B))
            quoted += c;
    }
    quoted += u'\'';
    return quoted;
}

QString toCurl(const RequestPreview &request)
{
    const QString url = request.url.toString(QUrl::FullyEncoded);
    // The header goes to curl on standard input (-H @-), written by the
    // shell's printf builtin: the token is never on a command line, where
    // every user of the machine could read it (ps, /proc/PID/cmdline).
    QString first = QStringLiteral("printf 'Authorization: Bearer %s\\n' \"$%1\" | curl -H @-")
                        .arg(QLatin1String(kTokenVariable));
    // curl reads [] and {} in a URL as patterns unless told not to.
    if (url.contains(u'[') || url.contains(u']') || url.contains(u'{') || url.contains(u'}'))
        first += QLatin1String(" --globoff");
    const QString method = QString::fromLatin1(request.method);
    first += QLatin1String(" -X ") + (isPlainMethod(request.method) ? method : posixSingleQuoted(method)) + u' '
        + posixSingleQuoted(url);

    QStringList parts {first};
    for (const auto &[name, value] : request.headers) {
        if (isLeftOutOfCopies(name))
            continue;
        parts << QLatin1String("-H ") + posixSingleQuoted(QString::fromUtf8(QByteArray(name + ": " + value)));
    }
    if (!request.body.isEmpty())
        parts << QLatin1String("--data-raw ") + posixSingleQuoted(QString::fromUtf8(compactJson(request.body)));
    return parts.join(QLatin1String(" \\\n  "));
}

QString toPowerShell(const RequestPreview &request)
{
    const QString method = QString::fromLatin1(request.method);
    QString command = QLatin1String("Invoke-MgGraphRequest -Method ")
        + (isPlainMethod(request.method) ? method : powerShellSingleQuoted(method)) + QLatin1String(" -Uri ")
        + powerShellSingleQuoted(request.url.toString(QUrl::FullyEncoded));
    const HeaderList extra = headersBeyondTheDefaults(request);
    if (!extra.isEmpty()) {
        QStringList entries;
        for (const auto &[name, value] : extra)
            entries << powerShellSingleQuoted(QString::fromUtf8(name)) + QLatin1String(" = ")
                    + powerShellSingleQuoted(QString::fromUtf8(value));
        command += QLatin1String(" -Headers @{ ") + entries.join(QLatin1String("; ")) + QLatin1String(" }");
    }
    if (!request.body.isEmpty()) {
        command += QLatin1String(" -Body ") + powerShellSingleQuoted(QString::fromUtf8(compactJson(request.body)))
            + QLatin1String(" -ContentType ") + powerShellSingleQuoted(QString::fromUtf8(contentTypeOf(request)));
    }
    return command;
}

QString toGraphExplorerLink(const RequestPreview &request)
{
    const QString path = request.url.path(QUrl::FullyEncoded);
    QString version;
    for (const QString &candidate : {QStringLiteral("v1.0"), QStringLiteral("beta")}) {
        if (path.startsWith(u'/' + candidate + u'/'))
            version = candidate;
    }
    if (version.isEmpty() || request.url.host().isEmpty())
        return {};
    // Graph Explorer joins them back as GraphUrl + "/" + version + "/" + request.
    QString resource = path.mid(version.size() + 2);
    if (request.url.hasQuery())
        resource += u'?' + request.url.query(QUrl::FullyEncoded);
    const QString graphUrl
        = request.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
              .toString(QUrl::FullyEncoded);

    QString link = QLatin1String(kGraphExplorerUrl) + QLatin1String("?request=") + queryValue(resource.toUtf8())
        + QLatin1String("&method=") + queryValue(request.method) + QLatin1String("&version=") + version
        + QLatin1String("&GraphUrl=") + queryValue(graphUrl.toUtf8());
    if (!request.body.isEmpty())
        link += QLatin1String("&requestBody=") + queryValue(compactJson(request.body).toBase64());
    const HeaderList extra = headersBeyondTheDefaults(request);
    if (!extra.isEmpty()) {
        QJsonArray headers;
        for (const auto &[name, value] : extra)
            headers.append(QJsonObject {{QStringLiteral("name"), QString::fromUtf8(name)},
                {QStringLiteral("value"), QString::fromUtf8(value)}});
        link += QLatin1String("&headers=")
            + queryValue(QJsonDocument(headers).toJson(QJsonDocument::Compact).toBase64());
    }
    return link;
}

QJsonObject toJson(const RequestPreview &request)
{
    QJsonValue body = QJsonValue::Null;
    if (!request.body.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(request.body);
        if (doc.isObject())
            body = doc.object();
        else if (doc.isArray())
            body = doc.array();
        else
            body = QString::fromUtf8(request.body);
    }
    QJsonObject headers;
    for (const auto &[name, value] : request.headers) {
        if (!isLeftOutOfCopies(name))
            headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    }
    return {
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("url"), request.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("body"), body},
        {QStringLiteral("headers"), headers},
    };
}

QByteArray readableBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isNull() ? body : doc.toJson(QJsonDocument::Indented).trimmed();
}

RequestPreview fromExchange(const ExchangeRecord &record)
{
    RequestPreview request;
    request.method = record.method;
    request.url = record.url;
    request.headers = record.requestHeaders;
    if (!record.requestBody.isEmpty())
        request.body = readableBody(record.requestBody);
    return request;
}

QByteArray exchangeToJsonLine(const ExchangeRecord &record)
{
    const QJsonObject object {
        {QStringLiteral("sequence"), double(record.sequence)},
        {QStringLiteral("startedAt"), record.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), QString::fromLatin1(record.method)},
        {QStringLiteral("url"), record.url.toString(QUrl::FullyEncoded)},
        {QStringLiteral("status"), record.httpStatus},
        {QStringLiteral("durationMs"), double(record.durationMs)},
        {QStringLiteral("retryAttempt"), record.retryAttempt},
        {QStringLiteral("requestId"), record.requestId},
        {QStringLiteral("clientRequestId"), record.clientRequestId},
        {QStringLiteral("error"), record.errorText},
        {QStringLiteral("requestHeaders"), headerArray(record.requestHeaders)},
        {QStringLiteral("requestBody"), QString::fromUtf8(record.requestBody)},
        {QStringLiteral("requestBodyTruncated"), record.requestBodyTruncated},
        {QStringLiteral("responseHeaders"), headerArray(record.responseHeaders)},
        {QStringLiteral("responseBody"), QString::fromUtf8(record.responseBody)},
        {QStringLiteral("responseBodyTruncated"), record.responseBodyTruncated},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace requestexport

} // namespace ea
