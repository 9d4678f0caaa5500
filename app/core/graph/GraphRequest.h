#pragma once

#include "domain/ApiVersion.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <utility>

namespace ea {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One logical Graph call. The path is a list of segments under the version,
// each percent-encoded on its own, so an id such as
// "{tenant}_DefaultLimit" or a hostile "../x" can never change the path.
struct GraphRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QStringList pathSegments;
    QList<std::pair<QString, QString>> queryItems;
    QByteArray body; // JSON, empty for GET/DELETE
    HeaderList extraHeaders;
    bool followNextLinks = false; // collect "value" of every page
    // With followNextLinks: each page's "value" is handed here as it arrives
    // instead of being collected, so a long list is decoded page by page and
    // never held whole as JSON (GraphResponse::values then stays empty).
    std::function<void(const QJsonArray &page)> pageSink;
    // The API version of this call when it must not follow the session's:
    // full-list writes are read and sent on beta, whose objects show what
    // v1.0 hides (filters, policy-set sources).
    std::optional<ApiVersion> apiVersion;
    // A POST that only reads (directoryObjects/getByIds): retried like a GET,
    // and never taken for a write that may have landed.
    bool readsOnly = false;
    bool isWrite() const { return method != "GET" && !readsOnly; }

    static GraphRequest get(QStringList segments) { return make("GET", std::move(segments)); }
    static GraphRequest del(QStringList segments) { return make("DELETE", std::move(segments)); }
    static GraphRequest post(QStringList segments, const QJsonObject &json)
    {
        GraphRequest r = make("POST", std::move(segments));
        r.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        return r;
    }

private:
    static GraphRequest make(const char *method, QStringList segments)
    {
        GraphRequest r;
        r.method = method;
        r.pathSegments = std::move(segments);
        return r;
    }
};

// What came back for a successful call.
struct GraphResponse
{
    int httpStatus = 0;
    QJsonObject object; // the (last) page's top-level object; empty for 204
    QJsonArray values; // with followNextLinks: "value" of every page, in order (none with a pageSink)
    int pageCount = 0;
    qsizetype itemCount = 0; // with followNextLinks: the entries of every page
    QString requestId; // of the last HTTP exchange
    QString clientRequestId; // of the last HTTP exchange
};

// One HTTP exchange as the request log and `-v` show it. Built by
// GraphClient with the Authorization header already redacted.
struct ExchangeRecord
{
    quint64 sequence = 0;
    QByteArray method;
    QUrl url;
    HeaderList requestHeaders;
    QByteArray requestBody; // capped
    bool requestBodyTruncated = false;
    int httpStatus = 0;
    HeaderList responseHeaders;
    QByteArray responseBody; // capped
    bool responseBodyTruncated = false;
    QString errorText; // network-level failure, if any
    QString requestId;
    QString clientRequestId;
    QDateTime startedAt; // UTC
    qint64 durationMs = -1;
    int retryAttempt = 0; // 0: the first attempt; n: the n-th retry (the Retry-Attempt header)
    bool finished = false;
};

} // namespace ea
