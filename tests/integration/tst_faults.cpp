// Fault injection: AssignmentService over a real Session (real
// QNetworkAccessManager, real loopback HTTP) against a stateful fake Graph
// that throttles, stalls, resets, lies and redirects. Every write case checks
// three things: what the admin is told, what the audit journal says, and what
// the server holds at the end: exactly zero or exactly one new assignment,
// and how many POSTs it took (a write is never sent blindly twice). The server
// is the sandbox tenant with faults injected per route (SandboxWithFaults).
#include "../common/SandboxWithFaults.h"
#include "service/Session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#endif

using namespace ea;
using namespace ea::test;
using Route = SandboxWithFaults::Route;
using Fault = SandboxWithFaults::Fault;

Q_DECLARE_METATYPE(ea::test::SandboxWithFaults::Fault)

namespace {

// Long enough for a loaded CI machine under ASan, short enough for stalls to end quickly.
constexpr std::chrono::milliseconds kTransferTimeout {750};
const QString kExistingGroup = QStringLiteral("9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
const QString kForbiddenMessage = QStringLiteral(
    "Application is not authorized to perform this operation. Application must have one of the following scopes: "
    "DeviceManagementServiceConfig.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All");

// Hands out tokens from a list; a forced refresh moves to the next one. Like
// SignedInTokenProvider, a burst of forced refreshes (calls in flight together,
// each answered 401) shares the first one; the provider's 10 s is 1 s here.
class RefreshingTokens : public AccessTokenProvider
{
public:
    explicit RefreshingTokens(QStringList tokens)
        : tokens(std::move(tokens))
    { }
    QStringList tokens;
    int refreshes = 0;
    QElapsedTimer sinceRefresh;
    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override
    {
        if (forceRefresh && sinceRefresh.isValid() && sinceRefresh.elapsed() < 1000)
            return done(tokens.first());
        if (forceRefresh) {
            sinceRefresh.start();
            ++refreshes;
            if (tokens.size() < 2)
                return done(GraphError::local(
                    GraphError::Kind::Refused, QStringLiteral("The refresh token was revoked; sign in again.")));
            tokens.removeFirst();
        }
        done(tokens.first());
    }
};

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(10);
    policy.maxDelay = std::chrono::milliseconds(50);
    policy.notVisibleRecheck = std::chrono::milliseconds(50);
    return policy;
}

QJsonObject groupTarget(const QString &groupId)
{
    return {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.groupAssignmentTarget")},
        {QStringLiteral("groupId"), groupId}};
}

QJsonObject assignmentOf(const QJsonObject &target)
{
    return {{QStringLiteral("target"), target}};
}

// One Session wired to the sandbox with faults, with fast retries, a short
// transfer timeout and the journal in a temporary folder. Every write goes to
// one configuration (a device limit, or an ESP after makeEnrollmentStatusPage)
// that starts with one assignment.
struct Harness
{
    explicit Harness(const QString &journalPath, QStringList tokens = {QStringLiteral("token-1")},
        const QByteArray &rootOverride = {})
    {
        // The sandbox takes the tokens handed out here, as Graph takes a
        // refreshed one; any other token gets Graph's 401.
        graph.server().setAccessToken(tokens.first());
        for (qsizetype i = 1; i < tokens.size(); ++i)
            graph.tenant().acceptAccessToken(tokens.at(i));
        // Some cases keep entries with a property newer than the app; the
        // sandbox must hold them for a full-list write to send them back.
        graph.tenant().setKeepsUnknownAssignmentProperties(true);
        configurationId = graph.tenant().limitConfigurationId();
        graph.tenant().setAssignments(configurationId, {assignmentOf(groupTarget(kExistingGroup))});
        auto provider = std::make_unique<RefreshingTokens>(std::move(tokens));
        this->tokens = provider.get();
        QString problem;
        const QByteArray root = rootOverride.isEmpty() ? graph.rootUrl() : rootOverride;
        const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(QString::fromLatin1(root), ApiVersion::V1, &problem);
        Q_ASSERT_X(problem.isEmpty(), "Harness", qPrintable(problem));
        session = std::make_unique<Session>(endpoint, std::move(provider));
        session->setTenantLabel(QStringLiteral("Fault tenant"));
        session->setAuditJournalPath(journalPath);
        session->graph()->setRetryPolicy(fastRetries());
        session->graph()->setTransferTimeout(kTransferTimeout);
    }

    // The configuration's assignments as the server holds them (beta shape).
    QJsonArray assignments() const { return graph.tenant().assignmentsOf(configurationId); }
    int assignmentCount() const { return int(assignments().size()); }
    // An assignment object exactly as given (extra properties and all).
    void addRawAssignment(const QJsonObject &assignment)
    {
        QJsonArray all = assignments();
        all.append(assignment);
        graph.tenant().setAssignments(configurationId, all);
    }
    void addAssignment(const QJsonObject &target) { addRawAssignment(assignmentOf(target)); }
    // Gone, as when another admin deleted it: every request about it is a 404.
    void deleteConfiguration() { QVERIFY(graph.tenant().removeConfiguration(configurationId)); }

    AssignmentService *service() { return session->assignments(); }

    // Runs the event loop until the call ends. Not QTest::qWaitFor: it
    // sleeps 10 ms between turns, and the fake server lives on this thread,
    // so every request would wait for the next turn (a write took 200 ms).
    template<typename T> static std::optional<Result<T>> waitFor(std::optional<Result<T>> &out)
    {
        QElapsedTimer clock;
        clock.start();
        QTimer wakeUp; // so the loop below checks the clock even when nothing else happens
        wakeUp.start(100);
        while (!out.has_value() && clock.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (!out.has_value())
            qWarning("the call did not finish within 20 s");
        return out;
    }

    std::optional<Result<CreatedAssignment>> create(
        const AssignmentTarget &target, const FullListApproval &approve = {})
    {
        std::optional<Result<CreatedAssignment>> out;
        Operation *op = service()->createAssignment(
            configurationId, target, &context, [&out](const Result<CreatedAssignment> &r) { out = r; }, approve);
        QObject::connect(op, &Operation::statusChanged, &context, [this](const QString &s) {
            statuses << s;
            if (onStatus)
                onStatus(s);
        });
        return waitFor(out);
    }
    std::optional<Result<QList<EnrollmentConfiguration>>> listConfigurations()
    {
        std::optional<Result<QList<EnrollmentConfiguration>>> out;
        Operation *op = service()->listConfigurations(
            &context, [&out](const Result<QList<EnrollmentConfiguration>> &r) { out = r; });
        QObject::connect(op, &Operation::statusChanged, &context, [this](const QString &s) { statuses << s; });
        return waitFor(out);
    }
    std::optional<Result<QList<Assignment>>> listAssignments()
    {
        std::optional<Result<QList<Assignment>>> out;
        Operation *op = service()->listAssignments(
            configurationId, &context, [&out](const Result<QList<Assignment>> &r) { out = r; });
        QObject::connect(op, &Operation::statusChanged, &context, [this](const QString &s) { statuses << s; });
        return waitFor(out);
    }
    std::optional<Result<RemovedAssignment>> deleteAssignment(
        const QString &assignmentId, const FullListApproval &approve = {})
    {
        std::optional<Result<RemovedAssignment>> out;
        service()->deleteAssignment(
            configurationId, assignmentId, &context, [&out](const Result<RemovedAssignment> &r) { out = r; }, approve);
        return waitFor(out);
    }

    std::optional<Result<QList<Assignment>>> replace(const QList<Assignment> &wanted, const FullListApproval &approve)
    {
        std::optional<Result<QList<Assignment>>> out;
        service()->replaceAssignments(
            configurationId, wanted, &context, [&out](const Result<QList<Assignment>> &r) { out = r; }, approve);
        return waitFor(out);
    }

    QList<AuditEntry> journal() const { return session->auditJournal()->readAll(); }

    mutable SandboxWithFaults graph;
    QString configurationId;
    RefreshingTokens *tokens = nullptr;
    std::unique_ptr<Session> session;
    QObject context;
    QStringList statuses; // "…; retrying in 2 s…" as the GUI shows them
    std::function<void(const QString &)> onStatus;
};

// An assignment as beta shows what the app does not model: a filter on the
// target, a policy-set source, a property newer than the app; and one whose
// target type is newer than the app. A full-list write must send both back
// exactly as read.
QJsonObject filteredPolicySetAssignment(const Harness &h)
{
    QJsonObject target = groupTarget(QStringLiteral("1b2c3d4e-5f60-4718-a9b0-c1d2e3f40516"));
    // A filter the tenant has: Graph refuses a write naming an unknown one.
    target.insert(QStringLiteral("deviceAndAppManagementAssignmentFilterId"),
        h.graph.tenant().assignmentFilterIds().constFirst());
    target.insert(QStringLiteral("deviceAndAppManagementAssignmentFilterType"), QStringLiteral("include"));
    return {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.enrollmentConfigurationAssignment")},
        {QStringLiteral("id"), QStringLiteral("kept-filtered")},
        {QStringLiteral("source"), QStringLiteral("policySets")},
        {QStringLiteral("sourceId"), QStringLiteral("c0ffee00-1111-4222-8333-444455556666")},
        {QStringLiteral("futureProperty"), QJsonObject {{QStringLiteral("nested"), QJsonArray {1, 2, 3}}}},
        {QStringLiteral("target"), target}};
}

QJsonObject newerTargetTypeAssignment()
{
    return {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.enrollmentConfigurationAssignment")},
        {QStringLiteral("id"), QStringLiteral("kept-newer-type")}, {QStringLiteral("source"), QStringLiteral("direct")},
        {QStringLiteral("target"),
            QJsonObject {
                {QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.scopeTagGroupAssignmentTarget")},
                {QStringLiteral("targetType"), QStringLiteral("device")},
                {QStringLiteral("entraObjectId"), QStringLiteral("2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7081")}}}};
}

// The writes go to the sandbox's custom Enrollment Status Page instead, with
// the assignments the harness had: POST .../assignments is refused there with
// "No method match route template" (only `assign` works), and with
// refuseDelete so is DELETE .../assignments/{aid}, as in some tenants.
void makeEnrollmentStatusPage(Harness &h, bool refuseDelete = true)
{
    const QJsonArray assignments = h.assignments();
    h.configurationId = h.graph.tenant().espConfigurationId();
    h.graph.tenant().setAssignments(h.configurationId, assignments);
    h.graph.tenant().setEspRefusesDelete(refuseDelete);
}

// Intune's 404 for a configuration that is gone, as a real tenant sent it:
// the nested message with an empty CustomApiErrorPhrase, so all the admin can
// be shown is the message itself, Activity ID and all. (The sandbox's own 404
// carries a phrase.)
Fault intuneNotFound()
{
    return Fault::graphError(404, QStringLiteral("ResourceNotFound"),
        QStringLiteral("{\r\n  \"_version\": 3,\r\n  \"Message\": \"An error has "
                       "occurred - Operation ID (for customer support): "
                       "00000000-0000-0000-0000-000000000000 - Activity ID: "
                       "7d9a3f2e-1111-4222-8333-944455556666 - Url: "
                       "https://fef.msub02.manage.microsoft.com/\",\r\n  "
                       "\"CustomApiErrorPhrase\": \"\",\r\n  \"RetryAfter\": "
                       "\"\",\r\n  \"ErrorSourceService\": \"\",\r\n  "
                       "\"HttpHeaders\": \"{}\"\r\n}"));
}

// The configuration is gone, and Intune says so as above (once for each
// kind of request about it; a 404 is not retried).
void deleteConfiguration(Harness &h)
{
    h.deleteConfiguration();
    h.graph.inject(Route::GetConfiguration, intuneNotFound());
    h.graph.inject(Route::ListAssignments, intuneNotFound());
}

const FullListApproval approveAll = [](const FullListPlan &, const std::function<void(bool)> &answer) {
    answer(true);
};

QString describe(const GraphError &e)
{
    return e.summary() + QStringLiteral(" | ") + e.message;
}

// For QVERIFY2 messages, which are built whether or not the check fails.
template<typename T> QString describe(const std::optional<Result<T>> &r)
{
    if (!r)
        return QStringLiteral("no result");
    return r->ok() ? QStringLiteral("ok") : describe(r->error());
}

// --- the write cases, as a table ------------------------------------------

struct WriteCase
{
    const char *name;
    std::function<void(Harness &)> arrange;
    bool ok;
    bool confirmedAfterAmbiguousFailure;
    GraphError::Kind kind; // when !ok
    int httpStatus; // of the result (0: none)
    const char *messageContains;
    int posts; // POSTs the server received
    int created; // assignments added on the server (0 or 1, never 2)
    const char *journalOutcome; // the result line; nullptr: no journal entry at all
};

QList<WriteCase> writeCases()
{
    using K = GraphError::Kind;
    const auto onPost = [](Fault f, int times = 1) {
        return [f, times](Harness &h) {
            h.graph.inject(Route::CreateAssignment, f, times);
        };
    };
    const Fault throttled
        = Fault::graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("Too many requests; retry later."));
    const Fault throttledRA = Fault::graphError(
        429, QStringLiteral("TooManyRequests"), QStringLiteral("Too many requests; retry later."), "0");
    const Fault unavailable = Fault::graphError(
        503, QStringLiteral("ServiceUnavailable"), QStringLiteral("The service is temporarily unavailable."));
    const Fault unavailableRA = Fault::graphError(
        503, QStringLiteral("ServiceUnavailable"), QStringLiteral("The service is temporarily unavailable."), "0");
    const Fault gatewayTimeout = Fault::graphError(
        504, QStringLiteral("GatewayTimeout"), QStringLiteral("The gateway did not receive a response in time."));
    const Fault badGateway = Fault::html(502, "502 Bad Gateway");
    const Fault unauthorized = Fault::graphError(401, QStringLiteral("InvalidAuthenticationToken"),
        QStringLiteral("Access token has expired or is not yet valid."));

    return {
        {"plain success", {}, true, false, K::Http, 201, nullptr, 1, 1, "succeeded"},
        // "Not now" (429, 503): a read shows it did not land, then it is sent again.
        {"429 with Retry-After: re-read, then resent", onPost(throttledRA), true, false, K::Http, 201, nullptr, 2, 1,
            "succeeded"},
        {"429 without Retry-After: re-read, then resent after a backoff", onPost(throttled), true, false, K::Http, 201,
            nullptr, 2, 1, "succeeded"},
        {"429 four times: gives up after 3 resends", onPost(throttledRA, 4), false, false, K::Http, 429,
            "Not done: Too many requests", 4, 0, "failed"},
        {"503 with Retry-After: re-read, then resent", onPost(unavailableRA), true, false, K::Http, 201, nullptr, 2, 1,
            "succeeded"},
        {"503 without Retry-After: re-read, then resent after a backoff", onPost(unavailable), true, false, K::Http,
            201, nullptr, 2, 1, "succeeded"},
        // ... but a "not now" whose write landed is confirmed by the read, never sent twice.
        {"429 after the write: confirmed, one POST", onPost(throttledRA.afterWrite()), true, true, K::Http, 0, nullptr,
            1, 1, "succeeded"},
        {"503 with Retry-After after the write: confirmed, one POST", onPost(unavailableRA.afterWrite()), true, true,
            K::Http, 0, nullptr, 1, 1, "succeeded"},
        {"503 without Retry-After after the write: confirmed, one POST", onPost(unavailable.afterWrite()), true, true,
            K::Http, 0, nullptr, 1, 1, "succeeded"},
        // Anything else that may hide a landed write: read, never resent.
        {"500 before the write: not visible, never resent",
            onPost(Fault::graphError(500, QStringLiteral("InternalServerError"), QStringLiteral("Boom."))), false,
            false, K::Http, 500, "Not visible at", 1, 0, "unknown"},
        {"500 after the write: confirmed",
            onPost(Fault::graphError(500, QStringLiteral("InternalServerError"), QStringLiteral("Boom.")).afterWrite()),
            true, true, K::Http, 0, nullptr, 1, 1, "succeeded"},
        {"502 HTML before the write: not visible, never resent", onPost(badGateway), false, false, K::Http, 502,
            "Not visible at", 1, 0, "unknown"},
        {"502 HTML after the write: re-read confirms it", onPost(badGateway.afterWrite()), true, true, K::Http, 0,
            nullptr, 1, 1, "succeeded"},
        {"504 before the write: not visible, never resent", onPost(gatewayTimeout), false, false, K::Http, 504,
            "Not visible at", 1, 0, "unknown"},
        {"504 after the write: confirmed", onPost(gatewayTimeout.afterWrite()), true, true, K::Http, 0, nullptr, 1, 1,
            "succeeded"},
        {"reset before the write: not visible, never resent", onPost(Fault::close()), false, false, K::Network, 0,
            "Not visible at", 1, 0, "unknown"},
        {"reset after the write: confirmed, one POST", onPost(Fault::close().afterWrite()), true, true, K::Http, 0,
            nullptr, 1, 1, "succeeded"},
        {"stall past the timeout, write not applied: not visible", onPost(Fault::stall()), false, false, K::Timeout, 0,
            "Not visible at", 1, 0, "unknown"},
        {"stall past the timeout, write applied: confirmed", onPost(Fault::stall().afterWrite()), true, true, K::Http,
            0, nullptr, 1, 1, "succeeded"},
        {"truncated 201 body: confirmed", onPost(Fault::truncated().afterWrite()), true, true, K::Http, 0, nullptr, 1,
            1, "succeeded"},
        {"invalid JSON in the 201: confirmed", onPost(Fault::answer(201, R"({"id":"x","target":)").afterWrite()), true,
            true, K::Http, 0, nullptr, 1, 1, "succeeded"},
        {"201 of the wrong shape: confirmed", onPost(Fault::answer(201, R"({"value":{}})").afterWrite()), true, true,
            K::Http, 0, nullptr, 1, 1, "succeeded"},
        {"proxy HTML page with 200, nothing written: not visible", onPost(Fault::html(200, "Proxy sign-in")), false,
            false, K::InvalidResponse, 200, "Not visible at", 1, 0, "unknown"},
        {"huge 201 body: cut at the cap, confirmed",
            [](Harness &h) {
                h.session->graph()->setMaxResponseBytes(256 * 1024);
                h.graph.inject(Route::CreateAssignment,
                    Fault::answer(201, R"({"id":"x","junk":")" + QByteArray(1024 * 1024, 'a') + "\"}").afterWrite());
            },
            true, true, K::Http, 0, nullptr, 1, 1, "succeeded"},
        {"401 then success after a token refresh", onPost(unauthorized), true, false, K::Http, 201, nullptr, 2, 1,
            "succeeded"},
        {"401 and the refresh fails: not retried",
            [unauthorized](Harness &h) {
                h.tokens->tokens = {QStringLiteral("token-1")};
                h.graph.inject(Route::CreateAssignment, unauthorized);
            },
            false, false, K::Http, 401, "expired", 1, 0, "failed"},
        {"403 with a permissions message",
            onPost(Fault::graphError(403, QStringLiteral("Forbidden"), kForbiddenMessage)), false, false, K::Http, 403,
            "DeviceManagementServiceConfig.ReadWrite.All", 1, 0, "failed"},
        {"404: the configuration was deleted before the write", [](Harness &h) { deleteConfiguration(h); }, false,
            false, K::Http, 404, "Activity ID", 0, 0, nullptr},
        {"redirect of the POST to another host: refused", onPost(Fault::redirectTo("http://127.0.0.2:9/v1.0/steal")),
            false, false, K::Refused, 307, "does not follow redirects", 1, 0, "failed"},
    };
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void writeFaults_data();
    void writeFaults();
    void tokenRefreshReplaysWithTheNewToken();
    void readFaults_data();
    void readFaults();
    void retryAfterIsHonouredAndShown();
    void nextLinkToAnotherHostIsRefused();
    void nextLinkLoopIsRefused();
    void redirectToAnotherHostIsNotFollowed();
    void wrongFieldTypesDoNotCrash();
    void deletedConfigurationIs404();
    void forbiddenReadShowsThePermission();
    void connectionRefused();
    void refusedWriteIsRetriedBecauseNothingWasSent();
    void refusedWriteThatStaysRefusedFailsCleanly();
    void fullListWriteResetAfterApplyIsConfirmed();
    void deleteResetAfterApplyIsReportedAsDone();
    void fullListSendsKeptEntriesExactlyAsRead();
    void fullListChangedAfterApprovalIsNotSent();
    void writeSoakWithRandomFaults();
    void selfSignedTlsIsRefusedWithCertificateDetails();

private:
    QString journalPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }
    QTemporaryDir m_dir;
};

void TestFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestFaults::cleanup()
{
    QFile::remove(journalPath());
}

void TestFaults::writeFaults_data()
{
    QTest::addColumn<int>("index");
    const QList<WriteCase> cases = writeCases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << i;
}

void TestFaults::writeFaults()
{
    QFETCH(int, index);
    const WriteCase c = writeCases().at(index);
    Harness h(journalPath(), {QStringLiteral("token-1"), QStringLiteral("token-2")});
    if (c.arrange)
        c.arrange(h);
    const int before = h.assignmentCount();

    const auto result = h.create(AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")));
    QVERIFY2(result.has_value(), "the write never finished");

    // What the server holds: never two.
    QCOMPARE(h.graph.postCount(), c.posts);
    QCOMPARE(h.assignmentCount() - before, c.created);
    int sms = 0;
    for (const QJsonValue &v : h.assignments())
        sms += v.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("collectionId"))
            == QStringLiteral("SMS00001");
    QCOMPARE(sms, c.created);

    // What the admin is told.
    qInfo().noquote() << "admin sees:"
                      << (result->ok() ? QStringLiteral("created %1%2")
                                             .arg(result->value().assignment.id,
                                                 result->value().confirmedAfterAmbiguousFailure
                                                     ? QStringLiteral(" (confirmed after the answer was lost)")
                                                     : QString())
                                       : result->error().summary());
    if (c.ok) {
        QVERIFY2(result->ok(), qPrintable(describe(result)));
        const CreatedAssignment &created = result->value();
        QCOMPARE(created.confirmedAfterAmbiguousFailure, c.confirmedAfterAmbiguousFailure);
        QCOMPARE(created.assignment.target.collectionId(), QStringLiteral("SMS00001"));
        QVERIFY(!created.assignment.id.isEmpty());
        QCOMPARE(created.httpStatus, c.httpStatus);
        QVERIFY(!created.clientRequestId.isEmpty());
    } else {
        QVERIFY2(!result->ok(), "expected a failure");
        const GraphError &e = result->error();
        QVERIFY2(e.kind == c.kind, qPrintable(describe(e)));
        QCOMPARE(e.httpStatus, c.httpStatus);
        QVERIFY2(e.summary().contains(QLatin1String(c.messageContains)), qPrintable(describe(e)));
    }

    // What the journal says: an attempt before the POST, a result after.
    const QList<AuditEntry> entries = h.journal();
    if (!c.journalOutcome) {
        QCOMPARE(entries.size(), 0);
        return;
    }
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).phase, AuditPhase::Attempt);
    QCOMPARE(entries.at(0).outcome, AuditOutcome::Pending);
    QCOMPARE(entries.at(0).action, AuditAction::Create);
    QCOMPARE(entries.at(0).targetText(), QStringLiteral("collection:SMS00001"));
    QCOMPARE(entries.at(1).phase, AuditPhase::Result);
    QCOMPARE(entries.at(1).operationId, entries.at(0).operationId);
    QCOMPARE(entries.at(1).outcomeName(), QLatin1String(c.journalOutcome));
    if (c.confirmedAfterAmbiguousFailure)
        QVERIFY2(entries.at(1).message.startsWith(QLatin1String("Created (confirmed by a re-read")),
            qPrintable(entries.at(1).message));
    if (c.ok)
        QCOMPARE(entries.at(1).assignmentId, result->value().assignment.id);
    // The token never reaches the journal.
    QFile file(journalPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray journalText = file.readAll();
    QVERIFY(!journalText.contains("token-1"));
    QVERIFY(!journalText.contains("token-2"));
}

void TestFaults::tokenRefreshReplaysWithTheNewToken()
{
    // Only the refreshed token is accepted from the start: every first call
    // gets a 401, is replayed once with the new token, and nothing is doubled.
    Harness h(journalPath(), {QStringLiteral("token-1"), QStringLiteral("token-2")});
    h.graph.server().setAccessToken(QStringLiteral("token-2")); // token-1 is no longer taken
    const auto result = h.create(AssignmentTarget::allDevices());
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QCOMPARE(h.tokens->refreshes, 1);
    QCOMPARE(h.graph.postCount(), 1);
    QCOMPARE(h.assignmentCount(), 2);
    const QList<HttpRequest> &requests = h.graph.requests();
    QCOMPARE(requests.first().header("Authorization"), QByteArray("Bearer token-1"));
    QCOMPARE(requests.last().header("Authorization"), QByteArray("Bearer token-2"));
    QCOMPARE(requests.last().method, QByteArray("POST"));
}

// --- reads ------------------------------------------------------------------

void TestFaults::readFaults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("minRequests");
    QTest::addColumn<int>("maxRequests");

    const int http = int(GraphError::Kind::Http);
    const int invalid = int(GraphError::Kind::InvalidResponse);
    const auto err = [](int status, const char *code, const char *message, const QByteArray &retryAfter = {}) {
        return Fault::graphError(status, QLatin1String(code), QLatin1String(message), retryAfter);
    };
    QTest::newRow("429 with Retry-After")
        << err(429, "TooManyRequests", "slow down", "0") << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("429 without Retry-After")
        << err(429, "TooManyRequests", "slow down") << 2 << true << 0 << 0 << QString() << 3 << 3;
    QTest::newRow("429 until the retries run out") << err(429, "TooManyRequests", "slow down", "0") << 9 << false
                                                   << http << 429 << QStringLiteral("slow down") << 4 << 4;
    QTest::newRow("503 with Retry-After")
        << err(503, "ServiceUnavailable", "busy", "0") << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("503 without Retry-After")
        << err(503, "ServiceUnavailable", "busy") << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("504") << err(504, "GatewayTimeout", "late") << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("500 is not retried") << err(500, "InternalServerError", "Boom") << 1 << false << http << 500
                                        << QStringLiteral("Boom") << 1 << 1;
    QTest::newRow("502 HTML is reported by its title") << Fault::html(502, "502 Bad Gateway") << 1 << false << http
                                                       << 502 << QStringLiteral("502 Bad Gateway") << 1 << 1;
    QTest::newRow("stall once, then an answer") << Fault::stall() << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("stall past every retry") << Fault::stall() << 9 << false << int(GraphError::Kind::Timeout) << 0
                                            << QStringLiteral("No answer from 127.0.0.1 within 0.75 seconds") << 4 << 4;
    QTest::newRow("reset once, then an answer") << Fault::close() << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("reset every time") << Fault::close() << 30 << false << int(GraphError::Kind::Network) << 0
                                      << QStringLiteral("Network error") << 4 << 30;
    QTest::newRow("truncated once, then an answer") << Fault::truncated() << 1 << true << 0 << 0 << QString() << 2 << 2;
    QTest::newRow("truncated every time")
        << Fault::truncated() << 30 << false << int(GraphError::Kind::Network) << 200
        << QStringLiteral("The connection broke while the answer (HTTP 200)") << 4 << 30;
    QTest::newRow("invalid JSON") << Fault::answer(200, R"({"value":[{"id":)") << 1 << false << invalid << 200
                                  << QStringLiteral("not a Graph JSON object") << 1 << 1;
    QTest::newRow("a JSON array instead of an object")
        << Fault::answer(200, "[]") << 1 << false << invalid << 200 << QStringLiteral("not an object") << 1 << 1;
    QTest::newRow("value is an object, not an array") << Fault::answer(200, R"({"value":{}})") << 1 << false << invalid
                                                      << 0 << QStringLiteral("has no \"value\" array") << 1 << 1;
    QTest::newRow("value is missing") << Fault::answer(200, R"({"@odata.context":"x"})") << 1 << false << invalid << 0
                                      << QStringLiteral("has no \"value\" array") << 1 << 1;
    QTest::newRow("deeply nested JSON") << Fault::answer(
        200, R"({"value":)" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}")
                                        << 1 << false << invalid << 200 << QStringLiteral("not a Graph JSON object")
                                        << 1 << 1;
    QTest::newRow("huge body") << Fault::answer(200, R"({"value":[],"x":")" + QByteArray(2 * 1024 * 1024, 'x') + "\"}")
                               << 1 << false << invalid << 200 << QStringLiteral("larger than 1 MiB") << 1 << 1;
    QTest::newRow("403 with a permissions message")
        << Fault::graphError(403, QStringLiteral("Forbidden"), kForbiddenMessage) << 1 << false << http << 403
        << QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All") << 1 << 1;
}

void TestFaults::readFaults()
{
    QFETCH(Fault, fault);
    QFETCH(int, times);
    QFETCH(bool, ok);
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, messageContains);
    QFETCH(int, minRequests);
    QFETCH(int, maxRequests);

    Harness h(journalPath());
    h.session->graph()->setMaxResponseBytes(1024 * 1024);
    h.graph.inject(Route::ListConfigurations, fault, times);
    const auto result = h.listConfigurations();
    QVERIFY2(result.has_value(), "the read never finished");
    if (ok) {
        QVERIFY2(result->ok(), qPrintable(describe(result)));
        // The whole list, as the server holds it, the harness's configuration in it.
        QStringList ids;
        for (const EnrollmentConfiguration &c : result->value())
            ids << c.id;
        QCOMPARE(ids, h.graph.tenant().configurationIds());
        QVERIFY(ids.contains(h.configurationId));
    } else {
        QVERIFY2(!result->ok(), "expected a failure");
        QCOMPARE(int(result->error().kind), kind);
        QCOMPARE(result->error().httpStatus, httpStatus);
        QVERIFY2(result->error().summary().contains(messageContains), qPrintable(describe(result)));
    }
    // Qt itself may resend an idempotent GET once on a dropped connection;
    // the retry policy adds at most 3 more.
    const int requests = h.graph.count(Route::ListConfigurations);
    QVERIFY2(requests >= minRequests && requests <= maxRequests, qPrintable(QString::number(requests)));
    QCOMPARE(h.graph.postCount(), 0);
    QVERIFY(h.journal().isEmpty()); // reads are not journalled
}

void TestFaults::retryAfterIsHonouredAndShown()
{
    Harness h(journalPath());
    h.graph.inject(Route::ListAssignments,
        Fault::graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("slow down"), "1"));
    QElapsedTimer timer;
    timer.start();
    const auto result = h.listAssignments();
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(h.statuses, QStringList {QStringLiteral("Throttled by the service (HTTP 429); retrying in 1 s…")});
    const QList<HttpRequest> &requests = h.graph.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(1).header("Retry-Attempt"), QByteArray("1"));
}

void TestFaults::nextLinkToAnotherHostIsRefused()
{
    // The other host is a real server that must never see a request (and so never the token).
    SandboxWithFaults other;
    Harness h(journalPath());
    const QByteArray otherLink = QByteArray(other.rootUrl()).replace("127.0.0.1", "localhost")
        + "/v1.0/deviceManagement/deviceEnrollmentConfigurations?$skiptoken=1";
    h.graph.inject(Route::ListConfigurations, Fault::nextLinkTo(otherLink));
    const auto result = h.listConfigurations();
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::Refused);
    QVERIFY2(result->error().message.contains(QStringLiteral("localhost:%1").arg(other.port())),
        qPrintable(result->error().message));
    QVERIFY(result->error().message.contains(QStringLiteral("refused to follow it with your token")));
    QCOMPARE(other.requests().size(), 0);
    QCOMPARE(h.graph.count(Route::ListConfigurations), 1);
}

void TestFaults::nextLinkLoopIsRefused()
{
    Harness h(journalPath());
    h.graph.tenant().setAssignmentPageSize(1);
    h.addAssignment(groupTarget(QStringLiteral("11111111-2222-4333-8444-555555555555")));
    // Page 1 links to page 2 (the sandbox's own nextLink), whose link points back to page 1.
    const QByteArray base = h.graph.configurationsUrl() + '/' + h.configurationId.toLatin1() + "/assignments";
    h.graph.onRequest = [&h, base](Route route) {
        if (route == Route::ListAssignments && h.graph.count(Route::ListAssignments) == 1)
            h.graph.inject(Route::ListAssignments, Fault::nextLinkTo(base));
    };
    const auto result = h.listAssignments();
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::InvalidResponse);
    QVERIFY(result->error().message.contains(QStringLiteral("already read (a loop)")));
    QCOMPARE(h.graph.count(Route::ListAssignments), 2);
}

void TestFaults::redirectToAnotherHostIsNotFollowed()
{
    SandboxWithFaults other;
    Harness h(journalPath());
    h.graph.inject(Route::ListConfigurations, Fault::redirectTo(other.configurationsUrl()));
    const auto result = h.listConfigurations();
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::Refused);
    QCOMPARE(result->error().httpStatus, 307);
    QVERIFY(result->error().message.contains(QString::fromLatin1(other.configurationsUrl())));
    QCOMPARE(other.requests().size(), 0);
}

void TestFaults::wrongFieldTypesDoNotCrash()
{
    // Every field of the wrong type, entries that are not objects, a null
    // target: the list still loads, odd values read as empty or unknown.
    Harness h(journalPath());
    h.graph.inject(Route::ListConfigurations, Fault::answer(200, R"({"value":[1,"x",null,[],
        {"id":"3f2a0c4e-8b1d-4c5e-9a7f-0123456789ab","priority":"high","displayName":["a"],"@odata.type":7,
         "createdDateTime":false,"version":{},"assignments":{"x":1}},
        {"id":42,"displayName":null}]})"));
    const auto configs = h.listConfigurations();
    QVERIFY2(configs->ok(), qPrintable(describe(configs)));
    QCOMPARE(configs->value().size(), 2);
    const EnrollmentConfiguration &odd = configs->value().at(0);
    QCOMPARE(odd.priority, 0);
    QCOMPARE(odd.displayName, QString());
    QCOMPARE(odd.kind(), EnrollmentConfiguration::Kind::Unknown);
    QVERIFY(!odd.createdDateTime.isValid());
    QVERIFY(!odd.assignmentsExpanded);
    QCOMPARE(configs->value().at(1).id, QString());

    h.graph.inject(Route::ListAssignments, Fault::answer(200, R"({"value":[
        {"id":"a1","target":null},{"id":"a2","target":"all"},{"id":"a3"},
        {"id":"a4","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":5}},
        {"id":"a5","target":{"@odata.type":"#microsoft.graph.somethingNew"}},7]})"));
    const auto assignments = h.listAssignments();
    QVERIFY2(assignments->ok(), qPrintable(describe(assignments)));
    QCOMPARE(assignments->value().size(), 5);
    for (int i : {0, 1, 2, 4})
        QCOMPARE(assignments->value().at(i).target.kind(), AssignmentTarget::Kind::Unknown);
    QCOMPARE(assignments->value().at(4).target.rawODataType(), QStringLiteral("microsoft.graph.somethingNew"));
    // A group target without a usable group id is not a group target.
    QCOMPARE(assignments->value().at(3).target.groupId(), QString());
}

void TestFaults::deletedConfigurationIs404()
{
    Harness h(journalPath());
    deleteConfiguration(h);
    const auto result = h.listAssignments();
    QVERIFY(!result->ok());
    const GraphError &e = result->error();
    QCOMPARE(e.kind, GraphError::Kind::Http);
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.code, QStringLiteral("ResourceNotFound"));
    // Intune's nested JSON is read: the Activity ID is there for support.
    QCOMPARE(e.activityId, QStringLiteral("7d9a3f2e-1111-4222-8333-944455556666"));
    QVERIFY(!e.readableMessage().contains(QStringLiteral("_version")));
    QCOMPARE(h.graph.count(Route::ListAssignments), 1); // 404 is not retried

    // The sandbox's own 404 (with a phrase) reads the same way; it writes the
    // request's id into the message as the Activity ID.
    const auto again = h.listAssignments();
    QVERIFY(!again->ok());
    QCOMPARE(again->error().httpStatus, 404);
    QVERIFY(!again->error().activityId.isEmpty());
    QCOMPARE(again->error().activityId, again->error().requestId);
    QVERIFY(!again->error().readableMessage().contains(QStringLiteral("_version")));
    QCOMPARE(h.graph.count(Route::ListAssignments), 2);
}

void TestFaults::forbiddenReadShowsThePermission()
{
    Harness h(journalPath());
    h.graph.inject(Route::ListAssignments, Fault::graphError(403, QStringLiteral("Forbidden"), kForbiddenMessage));
    const auto result = h.listAssignments();
    QVERIFY(!result->ok());
    QCOMPARE(result->error().httpStatus, 403);
    QCOMPARE(result->error().code, QStringLiteral("Forbidden"));
    QVERIFY(result->error().readableMessage().contains(QStringLiteral("DeviceManagementConfiguration.ReadWrite.All")));
    QCOMPARE(h.graph.count(Route::ListAssignments), 1);
}

void TestFaults::connectionRefused()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    Harness h(journalPath(), {QStringLiteral("token-1")}, "http://127.0.0.1:" + QByteArray::number(closedPort));
    const auto list = h.listConfigurations();
    QVERIFY(!list->ok());
    QCOMPARE(list->error().kind, GraphError::Kind::Network);
    QVERIFY(!list->error().requestMaybeSent);
    QVERIFY2(
        list->error().summary().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(describe(list)));

    // A write never gets past its first read: nothing is journalled, nothing sent.
    const auto create = h.create(AssignmentTarget::allDevices());
    QVERIFY(!create->ok());
    QCOMPARE(create->error().kind, GraphError::Kind::Network);
    QVERIFY(h.journal().isEmpty());
    QCOMPARE(h.graph.requests().size(), 0);
}

// The two reads before a write (the configuration, its assignments) go out
// together, each on a connection of its own: both are answered and closed,
// and then the server stops listening, so the write meets a refused connection.
static void goAwayAfterTheReads(Harness &h, int *readsAnswered)
{
    h.graph.inject(Route::GetConfiguration, Fault::answerThenClose());
    h.graph.inject(Route::ListAssignments, Fault::answerThenClose());
    h.graph.onRequest = [&h, readsAnswered](Route route) {
        if ((route == Route::GetConfiguration || route == Route::ListAssignments) && ++*readsAnswered == 2)
            h.graph.stopListening();
    };
}

void TestFaults::refusedWriteIsRetriedBecauseNothingWasSent()
{
    // The server goes away right after the reads before the write and comes
    // back once the POST has met a refused connection. Refused proves the POST
    // was never sent, so GraphClient may send it again: one POST lands, once.
    Harness h(journalPath());
    int readsAnswered = 0;
    goAwayAfterTheReads(h, &readsAnswered);
    bool refusedOnce = false;
    h.onStatus = [&h, &refusedOnce](const QString &) {
        // Called when the retry is scheduled, before it is sent.
        if (refusedOnce)
            return;
        refusedOnce = true;
        h.graph.onRequest = {};
        QVERIFY(h.graph.listenAgain());
    };
    const auto result = h.create(AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")));
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QVERIFY(!result->value().confirmedAfterAmbiguousFailure);
    QCOMPARE(result->value().httpStatus, 201);
    QCOMPARE(h.graph.postCount(), 1);
    QCOMPARE(h.assignmentCount(), 2);
    QCOMPARE(h.statuses.size(), 1);
    QVERIFY2(h.statuses.first().contains(QStringLiteral("Connection refused")), qPrintable(h.statuses.first()));
    const QList<AuditEntry> entries = h.journal();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).outcome, AuditOutcome::Succeeded);
}

void TestFaults::refusedWriteThatStaysRefusedFailsCleanly()
{
    Harness h(journalPath());
    int readsAnswered = 0;
    goAwayAfterTheReads(h, &readsAnswered);
    const auto result = h.create(AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")));
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::Network);
    QVERIFY(!result->error().requestMaybeSent); // so it is not ambiguous: no re-read needed
    QVERIFY(!result->error().isAmbiguousForWrite());
    QCOMPARE(h.graph.postCount(), 0);
    QCOMPARE(h.assignmentCount(), 1);
    QCOMPARE(h.statuses.size(), 3); // three retries of a POST that never left
    const QList<AuditEntry> entries = h.journal();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).outcome, AuditOutcome::Failed);
}

void TestFaults::fullListWriteResetAfterApplyIsConfirmed()
{
    // An ESP-like configuration: the single POST is refused, the full list is
    // sent with `assign`, and its answer is lost after it was applied.
    Harness h(journalPath());
    makeEnrollmentStatusPage(h, false);
    h.graph.inject(Route::AssignFullList, Fault::close().afterWrite());
    int approvals = 0;
    const auto result = h.create(AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")),
        [&approvals](const FullListPlan &plan, const std::function<void(bool)> &answer) {
            ++approvals;
            QCOMPARE(plan.kept.size(), 1);
            answer(true);
        });
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QVERIFY(result->value().viaAssignAction);
    QVERIFY(result->value().confirmedAfterAmbiguousFailure);
    QCOMPARE(approvals, 1);
    QCOMPARE(h.graph.count(Route::CreateAssignment), 1);
    QCOMPARE(h.graph.count(Route::AssignFullList), 1);
    QCOMPARE(h.assignmentCount(), 2); // the earlier one kept, the new one added once
    const QList<AuditEntry> entries = h.journal();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(1).outcome, AuditOutcome::Failed); // the refused single POST
    QCOMPARE(entries.at(2).action, AuditAction::AssignFullList);
    QCOMPARE(entries.at(3).outcome, AuditOutcome::Succeeded);
}

void TestFaults::deleteResetAfterApplyIsReportedAsDone()
{
    Harness h(journalPath());
    const QString id = h.assignments().first().toObject().value(QStringLiteral("id")).toString();
    h.graph.inject(Route::DeleteAssignment, Fault::close().afterWrite());
    const auto result = h.deleteAssignment(id);
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QCOMPARE(h.assignmentCount(), 0);
    // Qt may send an idempotent DELETE again after the reset; that one finds
    // the assignment gone (404), and a re-read settles it.
    QVERIFY(h.graph.count(Route::DeleteAssignment) <= 2);
    const QList<AuditEntry> entries = h.journal();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).action, AuditAction::Delete);
    QCOMPARE(entries.at(1).outcome, AuditOutcome::Succeeded);
    QVERIFY2(entries.at(1).message.startsWith(QLatin1String("Deleted (confirmed by a re-read")),
        qPrintable(entries.at(1).message));
}

void TestFaults::fullListSendsKeptEntriesExactlyAsRead()
{
    // Creating on an ESP sends the whole list. The kept entries go back as
    // the beta read showed them: filter, policy-set source, a property and a
    // target type newer than the app, all untouched; only the new one is built.
    Harness h(journalPath());
    makeEnrollmentStatusPage(h);
    h.addRawAssignment(filteredPolicySetAssignment(h));
    h.addRawAssignment(newerTargetTypeAssignment());
    const QJsonArray before = h.assignments();
    int approvals = 0;
    const auto result = h.create(AssignmentTarget::allDevices(),
        [&approvals](const FullListPlan &plan, const std::function<void(bool)> &answer) {
            ++approvals;
            QCOMPARE(plan.kept.size(), 3);
            QCOMPARE(plan.removed.size(), 0);
            answer(true);
        });
    QVERIFY2(result->ok(), qPrintable(describe(result)));
    QCOMPARE(approvals, 1);
    QCOMPARE(h.graph.count(Route::AssignFullList), 1);
    // The list the full list is planned from, the write and the reads that
    // verify it are all on beta, though the session uses v1.0: v1.0 hides
    // the filter and the source, and a plan read there would drop them.
    bool fullListSeen = false;
    for (const HttpRequest &r : h.graph.requests()) {
        const Route route = SandboxWithFaults::routeOf(r);
        if (route == Route::CreateAssignment) // the refused single POST; every later read is for the full list
            fullListSeen = true;
        if (fullListSeen && (route == Route::AssignFullList || route == Route::ListAssignments))
            QVERIFY2(r.rawTarget.startsWith("/beta/"), r.rawTarget.constData());
    }
    QVERIFY(fullListSeen);
    const HttpRequest sent = *std::find_if(h.graph.requests().cbegin(), h.graph.requests().cend(),
        [](const HttpRequest &r) { return SandboxWithFaults::routeOf(r) == Route::AssignFullList; });
    const QJsonArray entries = QJsonDocument::fromJson(sent.body)
                                   .object()
                                   .value(QStringLiteral("enrollmentConfigurationAssignments"))
                                   .toArray();
    QCOMPARE(entries.size(), 4);
    for (int i = 0; i < before.size(); ++i)
        QCOMPARE(entries.at(i).toObject(), before.at(i).toObject());
    QCOMPARE(entries.at(3).toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("@odata.type")),
        QStringLiteral("#microsoft.graph.allDevicesAssignmentTarget"));
    // The server holds them unchanged, and the journal's "before" can restore them.
    for (int i = 0; i < before.size(); ++i)
        QCOMPARE(h.assignments().at(i).toObject(), before.at(i).toObject());
    const QList<AuditEntry> entriesInJournal = h.journal();
    QCOMPARE(entriesInJournal.last().outcome, AuditOutcome::Succeeded);
    const AuditEntry attempt = entriesInJournal.at(entriesInJournal.size() - 2);
    QCOMPARE(attempt.action, AuditAction::AssignFullList);
    QVERIFY(attempt.fullList);
    QCOMPARE(attempt.fullList->before, before);

    // Deleting through the full list keeps them exactly as well.
    const auto removed = h.deleteAssignment(result->value().assignment.id, approveAll);
    QVERIFY2(removed->ok(), qPrintable(describe(removed)));
    QCOMPARE(h.assignments(), before);
}

void TestFaults::fullListChangedAfterApprovalIsNotSent()
{
    // The admin takes a while to approve; meanwhile someone adds an
    // assignment. The stale list is not sent: the admin is asked again with
    // the list as it is now and told what changed.
    Harness h(journalPath());
    makeEnrollmentStatusPage(h);
    const QString otherGroup = QStringLiteral("5d4c3b2a-1908-4f7e-8d6c-5b4a39281706");
    QList<FullListPlan> plans;
    const auto result = h.create(
        AssignmentTarget::allLicensedUsers(), [&](const FullListPlan &plan, const std::function<void(bool)> &answer) {
            plans << plan;
            if (plans.size() == 1)
                h.addAssignment(groupTarget(otherGroup)); // while the dialog is open
            answer(plans.size() == 1); // approve the first, decline the second
        });
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, GraphError::Kind::Cancelled);
    QCOMPARE(plans.size(), 2);
    QVERIFY(plans.at(0).changedSinceApproval.isEmpty());
    QVERIFY2(plans.at(1).changedSinceApproval.contains(otherGroup), qPrintable(plans.at(1).changedSinceApproval));
    QCOMPARE(plans.at(0).kept.size(), 1);
    QCOMPARE(plans.at(1).kept.size(), 2); // the new one would be kept
    QCOMPARE(h.graph.count(Route::AssignFullList), 0);
    QCOMPARE(h.assignmentCount(), 2);

    // Approving the fresh plan sends it, and keeps the other admin's assignment.
    plans.clear();
    const auto second = h.create(
        AssignmentTarget::allLicensedUsers(), [&](const FullListPlan &plan, const std::function<void(bool)> &answer) {
            plans << plan;
            answer(true);
        });
    QVERIFY2(second->ok(), qPrintable(describe(second)));
    QCOMPARE(plans.size(), 1);
    QCOMPARE(h.graph.count(Route::AssignFullList), 1);
    QCOMPARE(h.assignmentCount(), 3);
}

void TestFaults::writeSoakWithRandomFaults()
{
    // Hundreds of writes of every kind (single create and delete, and both
    // through the full list), each meeting a random fault on the write and
    // sometimes on the read that settles it. Whatever happens:
    //  - a write never arrives when its effect is already there (no blind resend);
    //  - the server never holds a target twice, and entries the app does not
    //    model come through every full-list write untouched;
    //  - "succeeded" means done, "failed" means not done, and the journal says the same.
    // EA_SOAK_SEED=n replays one run; EA_SOAK_WRITES=n changes its length.
    const quint32 seed
        = qEnvironmentVariableIsSet("EA_SOAK_SEED") ? quint32(qEnvironmentVariableIntValue("EA_SOAK_SEED")) : 20261202u;
    const int writes
        = qEnvironmentVariableIsSet("EA_SOAK_WRITES") ? qEnvironmentVariableIntValue("EA_SOAK_WRITES") : 400;
    qInfo("soak seed %u, %d writes", seed, writes);
    QRandomGenerator random(seed);

    const Fault throttled
        = Fault::graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("Slow down."), "0");
    const Fault throttledNoRA = Fault::graphError(429, QStringLiteral("TooManyRequests"), QStringLiteral("Slow down."));
    const Fault busy = Fault::graphError(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("Busy."), "0");
    const Fault busyNoRA = Fault::graphError(503, QStringLiteral("ServiceUnavailable"), QStringLiteral("Busy."));
    const Fault boom = Fault::graphError(500, QStringLiteral("InternalServerError"), QStringLiteral("Boom."));
    const Fault gateway = Fault::graphError(504, QStringLiteral("GatewayTimeout"), QStringLiteral("Late."));
    const Fault badRequest = Fault::graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid."));
    const QList<std::pair<const char *, std::optional<Fault>>> faults {{"none", std::nullopt}, {"429", throttled},
        {"429 no Retry-After", throttledNoRA}, {"503", busy}, {"503 no Retry-After", busyNoRA},
        {"429 after the write", throttled.afterWrite()}, {"503 after the write", busy.afterWrite()}, {"500", boom},
        {"500 after the write", boom.afterWrite()}, {"502 html", Fault::html(502, "502 Bad Gateway")},
        {"502 html after the write", Fault::html(502, "502 Bad Gateway").afterWrite()}, {"504", gateway},
        {"504 after the write", gateway.afterWrite()}, {"reset", Fault::close()},
        {"reset after the write", Fault::close().afterWrite()},
        {"truncated after the write", Fault::truncated().afterWrite()}, {"400", badRequest}, {"stall", Fault::stall()},
        {"stall after the write", Fault::stall().afterWrite()}};
    const QList<std::pair<const char *, Fault>> readFaults {
        {"read 500", boom}, {"read 503", busy}, {"read reset", Fault::close()}};

    QHash<QString, int> outcomes;
    QHash<QByteArray, qint64> millisecondsByFault;
    for (int i = 0; i < writes; ++i) {
        QElapsedTimer clock;
        clock.start();
        // 0 create, 1 delete, 2 create via full list, 3 delete via full list, 4 undo (replace the list)
        const int kind = int(random.bounded(5));
        const auto &[faultName, fault] = faults.at(int(random.bounded(int(faults.size()))));
        const bool readFault = random.bounded(5) == 0;
        const auto &[readFaultName, readFaultValue] = readFaults.at(int(random.bounded(int(readFaults.size()))));
        const QByteArray label = QByteArray::number(i) + ": "
            + QByteArray(kind == 0 ? "create"
                    : kind == 1    ? "delete"
                    : kind == 2    ? "full-list create"
                                   : "full-list delete")
            + ", " + faultName + (readFault ? QByteArray(", then ") + readFaultName : QByteArray());

        QFile::remove(journalPath());
        Harness h(journalPath());
        // Stalls end sooner here; a timeout that strikes a slow answer on a
        // loaded machine is one more uncertain outcome, held to the same rules.
        h.session->graph()->setTransferTimeout(std::chrono::milliseconds(400));
        const bool fullList = kind >= 2;
        if (kind == 2 || kind == 3)
            makeEnrollmentStatusPage(h);
        h.addRawAssignment(filteredPolicySetAssignment(h));
        h.addRawAssignment(newerTargetTypeAssignment());
        const QJsonArray untouchable = h.assignments(); // all but the one a delete removes
        const QString victim = untouchable.at(0).toObject().value(QStringLiteral("id")).toString();
        const bool isCreate = kind == 0 || kind == 2;
        const QString collection = QStringLiteral("SMS0000") + QString::number(i % 10);
        const Route writeRoute = fullList ? Route::AssignFullList
            : isCreate                    ? Route::CreateAssignment
                                          : Route::DeleteAssignment;
        const auto effectPresent = [&] {
            int found = 0;
            bool victimThere = false;
            for (const QJsonValue &v : h.assignments()) {
                const QJsonObject a = v.toObject();
                found += a.value(QStringLiteral("target")).toObject().value(QStringLiteral("collectionId")).toString()
                    == collection;
                victimThere |= a.value(QStringLiteral("id")).toString() == victim;
            }
            if (found > 1)
                return -1; // twice: never allowed
            return isCreate ? found : int(!victimThere);
        };
        if (fault)
            h.graph.inject(writeRoute, *fault);
        int writesArrived = 0;
        int arrivedWithEffectPresent = 0;
        h.graph.beforeAnswer = [&](Route route, const HttpRequest &) {
            if (route != writeRoute)
                return;
            ++writesArrived;
            arrivedWithEffectPresent += effectPresent() != 0;
            if (readFault && writesArrived == 1)
                h.graph.inject(Route::ListAssignments, readFaultValue);
        };

        bool ok = false;
        QString told;
        if (isCreate) {
            const auto r = h.create(AssignmentTarget::configMgrCollection(collection), approveAll);
            QVERIFY2(r.has_value(), label.constData());
            ok = r->ok();
            told = describe(r);
            if (ok)
                QVERIFY2(r->value().assignment.target.collectionId() == collection, label.constData());
        } else if (kind == 4) {
            // Undo of an earlier create: the list as read, less the victim.
            QJsonArray wanted = untouchable;
            wanted.removeAt(0);
            const auto r = h.replace(assignmentsFromJson(wanted), approveAll);
            QVERIFY2(r.has_value(), label.constData());
            ok = r->ok();
            told = describe(r);
        } else {
            const auto r = h.deleteAssignment(victim, approveAll);
            QVERIFY2(r.has_value(), label.constData());
            ok = r->ok();
            told = describe(r);
        }
        const int effect = effectPresent();
        const QByteArray context = label + " -> " + told.toUtf8();
        QVERIFY2(effect >= 0, QByteArray("twice on the server: " + context).constData());
        // Qt itself resends an idempotent DELETE once on a connection reset;
        // that resend finds it gone and is settled by a read, like any 404.
        const bool qtResendsDelete = kind == 1 && fault && fault->kind == Fault::Kind::Close && fault->applyWrite;
        QVERIFY2(arrivedWithEffectPresent <= (qtResendsDelete ? 1 : 0),
            QByteArray("a blind resend: " + context).constData());
        for (const QJsonValue &v : untouchable) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            if (!isCreate && id == victim)
                continue;
            const QJsonArray held = h.assignments();
            const auto it = std::find_if(held.cbegin(), held.cend(),
                [&](const QJsonValue &a) { return a.toObject().value(QStringLiteral("id")).toString() == id; });
            QVERIFY2(it != held.cend() && it->toObject() == v.toObject(),
                QByteArray("an entry the app does not model changed: " + context).constData());
        }
        const QList<AuditEntry> journal = h.journal();
        const QString outcome = journal.isEmpty() ? QStringLiteral("none") : journal.last().outcomeName();
        if (ok) {
            QVERIFY2(effect == 1, QByteArray("told done, but it is not: " + context).constData());
            QVERIFY2(outcome == QLatin1String("succeeded"),
                QByteArray(context + " journal " + outcome.toUtf8()).constData());
        } else if (outcome == QLatin1String("failed") || outcome == QLatin1String("none")) {
            QVERIFY2(effect == 0, QByteArray("told not done, but it is: " + context).constData());
        } else {
            QVERIFY2(
                outcome == QLatin1String("unknown"), QByteArray(context + " journal " + outcome.toUtf8()).constData());
        }
        outcomes[(ok ? QStringLiteral("succeeded") : outcome)
            + (effect ? QStringLiteral(" (done)") : QStringLiteral(" (not done)"))]++;
        millisecondsByFault[faultName] += clock.elapsed();
    }
    for (auto it = millisecondsByFault.cbegin(); it != millisecondsByFault.cend(); ++it)
        qInfo("%6lld ms  %s", it.value(), it.key().constData());
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        qInfo("%4d  %s", it.value(), qPrintable(it.key()));
}

void TestFaults::selfSignedTlsIsRefusedWithCertificateDetails()
{
#if !QT_CONFIG(ssl)
    QSKIP("Qt was built without TLS");
#else
    if (!QSslSocket::supportsSsl())
        QSKIP("No TLS backend");
    QFile certFile(QFINDTESTDATA("../data/selfsigned-cert.pem"));
    QFile keyFile(QFINDTESTDATA("../data/selfsigned-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
    const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QVERIFY(!key.isNull());

    QSslServer server;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate);
    config.setPrivateKey(key);
    server.setSslConfiguration(config);
    int decryptedConnections = 0;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            ++decryptedConnections; // a handshake the client accepted: must not happen
            s->deleteLater();
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    Harness h(
        journalPath(), {QStringLiteral("token-1")}, "https://localhost:" + QByteArray::number(server.serverPort()));
    const auto list = h.listConfigurations();
    QVERIFY(!list->ok());
    const GraphError &e = list->error();
    QCOMPARE(e.kind, GraphError::Kind::Network);
    QVERIFY(!e.requestMaybeSent); // nothing is sent before the handshake
    const QString text = e.message;
    qInfo().noquote() << "admin sees:" << e.summary();
    QVERIFY2(text.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("issued by “localhost”, which this computer does not trust")), qPrintable(text));
    // The certificate itself is in the details, for the network team.
    QVERIFY2(e.certificate.contains(QStringLiteral("CN=localhost")), qPrintable(e.certificate));
    const QString fingerprint
        = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QVERIFY2(e.certificate.contains(fingerprint), qPrintable(e.certificate));
    QVERIFY2(e.details().contains(fingerprint), qPrintable(e.details()));
    QCOMPARE(decryptedConnections, 0);

    const auto create = h.create(AssignmentTarget::allDevices());
    QVERIFY(!create->ok());
    QCOMPARE(create->error().kind, GraphError::Kind::Network);
    QVERIFY(h.journal().isEmpty());
    QCOMPARE(decryptedConnections, 0);
#endif
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
