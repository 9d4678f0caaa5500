#pragma once

// The tests' one fake Graph: the product's own sandbox tenant (app/sandbox)
// on 127.0.0.1, plus faults scripted through its HTTP server's fault hook.
// Every request is recorded. Three ways to use it, from the most Graph to the
// least:
//
//  - as it is: the sandbox answers (seed data, Graph's error shapes, paging);
//  - with faults per route (inject): one request of a kind meets a throttle,
//    a stall, a reset, a lie or a redirect instead of its normal answer. A
//    fault can apply the write first and then lose or spoil the answer: the
//    ambiguous cases a careful client settles with a re-read, never with a
//    second POST. The state stays the sandbox's, so a test asserts what the
//    server holds at the end ("exactly one new assignment");
//  - with a script (setScript) that answers requests itself, for tests of
//    the HTTP client that need answers no Graph route gives (a page whose
//    nextLink loops, a 200 of HTML, a body that never ends). Returning
//    nullopt hands the request to the sandbox.
//
// Nothing here emulates a Graph resource: what Graph holds is the sandbox's.

#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace ea::test {

using sandbox::HttpFault;
using sandbox::HttpRequest;
using sandbox::HttpResponse;

// --- encoding: answers as a fault hook sends them ---------------------------

inline HttpResponse httpResponse(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
    const QList<std::pair<QByteArray, QByteArray>> &extraHeaders = {})
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    response.headers.append(extraHeaders);
    return response;
}

// A JSON answer with a request-id, as every Graph answer has one.
inline HttpFault json(int status, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    QList<std::pair<QByteArray, QByteArray>> all {
        {QByteArrayLiteral("request-id"), "req-" + QByteArray::number(status)}};
    all.append(headers);
    return HttpFault::answer(httpResponse(status, body, "application/json", all));
}

// Graph's standard error body.
inline QByteArray graphErrorBody(const QString &code, const QString &message)
{
    const QJsonObject error {{QStringLiteral("error"),
        QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
            {QStringLiteral("innerError"),
                QJsonObject {{QStringLiteral("date"), QStringLiteral("2026-01-01T00:00:00")}}}}}};
    return QJsonDocument(error).toJson(QJsonDocument::Compact);
}

inline HttpFault stall()
{
    return HttpFault::of(HttpFault::Action::Stall);
}

inline HttpFault drop()
{
    return HttpFault::of(HttpFault::Action::Drop);
}

class SandboxWithFaults : public QObject
{
public:
    using Script = std::function<std::optional<HttpFault>(const HttpRequest &request, int index)>;

    // The Graph requests faults are injected into, by method and path.
    enum class Route {
        ListConfigurations,
        GetConfiguration,
        ListAssignments,
        CreateAssignment, // POST .../assignments
        AssignFullList, // POST .../assign
        DeleteAssignment,
        SetPriority, // POST .../setPriority
        Unknown,
    };

    // What one request meets instead of its normal answer.
    struct Fault
    {
        enum class Kind {
            Answer, // `response` as given
            Stall, // read the request, never answer
            Close, // read the request, reset the connection without a byte
            Truncated, // the normal answer's headers, half its body, then close
            AnswerThenClose, // the normal answer, then the connection is closed
            NextLinkTo, // the normal page, with @odata.nextLink set to `url`
        };
        Kind kind = Kind::Answer;
        // Apply the write before the fault strikes: the service did it, only
        // the answer is lost or spoiled. (A fault on a read always reads.)
        bool applyWrite = false;
        HttpResponse response;
        QByteArray url;

        Fault afterWrite() const
        {
            Fault f = *this;
            f.applyWrite = true;
            return f;
        }
        static Fault answer(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
        {
            Fault f;
            f.response = httpResponse(status, body, contentType);
            return f;
        }
        // Graph's standard error body; Retry-After only when given.
        static Fault graphError(
            int status, const QString &code, const QString &message, const QByteArray &retryAfter = {})
        {
            Fault f = answer(status, graphErrorBody(code, message));
            if (!retryAfter.isNull())
                f.response.headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
            return f;
        }
        // What a proxy or load balancer sends: an HTML page, no Graph JSON.
        static Fault html(int status, const QByteArray &title)
        {
            return answer(status,
                "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title
                    + "</h1><hr>nginx</body></html>",
                "text/html");
        }
        static Fault redirectTo(const QByteArray &location)
        {
            Fault f = answer(307, {}, {});
            f.response.headers.append({QByteArrayLiteral("Location"), location});
            return f;
        }
        static Fault stall() { return make(Kind::Stall); }
        static Fault close() { return make(Kind::Close); }
        static Fault truncated() { return make(Kind::Truncated); }
        static Fault answerThenClose() { return make(Kind::AnswerThenClose); }
        static Fault nextLinkTo(const QByteArray &url)
        {
            Fault f = make(Kind::NextLinkTo);
            f.url = url;
            return f;
        }

    private:
        static Fault make(Kind kind)
        {
            Fault f;
            f.kind = kind;
            return f;
        }
    };

    explicit SandboxWithFaults(Script script = {}, QObject *parent = nullptr)
        : QObject(parent)
        , m_script(std::move(script))
    {
        m_server.httpServer().setFaultHook(
            [this](const HttpRequest &request, const sandbox::HttpServer::Handler &route) {
                return hook(request, route);
            });
        if (!m_server.listen())
            qFatal("SandboxWithFaults: cannot listen on 127.0.0.1");
        m_port = m_server.port();
    }

    sandbox::SandboxServer &server() { return m_server; }
    sandbox::SandboxTenant &tenant() { return m_server.tenant(); }

    QByteArray rootUrl() const { return "http://127.0.0.1:" + QByteArray::number(m_port); }
    quint16 port() const { return m_port; }
    // The collection URL as a nextLink would name it.
    QByteArray configurationsUrl() const { return rootUrl() + "/v1.0/deviceManagement/deviceEnrollmentConfigurations"; }
    // Connection refused from now on (open connections stay); listenAgain()
    // takes the same port back.
    void stopListening() { m_server.close(); }
    bool listenAgain() { return m_server.listen(m_port); }

    void setScript(Script script) { m_script = std::move(script); }
    // Called for every request before it is answered, with the state as the
    // request finds it (a test checks here that no write arrives twice).
    std::function<void(Route, const HttpRequest &)> beforeAnswer;
    // Called for every request once its answer is decided.
    std::function<void(Route)> onRequest;

    // Faults are used in the order given, one per matching request; a route
    // without faults left is answered by the sandbox.
    void inject(Route route, const Fault &fault, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            m_faults[route].append(fault);
    }
    int faultsLeft(Route route) const { return int(m_faults.value(route).size()); }

    const QList<HttpRequest> &requests() const { return m_requests; }
    int count(Route route) const
    {
        int n = 0;
        for (const HttpRequest &r : m_requests)
            n += routeOf(r) == route ? 1 : 0;
        return n;
    }
    // Every POST the server received (single and full-list writes).
    int postCount() const { return count(Route::CreateAssignment) + count(Route::AssignFullList); }

    static Route routeOf(const HttpRequest &r)
    {
        QByteArray path = r.rawTarget;
        if (const qsizetype q = path.indexOf('?'); q >= 0)
            path.truncate(q);
        QList<QByteArray> s = path.split('/');
        s.removeAll(QByteArray());
        // ["v1.0" | "beta", "deviceManagement", "deviceEnrollmentConfigurations", id, "assignments", aid]
        if (s.size() < 3 || s.at(1) != "deviceManagement" || s.at(2) != "deviceEnrollmentConfigurations")
            return Route::Unknown;
        const bool get = r.method == "GET";
        if (s.size() == 3)
            return get ? Route::ListConfigurations : Route::Unknown;
        if (s.size() == 4)
            return get ? Route::GetConfiguration : Route::Unknown;
        if (s.size() == 5 && s.at(4) == "assignments")
            return get ? Route::ListAssignments : r.method == "POST" ? Route::CreateAssignment : Route::Unknown;
        if (s.size() == 5 && s.at(4) == "assign" && r.method == "POST")
            return Route::AssignFullList;
        if (s.size() == 5 && s.at(4) == "setPriority" && r.method == "POST")
            return Route::SetPriority;
        if (s.size() == 6 && s.at(4) == "assignments" && r.method == "DELETE")
            return Route::DeleteAssignment;
        return Route::Unknown;
    }

private:
    static bool isWrite(Route route)
    {
        return route == Route::CreateAssignment || route == Route::AssignFullList || route == Route::DeleteAssignment
            || route == Route::SetPriority;
    }

    std::optional<HttpFault> hook(const HttpRequest &request, const sandbox::HttpServer::Handler &route)
    {
        m_requests.append(request);
        const Route kind = routeOf(request);
        if (beforeAnswer)
            beforeAnswer(kind, request);
        std::optional<HttpFault> reply;
        if (m_script)
            reply = m_script(request, int(m_requests.size()) - 1);
        else if (!m_faults.value(kind).isEmpty())
            reply = strike(m_faults[kind].takeFirst(), kind, request, route);
        if (onRequest)
            onRequest(kind);
        return reply;
    }

    HttpFault strike(
        const Fault &fault, Route kind, const HttpRequest &request, const sandbox::HttpServer::Handler &route)
    {
        HttpResponse normal;
        normal.status = 0;
        if (fault.applyWrite || fault.kind == Fault::Kind::Truncated || fault.kind == Fault::Kind::NextLinkTo
            || fault.kind == Fault::Kind::AnswerThenClose) {
            // A fault on a read spoils the normal answer; on a write it applies it only when told to.
            if (!isWrite(kind) || fault.applyWrite)
                normal = route(request);
        }
        switch (fault.kind) {
        case Fault::Kind::Answer: {
            HttpResponse response = fault.response;
            response.headers.append({QByteArrayLiteral("request-id"), "fault-" + QByteArray::number(++m_faultAnswers)});
            return HttpFault::answer(response);
        }
        case Fault::Kind::Stall: return HttpFault::of(HttpFault::Action::Stall);
        case Fault::Kind::Close: return HttpFault::of(HttpFault::Action::Drop);
        case Fault::Kind::Truncated: {
            const QByteArray body = normal.body.isEmpty() ? QByteArray(R"({"value":[]})") : normal.body;
            HttpFault cut
                = HttpFault::answer(httpResponse(normal.status ? normal.status : 200, body.left(body.size() / 2)),
                    HttpFault::Action::AnswerThenClose);
            cut.announcedLength = body.size() + 100;
            return cut;
        }
        case Fault::Kind::AnswerThenClose: return HttpFault::answer(normal, HttpFault::Action::AnswerThenClose);
        case Fault::Kind::NextLinkTo: {
            QJsonObject page = QJsonDocument::fromJson(normal.body).object();
            page.insert(QStringLiteral("@odata.nextLink"), QString::fromLatin1(fault.url));
            normal.body = QJsonDocument(page).toJson(QJsonDocument::Compact);
            return HttpFault::answer(normal);
        }
        }
        return HttpFault::of(HttpFault::Action::Drop);
    }

    sandbox::SandboxServer m_server;
    quint16 m_port = 0;
    Script m_script;
    QList<HttpRequest> m_requests;
    QMap<Route, QList<Fault>> m_faults;
    int m_faultAnswers = 0;
};

} // namespace ea::test
