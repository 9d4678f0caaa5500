#include "sandbox/GraphErrors.h"

#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxSupport.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

QString segmentPathForIntune(const Context &ctx)
{
    // deviceManagement/deviceEnrollmentConfigurations('id')/assignments
    QString path;
    for (qsizetype i = 0; i < ctx.segments.size(); ++i) {
        if (i == 2 || i == 4) {
            path += odataKey(ctx.segments.at(i));
            continue;
        }
        if (!path.isEmpty())
            path += u'/';
        path += ctx.segments.at(i);
    }
    return path;
}

QString intuneMessage(const Context &ctx, const QString &phrase)
{
    const QString url
        = u"https://fef.msub02.manage.microsoft.com/DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/"_s
        + segmentPathForIntune(ctx) + u"?api-version=5024-11-07"_s;
    const QString message
        = u"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: "_s
        + ctx.requestId + u" - Url: "_s + url + u" - CustomApiErrorPhrase: "_s + phrase
        + u" - RetryAfter:  - ErrorSourceService:  - HttpHeaders: {}"_s;
    return u"{\r\n  \"_version\": 3,\r\n  \"Message\": "_s + QString::fromUtf8(jsonString(message))
        + u",\r\n  \"CustomApiErrorPhrase\": "_s + QString::fromUtf8(jsonString(phrase))
        + u",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}"_s;
}

} // namespace

ApiError plainError(int status, const QString &code, const QString &message)
{
    return ApiError {status, code, message, false};
}

ApiError intuneError(int status, const QString &code, const QString &phrase)
{
    return ApiError {status, code, phrase, true};
}

ApiError intuneBadRequest(const QString &phrase)
{
    return intuneError(400, u"BadRequest"_s, phrase);
}

ApiError unknownProperty(const QString &property, const QString &type)
{
    return intuneBadRequest(u"The property '"_s + property + u"' does not exist on type '"_s + type
        + u"'. Make sure to only use property names that are defined by the type or mark the type as open type."_s);
}

ApiError unsupportedQuery(const QString &message)
{
    return plainError(400, u"Request_UnsupportedQuery"_s, message);
}

ApiError badDirectoryRequest(const QString &message)
{
    return plainError(400, u"Request_BadRequest"_s, message);
}

HttpResponse errorResponse(const Context &ctx, const ApiError &e)
{
    const QJsonObject inner {
        {u"date"_s, nowIso()},
        {u"request-id"_s, ctx.requestId},
        {u"client-request-id"_s, ctx.clientRequestId},
    };
    const QJsonObject error {
        {u"code"_s, e.code},
        {u"message"_s, e.intune ? intuneMessage(ctx, e.message) : e.message},
        {u"innerError"_s, inner},
    };
    HttpResponse response;
    response.status = e.status;
    response.body = compact(QJsonObject {{u"error"_s, error}});
    return response;
}

HttpResponse jsonResponse(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse routeRefusal(const Context &ctx, const char *routeTemplate)
{
    const QString message = u"No OData route exists that match template "_s + QLatin1String(routeTemplate)
        + u" with http verb "_s + QString::fromLatin1(ctx.http.method)
        + u" for request /DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/"_s + segmentPathForIntune(ctx)
        + u"."_s;
    return errorResponse(ctx, plainError(400, u"No method match route template"_s, message));
}

HttpResponse notFound(const Context &ctx, const QString &segment)
{
    return errorResponse(
        ctx, plainError(404, u"ResourceNotFound"_s, u"Resource not found for the segment '"_s + segment + u"'."_s));
}

HttpResponse notImplemented(const Context &ctx)
{
    return errorResponse(
        ctx, plainError(501, u"NotImplemented"_s, u"The sandbox tenant does not implement this operation."_s));
}

HttpResponse throttledResponse(const Context &ctx, int retryAfterSeconds)
{
    // Intune's throttled writes come in its nested shape, like its other errors.
    HttpResponse response = errorResponse(ctx,
        intuneError(
            429, u"TooManyRequests"_s, u"Too many requests; the write limit of this app in this tenant is reached."_s));
    if (retryAfterSeconds >= 0)
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds)});
    return response;
}

HttpResponse injectedFault(const Context &ctx, int status, std::optional<int> retryAfterSeconds)
{
    const QString code = status == 429 ? u"TooManyRequests"_s
        : status == 503                ? u"ServiceUnavailable"_s
        : status == 504                ? u"GatewayTimeout"_s
                                       : u"UnknownError"_s;
    HttpResponse response = errorResponse(ctx, plainError(status, code, u"Injected sandbox fault."_s));
    if (retryAfterSeconds && *retryAfterSeconds >= 0)
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*retryAfterSeconds)});
    return response;
}

} // namespace ea::sandbox
