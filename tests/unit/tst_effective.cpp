// The "who gets which" resolver (EffectiveConfiguration): pure, from
// configurations with their assignments and a principal's groups.

#include "domain/EffectiveConfiguration.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

const QString kSales = u"11111111-1111-4111-8111-111111111111"_s;
const QString kInterns = u"22222222-2222-4222-8222-222222222222"_s;
const QString kEngineering = u"33333333-3333-4333-8333-333333333333"_s;
const QString kOther = u"44444444-4444-4444-8444-444444444444"_s;
const QString kFilter = u"55555555-5555-4555-8555-555555555555"_s;

Assignment assignment(const AssignmentTarget &target, const QString &id = u"a"_s)
{
    Assignment a;
    a.id = id;
    a.target = target;
    return a;
}

EnrollmentConfiguration config(const QString &id, const QString &type, int priority, QList<Assignment> assignments)
{
    EnrollmentConfiguration c;
    c.id = id;
    c.odataType = u"microsoft.graph."_s + type;
    c.displayName = id;
    c.priority = priority;
    c.assignments = std::move(assignments);
    c.assignmentsExpanded = true;
    return c;
}

const QString kLimit = u"deviceEnrollmentLimitConfiguration"_s;
const QString kEsp = u"windows10EnrollmentCompletionPageConfiguration"_s;
const QString kHello = u"deviceEnrollmentWindowsHelloForBusinessConfiguration"_s;

EnrollmentConfiguration defaultLimit()
{
    return config(u"tenant_DefaultLimit"_s, kLimit, 0, {assignment(AssignmentTarget::allLicensedUsers())});
}

// A user in Sales and Interns (direct) and Engineering (through Interns → Sales).
Principal user()
{
    Principal p;
    p.kind = Principal::Kind::User;
    p.id = u"alice@contoso.com"_s;
    p.groups = {{kSales, u"Sales"_s, {}, true}, {kInterns, u"Interns"_s, {}, true},
        {kEngineering, u"Engineering"_s, {u"Interns"_s, u"Sales"_s}, true}};
    return p;
}

const EffectiveTypeResult &typeOf(const QList<EffectiveTypeResult> &results, EnrollmentConfiguration::Kind kind)
{
    for (const EffectiveTypeResult &r : results) {
        if (r.kind == kind)
            return r;
    }
    qFatal("no result for the kind");
}

} // namespace

class TestEffective : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void includedGroupWinsByLowestPriority();
    void exclusionBeatsInclude();
    void allUsersAndAllDevices();
    void nestedGroupIsNamedWithItsPath();
    void filterIsADependencyNotAGuess();
    void defaultWhenNothingElseApplies();
    void tiesAreDeterministicAndReported();
    void espDeviceTargetBeatsUserTarget();
    void helloForBusinessOnlyTheDefault();
    void groupPrincipalGetsWhatItsParentsGet();
};

void TestEffective::includedGroupWinsByLowestPriority()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"c3"_s, kLimit, 3, {assignment(AssignmentTarget::includeGroup(kSales))}),
        config(u"c1"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kInterns))}),
        config(u"c2"_s, kLimit, 2, {assignment(AssignmentTarget::includeGroup(kOther))}),
        defaultLimit(),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QVERIFY(r.winner);
    QCOMPARE(r.winner->configurationId, u"c1"_s);
    QCOMPARE(r.winner->reason, EffectiveMatch::Reason::Group);
    QCOMPARE(r.winner->group.id, kInterns);
    QCOMPARE(r.lowerRanked.size(), 1); // c2 targets nobody the user is in
    QCOMPARE(r.lowerRanked.first().configurationId, u"c3"_s);
    QVERIFY(r.excluded.isEmpty());
    QVERIFY(!r.defaultApplies);
    QCOMPARE(r.defaultConfiguration->configurationId, u"tenant_DefaultLimit"_s);
}

void TestEffective::exclusionBeatsInclude()
{
    // Included through Sales and through all users, excluded through Interns: excluded.
    const QList<EnrollmentConfiguration> configs = {
        config(u"c1"_s, kLimit, 1,
            {assignment(AssignmentTarget::includeGroup(kSales)), assignment(AssignmentTarget::allLicensedUsers()),
                assignment(AssignmentTarget::excludeGroup(kInterns), u"x"_s)}),
        config(u"c2"_s, kLimit, 2, {assignment(AssignmentTarget::includeGroup(kSales))}),
        defaultLimit(),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(r.winner->configurationId, u"c2"_s);
    QCOMPARE(r.excluded.size(), 1);
    QCOMPARE(r.excluded.first().configurationId, u"c1"_s);
    QCOMPARE(r.excluded.first().group.id, kInterns);
    QCOMPARE(r.excluded.first().assignmentId, u"x"_s);
    // An exclusion of a group the user is not in changes nothing.
    const QList<EnrollmentConfiguration> other = {
        config(u"c1"_s, kLimit, 1,
            {assignment(AssignmentTarget::includeGroup(kSales)), assignment(AssignmentTarget::excludeGroup(kOther))}),
    };
    const EffectiveTypeResult r2
        = typeOf(EffectiveConfiguration::resolve(other, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(r2.winner->configurationId, u"c1"_s);
    QVERIFY(r2.excluded.isEmpty());
}

void TestEffective::allUsersAndAllDevices()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"users"_s, kLimit, 2, {assignment(AssignmentTarget::allLicensedUsers())}),
        config(u"devices"_s, kLimit, 1, {assignment(AssignmentTarget::allDevices())}),
    };
    Principal nobody;
    nobody.id = u"noor@contoso.com"_s;
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, nobody), EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(r.winner->configurationId, u"devices"_s);
    QCOMPARE(r.winner->reason, EffectiveMatch::Reason::AllDevices);
    QCOMPARE(r.lowerRanked.size(), 1);
    QCOMPARE(r.lowerRanked.first().reason, EffectiveMatch::Reason::AllUsers);
    QCOMPARE(r.lowerRanked.first().reasonKey(), u"all-users"_s);
}

void TestEffective::nestedGroupIsNamedWithItsPath()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"c1"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kEngineering.toUpper()))}),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QVERIFY(r.winner); // group ids compare case-insensitively
    QCOMPARE(r.winner->group.via, (QStringList {u"Interns"_s, u"Sales"_s}));
    QVERIFY2(r.winner->describe().contains(u"through Interns → Sales"_s), qPrintable(r.winner->describe()));
    // Without a known path it says so instead of claiming "directly".
    Principal p = user();
    for (PrincipalGroup &g : p.groups)
        g.pathKnown = false;
    const EffectiveTypeResult unknown
        = typeOf(EffectiveConfiguration::resolve(configs, p), EnrollmentConfiguration::Kind::DeviceLimit);
    QVERIFY2(unknown.winner->describe().contains(u"directly or through a nested group"_s),
        qPrintable(unknown.winner->describe()));
}

void TestEffective::filterIsADependencyNotAGuess()
{
    AssignmentTarget filtered = AssignmentTarget::includeGroup(kSales);
    filtered.setFilter(kFilter, AssignmentTarget::FilterMode::Include);
    const QList<EnrollmentConfiguration> configs = {
        config(u"c1"_s, kLimit, 1, {assignment(filtered)}),
        config(u"c2"_s, kLimit, 2, {assignment(AssignmentTarget::includeGroup(kSales))}),
        // An unfiltered include beats a filtered one within a configuration.
        config(u"c3"_s, kLimit, 3,
            {assignment(filtered, u"f"_s), assignment(AssignmentTarget::allLicensedUsers(), u"u"_s)}),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(r.winner->configurationId, u"c1"_s);
    QVERIFY(r.winner->dependsOnFilter());
    QCOMPARE(r.winner->filterId, kFilter);
    QVERIFY(r.winner->describe().contains(u"depends on filter "_s + kFilter));
    QCOMPARE(r.lowerRanked.size(), 2); // c2 applies when the filter does not match
    QCOMPARE(r.lowerRanked.at(1).assignmentId, u"u"_s);
    QVERIFY(!r.lowerRanked.at(1).dependsOnFilter());
    QVERIFY(r.notes.join(u' ').contains(u"condition"_s));

    // Named where the filters were read: the name says more than the id.
    QList<EffectiveTypeResult> results = EffectiveConfiguration::resolve(configs, user());
    QCOMPARE(EffectiveConfiguration::filterIds(results), QStringList {kFilter});
    EffectiveConfiguration::nameFilters(results, {{kFilter.toLower(), u"Windows 11 only"_s}});
    const EffectiveTypeResult named = typeOf(results, EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(named.winner->filterName, u"Windows 11 only"_s);
    QVERIFY2(named.winner->describe().contains(u"depends on filter “Windows 11 only”"_s),
        qPrintable(named.winner->describe()));
    QVERIFY(named.lowerRanked.at(0).filterName.isEmpty()); // c2 has no filter
}

void TestEffective::defaultWhenNothingElseApplies()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"c1"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kOther))}),
        defaultLimit(),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    QVERIFY(!r.winner);
    QVERIFY(r.defaultApplies);
    QCOMPARE(r.defaultConfiguration->configurationId, u"tenant_DefaultLimit"_s);
    QCOMPARE(r.defaultConfiguration->reason, EffectiveMatch::Reason::Default);
    // Restrictions carry the userless-enrollment note.
    QVERIFY(r.notes.join(u' ').contains(u"userless"_s));
}

void TestEffective::tiesAreDeterministicAndReported()
{
    const auto resolveIn = [](QList<EnrollmentConfiguration> configs) {
        return typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::DeviceLimit);
    };
    const EnrollmentConfiguration b = config(u"b"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kSales))});
    const EnrollmentConfiguration a = config(u"a"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kSales))});
    const EnrollmentConfiguration c = config(u"c"_s, kLimit, 2, {assignment(AssignmentTarget::includeGroup(kSales))});
    // The same answer whatever order Graph lists them in.
    for (const auto &order : {QList {b, a, c}, QList {a, c, b}, QList {c, b, a}}) {
        const EffectiveTypeResult r = resolveIn(order);
        QCOMPARE(r.winner->configurationId, u"a"_s);
        QCOMPARE(r.tiedWithWinner.size(), 1);
        QCOMPARE(r.tiedWithWinner.first().configurationId, u"b"_s);
        QCOMPARE(r.lowerRanked.size(), 1);
        QCOMPARE(r.lowerRanked.first().configurationId, u"c"_s);
        QVERIFY2(r.notes.join(u' ').contains(u"Priority tie"_s), qPrintable(r.notes.join(u'\n')));
    }
    QVERIFY(!resolveIn({a, c}).notes.join(u' ').contains(u"Priority tie"_s));
}

void TestEffective::espDeviceTargetBeatsUserTarget()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"user-esp"_s, kEsp, 1, {assignment(AssignmentTarget::includeGroup(kSales))}),
        config(u"device-esp"_s, kEsp, 2, {assignment(AssignmentTarget::allDevices())}),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::EnrollmentStatusPage);
    QCOMPARE(r.winner->configurationId, u"device-esp"_s);
    QCOMPARE(r.lowerRanked.first().configurationId, u"user-esp"_s);
    QVERIFY(r.tiedWithWinner.isEmpty());
    QVERIFY(r.notes.join(u' ').contains(u"targets the device wins"_s));
}

void TestEffective::helloForBusinessOnlyTheDefault()
{
    const QList<EnrollmentConfiguration> configs = {
        config(u"pilot"_s, kHello, 1, {assignment(AssignmentTarget::includeGroup(kSales))}),
        config(
            u"tenant_DefaultWindowsHelloForBusiness"_s, kHello, 0, {assignment(AssignmentTarget::allLicensedUsers())}),
    };
    const EffectiveTypeResult r = typeOf(
        EffectiveConfiguration::resolve(configs, user()), EnrollmentConfiguration::Kind::WindowsHelloForBusiness);
    QVERIFY(!r.winner);
    QVERIFY(r.defaultApplies);
    QCOMPARE(r.lowerRanked.size(), 1);
    QVERIFY(r.notes.join(u' ').contains(u"tenant-wide default"_s));
}

void TestEffective::groupPrincipalGetsWhatItsParentsGet()
{
    Principal group;
    group.kind = Principal::Kind::Group;
    group.id = kInterns;
    group.groups = {{kInterns, {}, {}, true}, {kSales, u"Sales"_s, {}, false}};
    const QList<EnrollmentConfiguration> configs = {
        config(u"c1"_s, kLimit, 1, {assignment(AssignmentTarget::includeGroup(kSales))}),
        config(u"c0"_s, kLimit, 1,
            {assignment(AssignmentTarget::excludeGroup(kInterns)), assignment(AssignmentTarget::allLicensedUsers())}),
    };
    const EffectiveTypeResult r
        = typeOf(EffectiveConfiguration::resolve(configs, group), EnrollmentConfiguration::Kind::DeviceLimit);
    QCOMPARE(r.winner->configurationId, u"c1"_s);
    QCOMPARE(r.winner->group.id, kSales);
    QCOMPARE(r.excluded.size(), 1);
    QCOMPARE(r.excluded.first().configurationId, u"c0"_s);
}

QTEST_GUILESS_MAIN(TestEffective)
#include "tst_effective.moc"
