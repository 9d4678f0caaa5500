#pragma once

// The shapes of Graph's answers that are not data: its error body (plain, or
// Intune's nested message), the route refusal, 404/501, injected faults, and
// the two trivial success shapes.

#include "sandbox/GraphRequest.h"
#include "sandbox/HttpServer.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ea::sandbox {

struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    // Intune wraps its errors: error.message is itself a JSON document whose
    // CustomApiErrorPhrase carries `message`.
    bool intune = false;
};

ApiError plainError(int status, const QString &code, const QString &message);
ApiError intuneError(int status, const QString &code, const QString &phrase);
ApiError intuneBadRequest(const QString &phrase);
ApiError unknownProperty(const QString &property, const QString &type);
// The directory's (Entra ID's) codes, not Intune's.
ApiError unsupportedQuery(const QString &message);
ApiError badDirectoryRequest(const QString &message);

HttpResponse errorResponse(const Context &ctx, const ApiError &e);
HttpResponse jsonResponse(int status, QByteArray body);
HttpResponse noContent();
// The real service's answer to a verb no route takes: a 400 whose code is
// the phrase itself and whose message is NOT nested.
HttpResponse routeRefusal(const Context &ctx, const char *routeTemplate);
HttpResponse notFound(const Context &ctx, const QString &segment);
HttpResponse notImplemented(const Context &ctx);
// What the emulated write limit answers (SandboxThrottling); retryAfterSeconds < 0: no Retry-After.
HttpResponse throttledResponse(const Context &ctx, int retryAfterSeconds);
// What failNextRequests / failNextWrites answer.
HttpResponse injectedFault(const Context &ctx, int status, std::optional<int> retryAfterSeconds);

} // namespace ea::sandbox
