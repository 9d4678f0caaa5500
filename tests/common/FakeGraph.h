#pragma once

// A stateful fake of the Graph endpoints one enrollment configuration needs,
// on a raw HTTP/1.1 server (ScriptedHttpServer) on 127.0.0.1, with faults
// injected per request. It keeps an in-memory assignment list, so a test can
// assert the server's final state ("exactly one assignment, one POST")
// whatever the client was told. A fault can apply the write first and then
// lose or spoil the answer: the ambiguous cases a careful client must settle
// with a re-read instead of a second POST.
//
//   GET    /{v}/deviceManagement/deviceEnrollmentConfigurations            (paged)
//   GET    /{v}/deviceManagement/deviceEnrollmentConfigurations/{id}
//   GET    /{v}/deviceManagement/deviceEnrollmentConfigurations/{id}/assignments (paged)
//   POST   /{v}/deviceManagement/deviceEnrollmentConfigurations/{id}/assignments
//   POST   /{v}/deviceManagement/deviceEnrollmentConfigurations/{id}/assign
//   DELETE /{v}/deviceManagement/deviceEnrollmentConfigurations/{id}/assignments/{aid}

#include "ScriptedHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrlQuery>
#include <QUuid>

namespace ea::test {

class FakeGraph : public QObject
{
public:
    enum class Route {
        ListConfigurations,
        GetConfiguration,
        ListAssignments,
        CreateAssignment, // POST .../assignments
        AssignFullList, // POST .../assign
        DeleteAssignment,
        Unknown,
    };

    // What the fake does to one request instead of its normal answer.
    struct Fault
    {
        enum class Kind {
            Answer, // status + body + headers as given
            Stall, // read the request, never answer
            Close, // read the request, reset the connection without a byte
            Truncated, // the normal answer's headers, half its body, then close
            AnswerThenClose, // the normal answer, then the connection is closed
            NextLinkTo, // the normal page, with @odata.nextLink set to `url`
        };
        Kind kind = Kind::Answer;
        // Apply the write to the in-memory state before the fault strikes:
        // the service did it, only the answer is lost or spoiled.
        bool applyWrite = false;
        int status = 0;
        QByteArray contentType = "application/json";
        QByteArray body;
        QByteArray extraHeaders; // "Name: value\r\n" lines
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
            f.status = status;
            f.body = body;
            f.contentType = contentType;
            return f;
        }
        // Graph's standard error body; Retry-After only when given.
        static Fault graphError(
            int status, const QString &code, const QString &message, const QByteArray &retryAfter = {})
        {
            const QJsonObject error {{QStringLiteral("error"),
                QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                    {QStringLiteral("innerError"),
                        QJsonObject {{QStringLiteral("date"), QStringLiteral("2026-01-01T00:00:00")}}}}}};
            Fault f = answer(status, QJsonDocument(error).toJson(QJsonDocument::Compact));
            if (!retryAfter.isNull())
                f.extraHeaders = "Retry-After: " + retryAfter + "\r\n";
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
            Fault f = answer(307, {});
            f.extraHeaders = "Location: " + location + "\r\n";
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

    explicit FakeGraph(QObject *parent = nullptr)
        : QObject(parent)
        , m_server([this](const RecordedRequest &r, int) { return handle(r); }, this)
    {
        m_configuration = QJsonObject {
            {QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.deviceEnrollmentLimitConfiguration")},
            {QStringLiteral("id"), QStringLiteral("3f2a0c4e-8b1d-4c5e-9a7f-0123456789ab_Limit")},
            {QStringLiteral("displayName"), QStringLiteral("Kiosk device limit")},
            {QStringLiteral("description"), QStringLiteral("Five devices per user")},
            {QStringLiteral("priority"), 1},
            {QStringLiteral("version"), 1},
            {QStringLiteral("createdDateTime"), QStringLiteral("2025-03-01T10:00:00Z")},
            {QStringLiteral("lastModifiedDateTime"), QStringLiteral("2025-03-02T10:00:00Z")},
            {QStringLiteral("limit"), 5},
        };
    }

    QByteArray rootUrl() const { return m_server.rootUrl(); }
    quint16 port() const { return m_server.port(); }
    // Nothing listens on the port (connection refused) until listenAgain().
    void stopListening() { m_server.stopListening(); }
    bool listenAgain() { return m_server.listenAgain(); }
    // Called for every request, after its answer is decided.
    std::function<void(Route)> onRequest;
    // Called for every request before it is answered, with the state as the
    // request finds it (a test checks here that no write arrives twice).
    std::function<void(Route, const RecordedRequest &)> beforeAnswer;
    // The collection URL as a nextLink would name it.
    QByteArray configurationsUrl() const { return rootUrl() + "/v1.0/deviceManagement/deviceEnrollmentConfigurations"; }

    QString configurationId() const { return m_configuration.value(QStringLiteral("id")).toString(); }
    QJsonObject configuration() const { return m_configuration; }
    void setConfiguration(const QJsonObject &configuration) { m_configuration = configuration; }
    // Like the Enrollment Status Page: POST .../assignments answers
    // 400 "No method match route template"; only `assign` works.
    void setSingleAssignmentRouteRefused(bool refused) { m_routeRefused = refused; }
    // Like an ESP in some tenants: DELETE .../assignments/{aid} is refused
    // with the same route error; only `assign` without the entry works.
    void setSingleDeleteRouteRefused(bool refused) { m_deleteRouteRefused = refused; }
    // The configuration is gone: every request about it answers 404.
    void deleteConfiguration() { m_deleted = true; }
    // Lists are cut into pages of this size (0: one page).
    void setPageSize(int size) { m_pageSize = size; }
    // Requests whose bearer token is not one of these answer 401.
    void setAcceptedTokens(const QStringList &tokens) { m_acceptedTokens = tokens; }

    // An assignment object exactly as given (extra properties and all).
    void addRawAssignment(const QJsonObject &assignment) { m_assignments.append(assignment); }
    QString addAssignment(const QJsonObject &target)
    {
        const QString id = configurationId() + u'_' + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        m_assignments.append(QJsonObject {
            {QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.enrollmentConfigurationAssignment")},
            {QStringLiteral("id"), id}, {QStringLiteral("target"), target}});
        return id;
    }
    QJsonArray assignments() const { return m_assignments; }
    int assignmentCount() const { return int(m_assignments.size()); }

    // Faults are used in the order given, one per matching request; a route
    // without faults left is answered normally.
    void inject(Route route, const Fault &fault, int times = 1)
    {
        for (int i = 0; i < times; ++i)
            m_faults[route].append(fault);
    }
    int faultsLeft(Route route) const { return int(m_faults.value(route).size()); }

    const QList<RecordedRequest> &requests() const { return m_server.requests(); }
    int count(Route route) const
    {
        int n = 0;
        for (const RecordedRequest &r : m_server.requests())
            n += routeOf(r) == route ? 1 : 0;
        return n;
    }
    // Every POST the server received (single and full-list writes).
    int postCount() const { return count(Route::CreateAssignment) + count(Route::AssignFullList); }

    static Route routeOf(const RecordedRequest &r)
    {
        const QList<QByteArray> path = pathOf(r);
        // ["v1.0", "deviceManagement", "deviceEnrollmentConfigurations", id, "assignments", aid]
        if (path.size() < 3 || path.at(1) != "deviceManagement" || path.at(2) != "deviceEnrollmentConfigurations")
            return Route::Unknown;
        if (path.size() == 3)
            return r.method == "GET" ? Route::ListConfigurations : Route::Unknown;
        if (path.size() == 4)
            return r.method == "GET" ? Route::GetConfiguration : Route::Unknown;
        if (path.size() == 5 && path.at(4) == "assignments")
            return r.method == "GET" ? Route::ListAssignments
                : r.method == "POST" ? Route::CreateAssignment
                                     : Route::Unknown;
        if (path.size() == 5 && path.at(4) == "assign" && r.method == "POST")
            return Route::AssignFullList;
        if (path.size() == 6 && path.at(4) == "assignments" && r.method == "DELETE")
            return Route::DeleteAssignment;
        return Route::Unknown;
    }

private:
    static QList<QByteArray> pathOf(const RecordedRequest &r)
    {
        QByteArray path = r.target;
        const qsizetype q = path.indexOf('?');
        if (q >= 0)
            path.truncate(q);
        QList<QByteArray> segments = path.split('/');
        segments.removeAll(QByteArray());
        for (QByteArray &s : segments)
            s = QByteArray::fromPercentEncoding(s);
        return segments;
    }

    static int skipOf(const RecordedRequest &r)
    {
        const qsizetype q = r.target.indexOf('?');
        if (q < 0)
            return 0;
        return QUrlQuery(QString::fromLatin1(r.target.mid(q + 1))).queryItemValue(QStringLiteral("$skiptoken")).toInt();
    }

    QByteArray response(int status, const QByteArray &body, const QByteArray &contentType = "application/json",
        const QByteArray &extraHeaders = {}, qsizetype announcedLength = -1)
    {
        ++m_responses;
        return "HTTP/1.1 " + QByteArray::number(status) + " Fake\r\nContent-Type: " + contentType
            + "\r\nrequest-id: fake-" + QByteArray::number(m_responses) + "\r\n" + extraHeaders + "Content-Length: "
            + QByteArray::number(announcedLength >= 0 ? announcedLength : body.size()) + "\r\n\r\n" + body;
    }

    QByteArray graphError(int status, const QString &code, const QString &message)
    {
        const Fault f = Fault::graphError(status, code, message);
        return response(status, f.body);
    }

    QByteArray page(const RecordedRequest &r, const QJsonArray &all, const QByteArray &nextLinkOverride)
    {
        const int skip = skipOf(r);
        const int size = m_pageSize > 0 ? m_pageSize : int(all.size()) + 1;
        QJsonArray values;
        for (int i = skip; i < all.size() && i < skip + size; ++i)
            values.append(all.at(i));
        QJsonObject body {{QStringLiteral("value"), values}};
        QByteArray path = r.target;
        const qsizetype q = path.indexOf('?');
        if (q >= 0)
            path.truncate(q);
        if (!nextLinkOverride.isEmpty())
            body.insert(QStringLiteral("@odata.nextLink"), QString::fromLatin1(nextLinkOverride));
        else if (skip + size < all.size())
            body.insert(QStringLiteral("@odata.nextLink"),
                QString::fromLatin1(rootUrl() + path + "?$skiptoken=" + QByteArray::number(skip + size)));
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    // Applies a write; returns the normal answer (status, body).
    std::pair<int, QByteArray> applyWrite(Route route, const RecordedRequest &r)
    {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        switch (route) {
        case Route::CreateAssignment: {
            addAssignment(body.value(QStringLiteral("target")).toObject());
            return {201, QJsonDocument(m_assignments.last().toObject()).toJson(QJsonDocument::Compact)};
        }
        case Route::AssignFullList: {
            QJsonArray next;
            for (const QJsonValue &v : body.value(QStringLiteral("enrollmentConfigurationAssignments")).toArray()) {
                QJsonObject a = v.toObject();
                if (a.value(QStringLiteral("id")).toString().isEmpty())
                    a.insert(QStringLiteral("id"),
                        QString(configurationId() + u'_' + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8)));
                next.append(a);
            }
            m_assignments = next;
            return {204, {}};
        }
        case Route::DeleteAssignment: {
            const QString id = QString::fromUtf8(pathOf(r).value(5));
            for (qsizetype i = 0; i < m_assignments.size(); ++i) {
                if (m_assignments.at(i).toObject().value(QStringLiteral("id")).toString() == id) {
                    m_assignments.removeAt(i);
                    return {204, {}};
                }
            }
            return {404,
                Fault::graphError(
                    404, QStringLiteral("ResourceNotFound"), QStringLiteral("The assignment was not found."))
                    .body};
        }
        default: break;
        }
        return {0, {}};
    }

    bool isWrite(Route route) const
    {
        return route == Route::CreateAssignment || route == Route::AssignFullList || route == Route::DeleteAssignment;
    }

    // The normal answer, without faults. Writes change the state.
    std::pair<int, QByteArray> serve(Route route, const RecordedRequest &r)
    {
        const QList<QByteArray> path = pathOf(r);
        const bool aboutOurs = path.size() >= 4 && QString::fromUtf8(path.at(3)) == configurationId();
        if (route == Route::ListConfigurations) {
            QJsonArray all;
            if (!m_deleted)
                all.append(m_configuration);
            return {200, page(r, all, {})};
        }
        if (route == Route::Unknown)
            return {400, Fault::graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Unknown route.")).body};
        if (!aboutOurs || m_deleted)
            return {404,
                Fault::graphError(404, QStringLiteral("ResourceNotFound"),
                    QStringLiteral("{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has "
                                   "occurred - Operation ID (for customer support): "
                                   "00000000-0000-0000-0000-000000000000 - Activity ID: "
                                   "7d9a3f2e-1111-4222-8333-944455556666 - Url: "
                                   "https://fef.msub02.manage.microsoft.com/\",\r\n  "
                                   "\"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": "
                                   "\"\",\r\n  \"ErrorSourceService\": \"\",\r\n  "
                                   "\"HttpHeaders\": \"{}\"\r\n}"))
                    .body};
        switch (route) {
        case Route::GetConfiguration: return {200, QJsonDocument(m_configuration).toJson(QJsonDocument::Compact)};
        case Route::ListAssignments: return {200, page(r, m_assignments, {})};
        case Route::CreateAssignment:
        case Route::DeleteAssignment:
            if (route == Route::CreateAssignment ? m_routeRefused : m_deleteRouteRefused)
                return {400,
                    Fault::graphError(400, QStringLiteral("No method match route template"),
                        QStringLiteral("No OData route exists that match template "
                                       "~/singleton/navigation/key/navigation with http verb "
                                       "%1 for request "
                                       "/DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/"
                                       "deviceManagement/deviceEnrollmentConfigurations")
                            .arg(QString::fromLatin1(r.method)))
                        .body};
            return applyWrite(route, r);
        default: return applyWrite(route, r);
        }
    }

    ScriptedReply handle(const RecordedRequest &r)
    {
        const Route route = routeOf(r);
        if (beforeAnswer)
            beforeAnswer(route, r);
        ScriptedReply reply = answer(route, r);
        if (onRequest)
            onRequest(route);
        return reply;
    }

    ScriptedReply answer(Route route, const RecordedRequest &r)
    {
        if (!m_acceptedTokens.isEmpty()) {
            const QByteArray auth = r.header("Authorization");
            const bool accepted = std::any_of(m_acceptedTokens.cbegin(), m_acceptedTokens.cend(),
                [&](const QString &t) { return auth == "Bearer " + t.toUtf8(); });
            if (!accepted)
                return {ScriptedReply::Action::Respond,
                    graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                        QStringLiteral("Access token has expired or is not yet valid."))};
        }
        QList<Fault> &queue = m_faults[route];
        if (queue.isEmpty()) {
            const auto [status, body] = serve(route, r);
            return {ScriptedReply::Action::Respond, response(status, body)};
        }
        const Fault fault = queue.takeFirst();
        std::pair<int, QByteArray> normal {0, {}};
        if (fault.applyWrite || fault.kind == Fault::Kind::Truncated || fault.kind == Fault::Kind::NextLinkTo
            || fault.kind == Fault::Kind::AnswerThenClose) {
            // A fault on a read spoils the normal answer; on a write it applies it only when told to.
            if (!isWrite(route) || fault.applyWrite)
                normal = serve(route, r);
        }
        switch (fault.kind) {
        case Fault::Kind::Answer:
            return {ScriptedReply::Action::Respond,
                response(fault.status, fault.body, fault.contentType, fault.extraHeaders)};
        case Fault::Kind::Stall: return ScriptedReply::stall();
        case Fault::Kind::Close: return ScriptedReply::close();
        case Fault::Kind::Truncated: {
            const QByteArray body = normal.second.isEmpty() ? QByteArray(R"({"value":[]})") : normal.second;
            const int status = normal.first ? normal.first : 200;
            return ScriptedReply::respondThenClose(
                response(status, body.left(body.size() / 2), "application/json", {}, body.size() + 100));
        }
        case Fault::Kind::AnswerThenClose:
            return ScriptedReply::respondThenClose(response(normal.first, normal.second));
        case Fault::Kind::NextLinkTo:
            return {ScriptedReply::Action::Respond,
                response(200,
                    page(r, route == Route::ListConfigurations ? QJsonArray {m_configuration} : m_assignments,
                        fault.url))};
        }
        return ScriptedReply::close();
    }

    ScriptedHttpServer m_server;
    QJsonObject m_configuration;
    QJsonArray m_assignments;
    QMap<Route, QList<Fault>> m_faults;
    QStringList m_acceptedTokens;
    int m_pageSize = 0;
    int m_responses = 0;
    bool m_routeRefused = false;
    bool m_deleteRouteRefused = false;
    bool m_deleted = false;
};

} // namespace ea::test
