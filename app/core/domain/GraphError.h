#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ea {

// Everything an admin (or Microsoft support) needs to know about a failed
// call: what kind of failure, the HTTP status, Graph's error code and
// message, and the ids that identify the request in Microsoft's logs.
struct GraphError
{
    Q_DECLARE_TR_FUNCTIONS(GraphError)
public:
    enum class Kind {
        Http, // the service answered with a non-success status
        Network, // DNS, connection refused, reset, TLS
        Timeout, // no complete answer within the transfer timeout
        Cancelled, // the user cancelled
        InvalidResponse, // success status but a body that is not what Graph sends
        Refused, // the app refused to follow (e.g. a nextLink to another host)
    };

    Kind kind = Kind::Http;
    int httpStatus = 0;
    QString code;
    QString message;
    QString requestId;
    QString clientRequestId;
    QString date;
    // Intune nests a JSON document inside error.message; these come from it.
    QString intunePhrase;
    QString activityId;
    QString diagnostics; // x-ms-ags-diagnostic header, verbatim
    int retryAfterSeconds = -1;
    // The answer was a web page (HTML), not Graph's JSON: a proxy, gateway or
    // captive portal answered. `page` keeps its text for the details.
    bool answeredByIntermediary = false;
    QString page;
    // What the admin can do, when this failure knows better than its kind
    // (a TLS-inspecting proxy, a proxy that wants a password). Shown in
    // place of the advice by kind.
    QString nextStep;
    // The server's certificate chain, for a refused TLS handshake.
    QString certificate;
    // False only when the request certainly never reached the service
    // (connection refused, host not found, refused by the app itself). A write
    // that failed with this true must be checked before it is retried.
    bool requestMaybeSent = true;

    // Parses Graph's error body (standard shape, Intune's nested message, or
    // anything else: then the first part of the body becomes the message).
    static GraphError fromHttpResponse(int httpStatus, const QByteArray &body, const QByteArray &requestIdHeader,
        const QByteArray &clientRequestIdHeader);
    static GraphError local(Kind kind, const QString &message);

    // The most useful human sentence: Intune's phrase when present, else the message.
    QString readableMessage() const;
    // One line: "HTTP 400 BadRequest: <message> (request-id …, client-request-id …)".
    QString summary() const;
    // Several lines for a details box or a support ticket.
    QString details() const;

    bool isRouteRefusal() const; // "No method match route template"

    // What this failure says about a write, decided here for every kind of
    // write (create, assign, delete, ...):
    //  - NotApplied: certainly not done (a definite client error such as
    //    400, 401, 403, 404, 409; refused or failed before anything was sent);
    //  - NotNow: the service said "not now" (429, 503). It usually did not
    //    apply the write, but tenants have shown a 503 whose write landed;
    //  - Uncertain: it may or may not have landed (any other 5xx, 408, a
    //    timeout or reset after sending, a success answer that is unreadable).
    // Anything but NotApplied is settled by reading the tenant first; only
    // NotNow is ever sent again, and only after a read shows it did not land.
    enum class WriteOutcome { NotApplied, NotNow, Uncertain };
    WriteOutcome writeOutcome() const;
    bool isAmbiguousForWrite() const { return writeOutcome() != WriteOutcome::NotApplied; }
};

} // namespace ea
