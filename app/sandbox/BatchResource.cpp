// POST /{version}/$batch, as Graph documents JSON batching: at most 20
// requests, each run on its own through the whole pipeline (authentication,
// injected faults, the emulated throttling, routing) and answered on its own,
// so a 200 batch can hold a 429 for one request and a 200 for the next.

#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

constexpr qsizetype MaxBatchRequests = 20;

ApiError batchError(const QString &message)
{
    return plainError(400, u"BadRequest"_s, message);
}

// One inner request as the pipeline sees a request of its own: the outer
// request's credentials and host, the inner method, URL, headers and body.
HttpRequest innerRequest(const Context &ctx, const QJsonObject &r, QString *problem)
{
    HttpRequest inner;
    const QString method = r.value(u"method"_s).toString().toUpper();
    QString url = r.value(u"url"_s).toString();
    if (method.isEmpty() || url.isEmpty()) {
        *problem = u"Each batch request needs a method and a url."_s;
        return inner;
    }
    if (url.contains(u"://"_s)) {
        *problem = u"A batch request's url is relative to the version root, like /me."_s;
        return inner;
    }
    if (!url.startsWith(u'/'))
        url.prepend(u'/');
    inner.method = method.toLatin1();
    inner.rawTarget = '/' + ctx.versionSegment + url.toUtf8();
    inner.url = QUrl::fromEncoded(inner.rawTarget);
    for (const char *name : {"Authorization", "Host"}) {
        const QByteArray value = ctx.http.header(name);
        if (!value.isEmpty())
            inner.headers.append({QByteArray(name), value});
    }
    const QJsonObject headers = r.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        inner.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    if (r.value(u"body"_s).isObject())
        inner.body = compact(r.value(u"body"_s).toObject());
    return inner;
}

QJsonObject innerAnswer(const QString &id, const HttpResponse &response)
{
    QJsonObject headers;
    for (const auto &[name, value] : response.headers) {
        if (name.compare("Retry-After", Qt::CaseInsensitive) == 0
            || name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    }
    QJsonObject answer {{u"id"_s, id}, {u"status"_s, response.status}, {u"headers"_s, headers}};
    if (!response.body.isEmpty())
        answer.insert(u"body"_s, QJsonDocument::fromJson(response.body).object());
    return answer;
}

} // namespace

bool isBatchRequest(const Context &ctx)
{
    return ctx.segments.size() == 1 && ctx.segments.first() == u"$batch";
}

HttpResponse batch(SandboxTenant::Private &d, Context &ctx)
{
    ctx.routeMatched = true;
    ctx.readOnlyAction = true; // the batch itself writes nothing; its requests count on their own
    if (ctx.http.method != "POST")
        return errorResponse(ctx, plainError(405, u"BadRequest"_s, u"Batch requests are POSTed."_s));
    const QJsonObject body = QJsonDocument::fromJson(ctx.http.body).object();
    const QJsonArray requests = body.value(u"requests"_s).toArray();
    if (requests.isEmpty())
        return errorResponse(ctx, batchError(u"The batch request has no requests."_s));
    if (requests.size() > MaxBatchRequests)
        return errorResponse(ctx,
            batchError(
                u"The number of batch requests exceeds the limit of "_s + QString::number(MaxBatchRequests) + u"."_s));
    QSet<QString> ids;
    QList<HttpRequest> inner;
    QStringList innerIds;
    for (const QJsonValue &value : requests) {
        const QJsonObject r = value.toObject();
        const QString id = r.value(u"id"_s).toString();
        if (id.isEmpty() || ids.contains(id))
            return errorResponse(ctx, batchError(u"Each batch request needs an id of its own."_s));
        ids.insert(id);
        QString problem;
        inner.append(innerRequest(ctx, r, &problem));
        if (!problem.isEmpty())
            return errorResponse(ctx, batchError(problem));
        innerIds.append(id);
    }
    QJsonArray responses;
    for (qsizetype i = 0; i < inner.size(); ++i)
        responses.append(innerAnswer(innerIds.at(i), d.handle(inner.at(i))));
    return jsonResponse(200, compact(QJsonObject {{u"responses"_s, responses}}));
}

} // namespace ea::sandbox
