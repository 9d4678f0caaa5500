// AssignmentService against the sandbox tenant over real loopback HTTP: the
// traps real tenants show (route refusal, replace-all assign, defaults,
// duplicates, v1.0 vs beta filters, deleted groups) and the journal of every
// write. Each case checks the tenant's final state, not only the result.
#include "audit/AuditJournal.h"
#include "auth/SignedInTokenProvider.h"
#include "auth/TenantProfile.h"
#include "auth/TokenStore.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxTenant.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <tuple>

using namespace ea;
using namespace ea::sandbox;
using namespace Qt::StringLiterals;

namespace {

template<typename T> struct Outcome
{
    std::optional<Result<T>> result;
    bool done() const { return result.has_value(); }
};

// Counts the session's token requests, then asks the provider it wraps.
class CountingProvider final : public AccessTokenProvider
{
public:
    CountingProvider(std::unique_ptr<AccessTokenProvider> inner, int *count)
        : m_inner(std::move(inner))
        , m_count(count)
    { }
    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override
    {
        ++*m_count;
        m_inner->requestAccessToken(forceRefresh, done);
    }

private:
    std::unique_ptr<AccessTokenProvider> m_inner;
    int *m_count;
};

// Collects a service callback's result; the test waits with QTRY_VERIFY.
template<typename T> ResultCallback<T> into(Outcome<T> &outcome)
{
    return [&outcome](const Result<T> &r) {
        outcome.result = r;
    };
}

QStringList targetsOf(const QJsonArray &assignments)
{
    QStringList out;
    for (const QJsonValue &v : assignments)
        out << targetSpec(AssignmentTarget::fromJson(v.toObject().value(QStringLiteral("target"))));
    out.sort();
    return out;
}

// Counts the requests that go through it: proves who uses an injected manager.
class CountingNetwork : public QNetworkAccessManager
{
public:
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *body) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, body);
    }
};

FullListApproval approveAndRecord(QList<FullListPlan> *plans, bool answer = true)
{
    return [plans, answer](const FullListPlan &plan, const std::function<void(bool)> &reply) {
        plans->append(plan);
        reply(answer);
    };
}

} // namespace

class TestAssignmentService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listsEveryConfigurationAcrossPages();
    void longListIsDecodedWholeAndInOrderPageByPage();
    void createsWithTheSeedRequest();
    void readsBeforeAWriteGoOutTogether();
    void duplicateIsRefusedWithoutWrite();
    void defaultPolicyIsRefusedWithoutWrite();
    void espFallbackKeepsEveryEarlierAssignment();
    void espFallbackNotApprovedWritesNothing();
    void espFallbackDeclinedWritesNothing();
    void espFallbackRefusesWhenALiveTargetIsUnreadable();
    void deleteRemovesOnlyThatAssignment();
    void espDeleteGoesThroughFullList_data();
    void espDeleteGoesThroughFullList();
    void undoOfFullListRestoresPreviousList();
    void betaFilterIsSentAndV1FilterRefusedBeforeSending();
    void listsFiltersOnBetaOnly();
    void resolvesGroupNamesAndDeletedGroups();
    void nullTargetReadsAsUnknown();
    void journalHoldsEveryWriteWithoutToken();
    void unknownConfigurationIs404();
    void includingAnExcludedGroupIsAllowedWithANote();
    void asReadListingsKeepGraphsObjectsInOrder();
    void operationKnowsWhetherAWriteWentOut();
    void factorySandboxSessionUsesTheInjectedNetwork();
    void factoryNormalisesASuppliedToken();
    void factoryProfileSessionSignsInThroughTheSameNetwork();
    void priorityOrderIsReadOnBetaPerPlatform();
    void priorityRefusalsCarryTheirCodes();
    void reorderSendsTheFewestStepsAndRereadsAfterEach();
    void reorderRefusesWhenTheOrderChangedSinceShown();
    void reorderStopsWhenARereadDiffersFromThePlan();

private:
    Session *makeSession(ApiVersion version = ApiVersion::V1);
    // A tenant whose device-limit order has several ranked configurations (the seed has two).
    PriorityOrder longLimitOrder();

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
};

void TestAssignmentService::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestAssignmentService::init()
{
    SandboxOptions options;
    options.pageSize = 4; // every list spans several pages
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
}

void TestAssignmentService::cleanup()
{
    m_session.reset();
    m_server.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("audit.jsonl")));
}

Session *TestAssignmentService::makeSession(ApiVersion version)
{
    SessionFactory factory;
    factory.setApiVersion(version);
    factory.setAuditJournalPath(m_dir.filePath(QStringLiteral("audit.jsonl")));
    QString problem;
    m_session = factory.forSandbox(m_server->url(), m_server->accessToken(), &problem);
    if (!m_session)
        qFatal("the sandbox session could not be made: %s", qPrintable(problem));
    return m_session.get();
}

void TestAssignmentService::listsEveryConfigurationAcrossPages()
{
    Session *s = makeSession();
    Outcome<QList<EnrollmentConfiguration>> out;
    s->assignments()->listConfigurations(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    QStringList ids;
    for (const EnrollmentConfiguration &c : out.result->value())
        ids << c.id;
    QStringList expected = m_server->tenant().configurationIds();
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);
    QVERIFY(m_server->tenant().requestCount() > 1); // it really paged
}

void TestAssignmentService::longListIsDecodedWholeAndInOrderPageByPage()
{
    // The service decodes a long list page by page as it arrives (so a window
    // never stalls and the JSON is never held whole): 13 pages, none lost,
    // doubled or reordered.
    SandboxOptions options;
    options.pageSize = 100;
    options.extraConfigurations = 1234;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen());
    Session *s = makeSession();
    Outcome<QList<EnrollmentConfiguration>> out;
    s->assignments()->listConfigurations(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    QStringList ids;
    for (const EnrollmentConfiguration &c : out.result->value())
        ids << c.id;
    QVERIFY(ids.size() > 1234);
    QCOMPARE(ids, m_server->tenant().configurationIds());

    // What that rests on: with a page sink, GraphClient hands over each page
    // as it arrives and keeps none of them.
    // And each next page is already requested when a page is handed over, so
    // the service prepares it while this one is decoded.
    GraphRequest request = s->assignments()->listConfigurationsRequest();
    QList<qsizetype> pageSizes;
    int requestsStarted = 0;
    QList<int> requestsStartedAtHandOver;
    connect(s->graph(), &GraphClient::exchangeStarted, this, [&requestsStarted] { ++requestsStarted; });
    request.pageSink = [&](const QJsonArray &page) {
        pageSizes << page.size();
        requestsStartedAtHandOver << requestsStarted;
    };
    GraphCall *call = s->graph()->send(request);
    QSignalSpy finished(call, &GraphCall::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY(call->result().ok());
    const GraphResponse &response = call->result().value();
    QCOMPARE(pageSizes.size(), 13);
    QCOMPARE(requestsStartedAtHandOver,
        (QList<int> {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13})); // the last page has no next one
    QCOMPARE(response.pageCount, 13);
    QCOMPARE(response.itemCount, ids.size());
    QCOMPARE(std::accumulate(pageSizes.cbegin(), pageSizes.cend(), qsizetype(0)), ids.size());
    QVERIFY(response.values.isEmpty());
    QVERIFY(!response.object.contains(QStringLiteral("value")));
}

void TestAssignmentService::createsWithTheSeedRequest()
{
    Session *s = makeSession();
    const QString config = m_server->tenant().limitConfigurationId();
    const int before = int(m_server->tenant().assignmentsOf(config).size());
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(
        config, AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")), this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    const CreatedAssignment &created = out.result->value();
    QCOMPARE(created.httpStatus, 201);
    QVERIFY(!created.viaAssignAction);
    QVERIFY(!created.requestId.isEmpty());
    QCOMPARE(created.assignment.target.collectionId(), QStringLiteral("SMS00001"));
    const QJsonArray after = m_server->tenant().assignmentsOf(config);
    QCOMPARE(after.size(), before + 1);
    QVERIFY(targetsOf(after).contains(QStringLiteral("collection:SMS00001")));
    // The write itself is one POST to .../assignments.
    const QList<QByteArray> log = m_server->tenant().requestLog();
    QCOMPARE(std::count_if(log.cbegin(), log.cend(), [](const QByteArray &l) { return l.startsWith("POST"); }), 1);
}

void TestAssignmentService::readsBeforeAWriteGoOutTogether()
{
    // The configuration and its assignments do not depend on each other: both
    // reads are in flight before either answers, so a write waits one round
    // trip before it is sent, not two (issue 15, P1).
    Session *s = makeSession();
    QStringList exchanges;
    connect(s->graph(), &GraphClient::exchangeStarted, this,
        [&exchanges](const ExchangeRecord &r) { exchanges << u"sent "_s + QString::fromLatin1(r.method); });
    connect(s->graph(), &GraphClient::exchangeFinished, this,
        [&exchanges](const ExchangeRecord &r) { exchanges << u"answered "_s + QString::fromLatin1(r.method); });
    const QString config = m_server->tenant().limitConfigurationId();
    Outcome<CreatedAssignment> created;
    s->assignments()->createAssignment(
        config, AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")), this, into(created));
    QTRY_VERIFY(created.done());
    QVERIFY2(created.result->ok(), qPrintable(created.result->ok() ? QString() : created.result->error().summary()));
    QCOMPARE(exchanges,
        (QStringList {
            u"sent GET"_s, u"sent GET"_s, u"answered GET"_s, u"answered GET"_s, u"sent POST"_s, u"answered POST"_s}));

    exchanges.clear();
    Outcome<RemovedAssignment> removed;
    s->assignments()->deleteAssignment(config, created.result->value().assignment.id, this, into(removed));
    QTRY_VERIFY(removed.done());
    QVERIFY(removed.result->ok());
    QCOMPARE(exchanges,
        (QStringList {u"sent GET"_s, u"sent GET"_s, u"answered GET"_s, u"answered GET"_s, u"sent DELETE"_s,
            u"answered DELETE"_s}));

    // Cancel while both reads are in flight: both stop, nothing is written.
    exchanges.clear();
    const int writes = m_server->tenant().writeCount();
    Outcome<CreatedAssignment> cancelled;
    QPointer<Operation> op = s->assignments()->createAssignment(
        config, AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")), this, into(cancelled));
    op->cancel();
    QTRY_VERIFY(cancelled.done());
    QVERIFY(!cancelled.result->ok());
    QCOMPARE(cancelled.result->error().kind, GraphError::Kind::Cancelled);
    QCOMPARE(exchanges.count(u"sent GET"_s), 2);
    QVERIFY(!exchanges.contains(u"sent POST"_s));
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestAssignmentService::duplicateIsRefusedWithoutWrite()
{
    Session *s = makeSession();
    const QString config = m_server->tenant().limitConfigurationId();
    const QJsonArray existing = m_server->tenant().assignmentsOf(config);
    const AssignmentTarget target
        = AssignmentTarget::fromJson(existing.at(0).toObject().value(QStringLiteral("target")));
    const int writes = m_server->tenant().writeCount();
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(config, target, this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().code, refusal::kAlreadyAssigned);
    QVERIFY(out.result->error().message.contains(QStringLiteral("already assigned")));
    QCOMPARE(m_server->tenant().writeCount(), writes);
    QCOMPARE(m_server->tenant().assignmentsOf(config), existing);
}

void TestAssignmentService::defaultPolicyIsRefusedWithoutWrite()
{
    Session *s = makeSession();
    const QString config = m_server->tenant().defaultLimitConfigurationId();
    const QJsonArray existing = m_server->tenant().assignmentsOf(config);
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(
        config, AssignmentTarget::configMgrCollection(QStringLiteral("SMS00001")), this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().code, refusal::kDefaultPolicy);
    QVERIFY(out.result->error().message.contains(QStringLiteral("All users and all devices")));
    QCOMPARE(m_server->tenant().writeCount(), 0);
    QCOMPARE(m_server->tenant().assignmentsOf(config), existing);
}

void TestAssignmentService::espFallbackKeepsEveryEarlierAssignment()
{
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    QVERIFY(!before.isEmpty());
    const QString group = m_server->tenant().groupIdByName(QStringLiteral("Admins' Laptops"));
    QList<FullListPlan> plans;
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(
        esp, AssignmentTarget::includeGroup(group), this, into(out), approveAndRecord(&plans));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    QCOMPARE(plans.size(), 1); // asked once
    QCOMPARE(plans[0].kept.size(), before.size());
    QCOMPARE(plans[0].added.size(), 1);
    QVERIFY(plans[0].summary().contains(QStringLiteral("%1 existing + 1 new").arg(before.size())));
    QVERIFY(plans[0].request.url.path().endsWith(QStringLiteral("/assign")));

    const CreatedAssignment &created = out.result->value();
    QVERIFY(created.viaAssignAction);
    QCOMPARE(created.assignment.target.groupId(), group);
    QVERIFY(!created.assignment.id.isEmpty());
    QCOMPARE(created.previousAssignments.size(), before.size());

    const QJsonArray after = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(after.size(), before.size() + 1);
    QStringList expected = targetsOf(before);
    expected << QStringLiteral("group:") + group;
    expected.sort();
    QCOMPARE(targetsOf(after), expected);
}

void TestAssignmentService::espFallbackNotApprovedWritesNothing()
{
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(esp, AssignmentTarget::allDevices(), this, into(out)); // no approval callback
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().code, refusal::kFullListNotApproved);
    QCOMPARE(m_server->tenant().assignmentsOf(esp), before);
}

void TestAssignmentService::espFallbackDeclinedWritesNothing()
{
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    QList<FullListPlan> plans;
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(
        esp, AssignmentTarget::allDevices(), this, into(out), approveAndRecord(&plans, false));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().kind, GraphError::Kind::Cancelled);
    QCOMPARE(plans.size(), 1);
    QCOMPARE(m_server->tenant().assignmentsOf(esp), before);
    const QList<QByteArray> log = m_server->tenant().requestLog();
    QVERIFY(std::none_of(log.cbegin(), log.cend(), [](const QByteArray &l) { return l.contains("/assign "); }));
}

void TestAssignmentService::espFallbackRefusesWhenALiveTargetIsUnreadable()
{
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    QJsonArray withNull = m_server->tenant().assignmentsOf(esp);
    withNull.append(
        QJsonObject {{QStringLiteral("id"), QStringLiteral("odd-one")}, {QStringLiteral("target"), QJsonValue()}});
    m_server->tenant().setAssignments(esp, withNull);
    QList<FullListPlan> plans;
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(esp, AssignmentTarget::allDevices(), this, into(out), approveAndRecord(&plans));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().code, refusal::kUnreadableAssignment);
    QVERIFY(plans.isEmpty()); // never even offered
    const QJsonArray after = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(after.size(), withNull.size());
    QCOMPARE(targetsOf(after), targetsOf(withNull));
}

void TestAssignmentService::deleteRemovesOnlyThatAssignment()
{
    Session *s = makeSession();
    const QString config = m_server->tenant().limitConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(config);
    const QString victim = before.at(1).toObject().value(QStringLiteral("id")).toString();
    Outcome<RemovedAssignment> out;
    s->assignments()->deleteAssignment(config, victim, this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    // What was removed, as read before the write: Graph's object, and the DELETE's request id.
    const RemovedAssignment &removed = out.result->value();
    QCOMPARE(removed.configurationId, config);
    QCOMPARE(removed.assignment.id, victim);
    QCOMPARE(removed.assignment.raw.value(QStringLiteral("id")).toString(), victim);
    QCOMPARE(removed.assignment.raw.value(QStringLiteral("target"))[QStringLiteral("@odata.type")].toString(),
        before.at(1).toObject().value(QStringLiteral("target"))[QStringLiteral("@odata.type")].toString());
    QCOMPARE(removed.httpStatus, 204);
    QVERIFY(!removed.requestId.isEmpty());
    QVERIFY(!removed.viaAssignAction);
    QVERIFY(!removed.confirmedAfterAmbiguousFailure);
    const QJsonArray after = m_server->tenant().assignmentsOf(config);
    QCOMPARE(after.size(), before.size() - 1);
    for (const QJsonValue &v : after)
        QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != victim);

    // Deleting it again: refused after the read, nothing sent.
    const int writes = m_server->tenant().writeCount();
    Outcome<RemovedAssignment> again;
    s->assignments()->deleteAssignment(config, victim, this, into(again));
    QTRY_VERIFY(again.done());
    QVERIFY(!again.result->ok());
    QCOMPARE(m_server->tenant().writeCount(), writes);
}

void TestAssignmentService::espDeleteGoesThroughFullList_data()
{
    QTest::addColumn<bool>("tenantRefusesDelete");
    QTest::newRow("DELETE accepted") << false;
    QTest::newRow("DELETE refused like POST") << true;
}

void TestAssignmentService::espDeleteGoesThroughFullList()
{
    QFETCH(bool, tenantRefusesDelete);
    m_server->tenant().setEspRefusesDelete(tenantRefusesDelete);
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray before = m_server->tenant().assignmentsOf(esp);
    QVERIFY(before.size() >= 2);
    const QString victim = before.at(0).toObject().value(QStringLiteral("id")).toString();
    QList<FullListPlan> plans;
    Outcome<RemovedAssignment> out;
    s->assignments()->deleteAssignment(esp, victim, this, into(out), approveAndRecord(&plans));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    QCOMPARE(out.result->value().assignment.id, victim);
    QCOMPARE(out.result->value().viaAssignAction, tenantRefusesDelete);
    QCOMPARE(out.result->value().keptCount, tenantRefusesDelete ? int(before.size()) - 1 : 0);
    const QJsonArray after = m_server->tenant().assignmentsOf(esp);
    QCOMPARE(after.size(), before.size() - 1);
    for (const QJsonValue &v : after)
        QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != victim);
    QCOMPARE(plans.size(), tenantRefusesDelete ? 1 : 0);
    if (tenantRefusesDelete) {
        QCOMPARE(plans[0].removed.size(), 1);
        QCOMPARE(plans[0].kept.size(), before.size() - 1);
    }
}

void TestAssignmentService::undoOfFullListRestoresPreviousList()
{
    Session *s = makeSession();
    const QString esp = m_server->tenant().espConfigurationId();
    const QJsonArray original = m_server->tenant().assignmentsOf(esp);
    QList<FullListPlan> plans;
    Outcome<CreatedAssignment> created;
    s->assignments()->createAssignment(
        esp, AssignmentTarget::allDevices(), this, into(created), approveAndRecord(&plans));
    QTRY_VERIFY(created.done());
    QVERIFY(created.result->ok());
    QCOMPARE(m_server->tenant().assignmentsOf(esp).size(), original.size() + 1);

    Outcome<QList<Assignment>> undone;
    s->assignments()->replaceAssignments(
        esp, created.result->value().previousAssignments, this, into(undone), approveAndRecord(&plans));
    QTRY_VERIFY(undone.done());
    QVERIFY2(undone.result->ok(), qPrintable(undone.result->ok() ? QString() : undone.result->error().summary()));
    QCOMPARE(plans.size(), 2);
    QCOMPARE(plans[1].removed.size(), 1);
    QCOMPARE(targetsOf(m_server->tenant().assignmentsOf(esp)), targetsOf(original));
}

void TestAssignmentService::betaFilterIsSentAndV1FilterRefusedBeforeSending()
{
    const QString filterId = m_server->tenant().assignmentFilterIds().value(0);
    QVERIFY(!filterId.isEmpty());
    const QString config = m_server->tenant().limitConfigurationId();
    AssignmentTarget target = AssignmentTarget::allDevices();
    target.setFilter(filterId, AssignmentTarget::FilterMode::Exclude);

    Session *v1 = makeSession(ApiVersion::V1);
    Outcome<CreatedAssignment> refused;
    v1->assignments()->createAssignment(config, target, this, into(refused));
    QTRY_VERIFY(refused.done());
    QVERIFY(!refused.result->ok());
    QCOMPARE(refused.result->error().kind, GraphError::Kind::Refused);
    QVERIFY(refused.result->error().message.contains(QStringLiteral("beta")));
    QCOMPARE(m_server->tenant().requestCount(), 0);

    Session *beta = makeSession(ApiVersion::Beta);
    Outcome<CreatedAssignment> out;
    beta->assignments()->createAssignment(config, target, this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    bool found = false;
    for (const QJsonValue &v : m_server->tenant().assignmentsOf(config)) {
        const QJsonObject t = v.toObject().value(QStringLiteral("target")).toObject();
        if (t.value(QStringLiteral("deviceAndAppManagementAssignmentFilterId")).toString() == filterId) {
            QCOMPARE(t.value(QStringLiteral("deviceAndAppManagementAssignmentFilterType")).toString(),
                QStringLiteral("exclude"));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestAssignmentService::listsFiltersOnBetaOnly()
{
    Session *v1 = makeSession(ApiVersion::V1);
    Outcome<QList<AssignmentFilter>> refused;
    v1->assignments()->listAssignmentFilters(this, into(refused));
    QTRY_VERIFY(refused.done());
    QVERIFY(!refused.result->ok());
    QCOMPARE(m_server->tenant().requestCount(), 0);

    Session *beta = makeSession(ApiVersion::Beta);
    Outcome<QList<AssignmentFilter>> out;
    beta->assignments()->listAssignmentFilters(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    QCOMPARE(out.result->value().size(), m_server->tenant().assignmentFilterIds().size());
    QVERIFY(!out.result->value().at(0).displayName.isEmpty());
}

void TestAssignmentService::asReadListingsKeepGraphsObjectsInOrder()
{
    // The CLI's --json prints these: Graph's objects exactly as received, one
    // per typed value, in the same order, across pages (page size 4 here).
    Session *beta = makeSession(ApiVersion::Beta);
    Outcome<Listing<EnrollmentConfiguration>> configs;
    beta->assignments()->listConfigurationsAsRead(this, into(configs));
    QTRY_VERIFY(configs.done());
    QVERIFY(configs.result->ok());
    const Listing<EnrollmentConfiguration> &c = configs.result->value();
    QCOMPARE(c.objects.size(), c.items.size());
    QVERIFY(c.items.size() > 4);
    for (qsizetype i = 0; i < c.items.size(); ++i) {
        QCOMPARE(c.objects.at(i)[QStringLiteral("id")].toString(), c.items.at(i).id);
        // A property the app does not model is there as Graph sent it.
        QVERIFY(c.objects.at(i).toObject().contains(QStringLiteral("@odata.type")));
    }

    // configs --json reads the objects alone (issue 15): the same objects, in the same order.
    Outcome<QJsonArray> objects;
    beta->assignments()->listConfigurationObjects(this, into(objects));
    QTRY_VERIFY(objects.done());
    QVERIFY(objects.result->ok());
    QCOMPARE(objects.result->value(), c.objects);

    const QString config = m_server->tenant().limitConfigurationId();
    Outcome<Listing<Assignment>> assignments;
    beta->assignments()->listAssignmentsAsRead(config, this, into(assignments));
    QTRY_VERIFY(assignments.done());
    QVERIFY(assignments.result->ok());
    QCOMPARE(assignments.result->value().objects, m_server->tenant().assignmentsOf(config));
    QCOMPARE(assignments.result->value().items.size(), assignments.result->value().objects.size());

    Outcome<Listing<AssignmentFilter>> filters;
    beta->assignments()->listAssignmentFiltersAsRead(this, into(filters));
    QTRY_VERIFY(filters.done());
    QVERIFY(filters.result->ok());
    QCOMPARE(filters.result->value().objects.size(), m_server->tenant().assignmentFilterIds().size());
    QCOMPARE(
        filters.result->value().objects.at(0)[QStringLiteral("id")].toString(), filters.result->value().items.at(0).id);

    Outcome<GroupSearchResult> groups;
    beta->assignments()->findGroups(QStringLiteral("Sales"), this, into(groups));
    QTRY_VERIFY(groups.done());
    QVERIFY(groups.result->ok());
    QVERIFY(!groups.result->value().groups.isEmpty());
    QCOMPARE(groups.result->value().objects.size(), groups.result->value().groups.size());
    QCOMPARE(
        groups.result->value().objects.at(0)[QStringLiteral("id")].toString(), groups.result->value().groups.at(0).id);
}

void TestAssignmentService::operationKnowsWhetherAWriteWentOut()
{
    // The CLI's "the write may have landed" hint rests on this.
    Session *s = makeSession();
    const QString config = m_server->tenant().limitConfigurationId();
    // Refused after the reads (a default policy): only GETs went out.
    Outcome<CreatedAssignment> refused;
    QPointer<Operation> readsOnly = s->assignments()->createAssignment(
        m_server->tenant().defaultLimitConfigurationId(), AssignmentTarget::allDevices(), this, into(refused));
    bool sentWriteWhenRefused = true;
    connect(readsOnly, &Operation::finished, this, [&] { sentWriteWhenRefused = readsOnly->hasSentWrite(); });
    QTRY_VERIFY(refused.done());
    QVERIFY(!refused.result->ok());
    QVERIFY(!sentWriteWhenRefused);

    Outcome<CreatedAssignment> created;
    QPointer<Operation> write
        = s->assignments()->createAssignment(config, AssignmentTarget::allDevices(), this, into(created));
    bool sentWrite = false;
    connect(write, &Operation::finished, this, [&] { sentWrite = write->hasSentWrite(); });
    QTRY_VERIFY(created.done());
    QVERIFY(created.result->ok());
    QVERIFY(sentWrite);
}

void TestAssignmentService::resolvesGroupNamesAndDeletedGroups()
{
    Session *s = makeSession();
    const QString admins = m_server->tenant().groupIdByName(QStringLiteral("Admins' Laptops"));
    const QString deleted = m_server->tenant().deletedGroupId();
    QStringList ids {admins, deleted, QStringLiteral("not-a-guid")};
    // More ids than one request takes, to prove batching.
    ids += m_server->tenant().groupIds().mid(0, GroupDirectory::kIdsPerRequest + 3);
    Outcome<QHash<QString, GroupName>> out;
    s->groups()->resolve(ids, this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    const auto names = out.result->value();
    QCOMPARE(names.value(admins.toLower()).displayName, QStringLiteral("Admins' Laptops"));
    QVERIFY(names.value(deleted.toLower()).deleted);
    QVERIFY(!names.value(QStringLiteral("not-a-guid")).deleted); // never asked: unknown, not deleted
    const int requests = m_server->tenant().requestCount();
    QVERIFY(requests >= 2);

    // Cached: the same ids again cost no request.
    Outcome<QHash<QString, GroupName>> again;
    s->groups()->resolve(ids, this, into(again));
    QTRY_VERIFY(again.done());
    QCOMPARE(m_server->tenant().requestCount(), requests);
}

void TestAssignmentService::nullTargetReadsAsUnknown()
{
    Session *s = makeSession();
    Outcome<QList<Assignment>> out;
    s->assignments()->listAssignments(m_server->tenant().nullTargetConfigurationId(), this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    QVERIFY(std::any_of(out.result->value().cbegin(), out.result->value().cend(),
        [](const Assignment &a) { return a.target.kind() == AssignmentTarget::Kind::Unknown; }));
}

void TestAssignmentService::journalHoldsEveryWriteWithoutToken()
{
    Session *s = makeSession();
    const QString config = m_server->tenant().limitConfigurationId();
    Outcome<CreatedAssignment> created;
    s->assignments()->createAssignment(config, AssignmentTarget::allDevices(), this, into(created));
    QTRY_VERIFY(created.done());
    QVERIFY(created.result->ok());
    Outcome<RemovedAssignment> deleted;
    s->assignments()->deleteAssignment(config, created.result->value().assignment.id, this, into(deleted));
    QTRY_VERIFY(deleted.done());
    QVERIFY(deleted.result->ok());
    QList<FullListPlan> plans;
    Outcome<CreatedAssignment> esp;
    s->assignments()->createAssignment(m_server->tenant().espConfigurationId(), AssignmentTarget::allDevices(), this,
        into(esp), approveAndRecord(&plans));
    QTRY_VERIFY(esp.done());
    QVERIFY(esp.result->ok());

    const QList<AuditEntry> entries = s->auditJournal()->readAll();
    QStringList seen;
    for (const AuditEntry &e : entries)
        seen << e.actionName() + u'/' + e.phaseName() + u'/' + e.outcomeName();
    QCOMPARE(seen,
        QStringList({QStringLiteral("create/attempt/pending"), QStringLiteral("create/result/succeeded"),
            QStringLiteral("delete/attempt/pending"), QStringLiteral("delete/result/succeeded"),
            QStringLiteral("create/attempt/pending"), QStringLiteral("create/result/failed"),
            QStringLiteral("assign-full-list/attempt/pending"), QStringLiteral("assign-full-list/result/succeeded")}));
    QCOMPARE(entries[0].operationId, entries[1].operationId);
    QVERIFY(entries[0].operationId != entries[2].operationId);
    QCOMPARE(entries[1].httpStatus, 201);
    QVERIFY(!entries[1].requestId.isEmpty());
    QCOMPARE(entries[1].configurationName, QStringLiteral("Limit 5 devices – Sales"));
    QCOMPARE(entries[1].cloud, QStringLiteral("sandbox"));
    QCOMPARE(entries[1].targetText(), QStringLiteral("all-devices"));
    QVERIFY(entries[6].fullList);

    QFile file(s->auditJournal()->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(m_server->accessToken().toUtf8()));
}

void TestAssignmentService::unknownConfigurationIs404()
{
    Session *s = makeSession();
    Outcome<CreatedAssignment> out;
    s->assignments()->createAssignment(
        QStringLiteral("00000000-0000-0000-0000-000000000001"), AssignmentTarget::allDevices(), this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().httpStatus, 404);
    QVERIFY(!out.result->error().requestId.isEmpty());
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

void TestAssignmentService::includingAnExcludedGroupIsAllowedWithANote()
{
    // Intune accepts the same group included and excluded (the exclusion
    // wins); the app allows it but says so before sending, both ways round.
    const QString group = QStringLiteral("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    Assignment excluded;
    excluded.id = QStringLiteral("assignment-excluded");
    excluded.target = AssignmentTarget::excludeGroup(group);
    Assignment other;
    other.id = QStringLiteral("assignment-other");
    other.target = AssignmentTarget::includeGroup(QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));

    const QStringList include
        = AssignmentService::createNotes({other, excluded}, AssignmentTarget::includeGroup(group.toUpper()));
    QCOMPARE(include.size(), 1);
    QVERIFY2(include.first().contains(QStringLiteral("also excluded")) && include.first().contains(excluded.id),
        qPrintable(include.first()));
    QVERIFY(AssignmentService::createNotes({other}, AssignmentTarget::includeGroup(group)).isEmpty());
    QVERIFY(AssignmentService::createNotes({other, excluded}, AssignmentTarget::allDevices()).isEmpty());

    Assignment included = other;
    const QStringList exclude = AssignmentService::createNotes(
        {included}, AssignmentTarget::excludeGroup(QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")));
    QCOMPARE(exclude.size(), 1);
    QVERIFY2(exclude.first().contains(QStringLiteral("also included")), qPrintable(exclude.first()));
}

void TestAssignmentService::factorySandboxSessionUsesTheInjectedNetwork()
{
    CountingNetwork network;
    SessionFactory factory(&network);
    factory.setApiVersion(ApiVersion::Beta);
    factory.setTimeouts(std::chrono::seconds(7), std::chrono::seconds(3));
    QString problem;
    std::unique_ptr<Session> session = factory.forSandbox(m_server->url(), m_server->accessToken(), &problem);
    QVERIFY2(session, qPrintable(problem));
    QCOMPARE(session->network(), &network);
    QVERIFY(session->isSandbox());
    QCOMPARE(session->cloudName(), QStringLiteral("sandbox"));
    QCOMPARE(session->tenantLabel(), QStringLiteral("Sandbox tenant"));
    QCOMPARE(session->apiVersion(), ApiVersion::Beta);
    QCOMPARE(session->graph()->transferTimeout(), std::chrono::milliseconds(7000));
    QCOMPARE(session->graph()->connectTimeout(), std::chrono::milliseconds(3000));
    // In-process: never through a proxy.
    QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);

    Outcome<QList<EnrollmentConfiguration>> out;
    session->assignments()->listConfigurations(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    QVERIFY(network.requests > 0);
    session.reset();
    // Not owned: still usable after the session is gone.
    QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);
}

void TestAssignmentService::factoryNormalisesASuppliedToken()
{
    SessionFactory factory;
    QString problem;
    const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(m_server->url().toString(), ApiVersion::V1, &problem);
    QVERIFY2(endpoint.isValid(), qPrintable(problem));

    // As copied from a browser's network tab, with the newline a file ends with.
    std::unique_ptr<Session> session
        = factory.forToken(endpoint, u"  Bearer "_s + m_server->accessToken() + u"\n"_s, &problem);
    QVERIFY2(session, qPrintable(problem));
    QVERIFY(!session->isSandbox());
    QCOMPARE(session->tenantLabel(), m_server->url().host());
    QVERIFY(session->network()); // its own
    Outcome<QList<EnrollmentConfiguration>> out;
    session->assignments()->listConfigurations(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));

    problem.clear();
    QVERIFY(!factory.forToken(endpoint, u"two words"_s, &problem));
    QVERIFY(!problem.isEmpty());
    problem.clear();
    QVERIFY(!factory.forToken(endpoint, u"Bearer "_s, &problem));
    QVERIFY(!problem.isEmpty());
}

void TestAssignmentService::factoryProfileSessionSignsInThroughTheSameNetwork()
{
    auth::TenantProfile profile;
    profile.displayName = u"Sandbox"_s;
    profile.tenant = u"organizations"_s;
    profile.clientId = QString::fromLatin1(auth::kGraphCommandLineToolsClientId);
    profile.loginRootOverride = m_server->url().toString();
    profile.graphRootOverride = m_server->url().toString();
    auth::MemoryTokenStore store;
    // A refresh token the sandbox does not know: redeeming it is one request to the sign-in service.
    store.save(profile.tokenStoreKey(), u"not-a-refresh-token"_s, [](const auth::AuthResult<auth::SaveReceipt> &) {});

    CountingNetwork network;
    SessionFactory factory(&network);
    QString problem;
    auth::SignedInTokenProvider *signedIn = nullptr;
    std::unique_ptr<Session> session = factory.forProfile(profile, &store, &problem, &signedIn);
    QVERIFY2(session, qPrintable(problem));
    QVERIFY(signedIn);
    QCOMPARE(session->network(), &network);
    QCOMPARE(session->tenantLabel(), u"organizations"_s);
    QCOMPARE(session->graph()->endpoint().root().host(), m_server->url().host());

    std::optional<Result<QString>> token;
    signedIn->requestAccessToken(false, [&token](const Result<QString> &r) { token = r; });
    QTRY_VERIFY(token.has_value());
    QVERIFY(!token->ok());
    QCOMPARE(network.requests, 1); // the refresh went through the injected manager, not a second one

    // A profile whose Graph is no Graph gives no session.
    profile.graphRootOverride = u"ftp://example.com"_s;
    problem.clear();
    QVERIFY(!factory.forProfile(profile, &store, &problem));
    QVERIFY(!problem.isEmpty());

    // Nor one whose Graph is not its cloud's (saved before the URL was checked): its token would go there.
    profile.graphRootOverride = u"https://graph.example.com"_s;
    problem.clear();
    QVERIFY(!factory.forProfile(profile, &store, &problem));
    QVERIFY2(problem.contains(u"graph.example.com"_s), qPrintable(problem));
    QCOMPARE(network.requests, 1);

    // A wrapper gets the sign-in's provider and is what the session asks.
    profile.graphRootOverride = m_server->url().toString();
    int asked = 0;
    std::unique_ptr<Session> wrapped = factory.forProfile(profile, &store, &problem, &signedIn,
        [&asked](std::unique_ptr<auth::SignedInTokenProvider> inner) -> std::unique_ptr<AccessTokenProvider> {
            return std::make_unique<CountingProvider>(std::move(inner), &asked);
        });
    QVERIFY2(wrapped, qPrintable(problem));
    QVERIFY(signedIn);
    Outcome<QList<EnrollmentConfiguration>> out;
    wrapped->assignments()->listConfigurations(this, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok()); // the stored refresh token is unknown to the sandbox
    QCOMPARE(asked, 1);
}

// A v1.0 session still reads the order on beta: v1.0 hides a single-platform
// restriction's platform and would merge every platform into one order.
void TestAssignmentService::priorityOrderIsReadOnBetaPerPlatform()
{
    Session *s = makeSession(ApiVersion::V1);
    const QString ios = m_server->tenant().configurationIdByName(u"iOS/iPadOS – block personal devices"_s);
    Outcome<PriorityOrder> ordered;
    s->assignments()->readPriorityOrder(ios, this, into(ordered));
    QTRY_VERIFY(ordered.done());
    QVERIFY(ordered.result->ok());
    QCOMPARE(ordered.result->value().rankedIds(), QStringList {ios});
    QCOMPARE(ordered.result->value().key.platform, u"ios"_s);

    Outcome<PriorityOrder> limits;
    s->assignments()->readPriorityOrder(m_server->tenant().limitConfigurationId(), this, into(limits));
    QTRY_VERIFY(limits.done());
    QVERIFY(limits.result->ok());
    QCOMPARE(limits.result->value().ranked.size(), 2);
    QCOMPARE(limits.result->value().ranked.first().id, m_server->tenant().limitConfigurationId());
    QCOMPARE(limits.result->value().defaults.size(), 1);
    QCOMPARE(limits.result->value().defaults.first().id, m_server->tenant().defaultLimitConfigurationId());
}

// Each refusal is the app's own (nothing sent) with a code a front end can act on.
void TestAssignmentService::priorityRefusalsCarryTheirCodes()
{
    Session *s = makeSession();
    auto &tenant = m_server->tenant();
    const QList<std::tuple<QString, int, QString>> cases {
        {tenant.defaultLimitConfigurationId(), 1, refusal::kDefaultPolicy},
        {tenant.configurationIdByName(u"Windows Hello for Business – Pilot"_s), 2, refusal::kNoPriorityOrder},
        {tenant.limitConfigurationId(), 1, refusal::kSamePriority},
        {tenant.limitConfigurationId(), 3, refusal::kPriorityOutOfRange},
        {u"5e0a3d1c-0000-4000-8000-00000000dead"_s, 1, refusal::kUnknownConfiguration},
        {tenant.limitConfigurationId(), 0, refusal::kInvalidInput},
    };
    for (const auto &[id, priority, code] : cases) {
        Outcome<PriorityChange> out;
        s->assignments()->setPriority(id, priority, this, into(out));
        QTRY_VERIFY(out.done());
        QVERIFY(!out.result->ok());
        QCOMPARE(out.result->error().code, code);
        QCOMPARE(out.result->error().kind, GraphError::Kind::Refused);
    }
    QCOMPARE(tenant.writeCount(), 0);
}

PriorityOrder TestAssignmentService::longLimitOrder()
{
    SandboxOptions options;
    options.extraConfigurations = 40; // deterministic: the default seed gives the limit order six ranked
    m_server = std::make_unique<SandboxServer>(options);
    if (!m_server->listen())
        qFatal("the sandbox cannot listen");
    Session *s = makeSession();
    Outcome<PriorityOrder> read;
    s->assignments()->readPriorityOrder(m_server->tenant().limitConfigurationId(), this, into(read));
    if (!QTest::qWaitFor([&] { return read.done(); }) || !read.result->ok())
        qFatal("the limit order could not be read");
    return read.result->value();
}

// Reversing an order of n takes n - 1 setPriority calls, one at a time, each
// re-read and journalled; the tenant ends in exactly the wanted order.
void TestAssignmentService::reorderSendsTheFewestStepsAndRereadsAfterEach()
{
    const PriorityOrder order = longLimitOrder();
    const QStringList shown = order.rankedIds();
    QVERIFY2(shown.size() >= 4, qPrintable(QString::number(shown.size())));
    QStringList wanted = shown;
    std::reverse(wanted.begin(), wanted.end());
    m_server->tenant().resetTrafficCounters();

    QList<PriorityChange> heard;
    Outcome<PriorityReorder> out;
    m_session->assignments()->reorder(
        shown.first(), shown, wanted, this, [&](const PriorityChange &step) { heard << step; }, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY2(out.result->ok(), qPrintable(out.result->ok() ? QString() : out.result->error().summary()));
    const PriorityReorder &run = out.result->value();
    QCOMPARE(run.plan.size(), shown.size() - 1);
    QCOMPARE(run.steps.size(), run.plan.size());
    QCOMPARE(heard.size(), run.plan.size());
    QVERIFY(!run.stepError);
    QCOMPARE(run.divergedAt, -1);
    QVERIFY(run.reachedWanted());
    QCOMPARE(run.last.rankedIds(), wanted);
    for (qsizetype i = 0; i < run.steps.size(); ++i)
        QCOMPARE(run.steps.at(i).after.rankedIds(), run.plan.at(i).idsAfter); // each step was re-read
    for (qsizetype i = 0; i < wanted.size(); ++i)
        QCOMPARE(m_server->tenant().priorityOf(wanted.at(i)), int(i) + 1);
    QCOMPARE(m_server->tenant().writeCount(), int(shown.size()) - 1);
    int journalled = 0;
    for (const AuditEntry &e : m_session->assignments()->auditJournal()->readAll())
        journalled += e.action == AuditAction::SetPriority && e.phase == AuditPhase::Attempt;
    QCOMPARE(journalled, int(shown.size()) - 1);
}

// The plan was made from the order the admin saw; if the tenant's differs
// now, nothing is sent.
void TestAssignmentService::reorderRefusesWhenTheOrderChangedSinceShown()
{
    const PriorityOrder order = longLimitOrder();
    QStringList shown = order.rankedIds();
    shown.swapItemsAt(0, 1); // not what the tenant holds
    QStringList wanted = order.rankedIds();
    wanted.move(0, wanted.size() - 1);
    m_server->tenant().resetTrafficCounters();
    Outcome<PriorityReorder> out;
    m_session->assignments()->reorder(shown.first(), shown, wanted, this, {}, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(!out.result->ok());
    QCOMPARE(out.result->error().code, refusal::kOrderChanged);
    QCOMPARE(m_server->tenant().writeCount(), 0);
}

// Someone else moves a configuration while the run is between steps: the
// next re-read differs from the plan, and the run stops there with nothing
// more sent.
void TestAssignmentService::reorderStopsWhenARereadDiffersFromThePlan()
{
    const PriorityOrder order = longLimitOrder();
    const QStringList shown = order.rankedIds();
    QStringList wanted = shown;
    std::reverse(wanted.begin(), wanted.end());
    const QList<PriorityMove> plan = order.movesTo(wanted);
    QVERIFY(plan.size() >= 3);
    m_server->tenant().resetTrafficCounters();

    SandboxTenant &tenant = m_server->tenant();
    bool movedElsewhere = false;
    const auto otherAdminMoves = [&](const PriorityChange &step) {
        if (movedElsewhere)
            return;
        movedElsewhere = true;
        // Another admin (straight to the tenant, as the portal would) moves the
        // one that is last now to first, right after this run's first step.
        const QString last = step.after.rankedIds().constLast();
        HttpRequest request;
        request.method = "POST";
        request.rawTarget = "/beta/deviceManagement/deviceEnrollmentConfigurations/" + last.toUtf8() + "/setPriority";
        request.url = QUrl::fromEncoded(request.rawTarget);
        request.headers
            = {{"Authorization", "Bearer " + m_server->accessToken().toUtf8()}, {"Content-Type", "application/json"}};
        request.body = R"({"priority":1})";
        QCOMPARE(tenant.handle(request).status, 204);
    };
    Outcome<PriorityReorder> out;
    m_session->assignments()->reorder(shown.first(), shown, wanted, this, otherAdminMoves, into(out));
    QTRY_VERIFY(out.done());
    QVERIFY(out.result->ok());
    const PriorityReorder &run = out.result->value();
    QCOMPARE(run.divergedAt, 1); // the second step's re-read shows the other admin's move too
    QCOMPARE(run.steps.size(), 2);
    QVERIFY(!run.reachedWanted());
    QCOMPARE(tenant.writeCount(), 2 + 1); // two steps and the other admin's move; the rest was never sent
}

QTEST_GUILESS_MAIN(TestAssignmentService)
#include "tst_assignmentservice.moc"
