// The group report (GroupReport): which assignments name the group or a
// group it is nested in, what that means for its members (the resolver's
// ranking, not a second one), and the files for people: CSV cells a
// spreadsheet would run are text, and the HTML page escapes every name and
// loads and runs nothing.

#include "domain/GroupReport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

const QString kInterns = u"22222222-2222-4222-8222-222222222222"_s;
const QString kSales = u"11111111-1111-4111-8111-111111111111"_s;
const QString kOther = u"44444444-4444-4444-8444-444444444444"_s;
const QString kFilter = u"55555555-5555-4555-8555-555555555555"_s;

Assignment assignment(const AssignmentTarget &target, const QString &id)
{
    Assignment a;
    a.id = id;
    a.target = target;
    return a;
}

EnrollmentConfiguration config(
    const QString &id, const QString &name, const QString &type, int priority, QList<Assignment> assignments)
{
    EnrollmentConfiguration c;
    c.id = id;
    c.odataType = u"microsoft.graph."_s + type;
    c.displayName = name;
    c.priority = priority;
    c.assignments = std::move(assignments);
    c.assignmentsExpanded = true;
    return c;
}

const QString kLimit = u"deviceEnrollmentLimitConfiguration"_s;
const QString kEsp = u"windows10EnrollmentCompletionPageConfiguration"_s;

// Interns, nested in Sales (as readPrincipal gives it: the group first, then its parents).
Principal interns()
{
    Principal p;
    p.kind = Principal::Kind::Group;
    p.id = kInterns;
    PrincipalGroup self;
    self.id = kInterns;
    self.pathKnown = true;
    PrincipalGroup sales;
    sales.id = kSales;
    sales.displayName = u"Sales"_s;
    p.groups = {self, sales};
    return p;
}

QList<EnrollmentConfiguration> tenant()
{
    AssignmentTarget filtered = AssignmentTarget::includeGroup(kInterns);
    filtered.setFilter(kFilter, AssignmentTarget::FilterMode::Include);
    return {
        config(u"t_DefaultLimit"_s, u"All users and all devices"_s, kLimit, 0,
            {assignment(AssignmentTarget::allLicensedUsers(), u"d"_s)}),
        // Sales gets it, Interns are excluded from it: the exclusion wins.
        config(u"limit-sales"_s, u"Limit 5 – Sales"_s, kLimit, 1,
            {assignment(AssignmentTarget::includeGroup(kSales), u"a1"_s),
                assignment(AssignmentTarget::excludeGroup(kInterns), u"a2"_s)}),
        // Through the parent: wins once the first is held back.
        config(u"limit-2"_s, u"Limit 3 – <script>alert(1)</script>"_s, kLimit, 2,
            {assignment(AssignmentTarget::includeGroup(kSales), u"a3"_s)}),
        // Directly, but ranked lower.
        config(u"limit-3"_s, u"=HYPERLINK(\"http://evil\")"_s, kLimit, 3,
            {assignment(AssignmentTarget::includeGroup(kInterns), u"a4"_s)}),
        // Another group only: not in the report's rows.
        config(u"limit-4"_s, u"Other"_s, kLimit, 4, {assignment(AssignmentTarget::includeGroup(kOther), u"a5"_s)}),
        config(u"esp-1"_s, u"ESP"_s, kEsp, 1, {assignment(filtered, u"a6"_s)}),
    };
}

GroupReport report()
{
    GroupReport r = GroupReport::build(interns(), u"Interns & <Trainees>"_s, tenant(), {{kFilter, u"Windows 11"_s}});
    r.tenant = u"Contoso <prod>"_s;
    return r;
}

const GroupReportRow *row(const GroupReport &r, const QString &assignmentId)
{
    for (const GroupReportRow &row : r.rows) {
        if (row.assignmentId == assignmentId)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestGroupReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsNameTheGroupOrAParent();
    void standingIsTheResolversRanking();
    void csvCellsAreNeverFormulas();
    void htmlEscapesEveryNameAndRunsNothing();
    void jsonSaysWhoGetsWhat();
};

void TestGroupReport::rowsNameTheGroupOrAParent()
{
    const GroupReport r = report();
    QStringList ids;
    for (const GroupReportRow &row : r.rows)
        ids << row.assignmentId;
    // Device limit first (by type, then priority), the ESP last; "Other" names neither group.
    QCOMPARE(ids, (QStringList {u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"a6"_s}));
    QCOMPARE(r.parents.size(), 1);
    QCOMPARE(r.parents.first().displayName, u"Sales"_s);
    QVERIFY(!row(r, u"a1"_s)->direct);
    QCOMPARE(row(r, u"a1"_s)->throughText(), u"through parent group “Sales”"_s);
    QVERIFY(row(r, u"a2"_s)->direct);
    QVERIFY(row(r, u"a2"_s)->exclude);
    QCOMPARE(row(r, u"a2"_s)->throughText(), u"directly"_s);
    QCOMPARE(row(r, u"a2"_s)->group.displayName, u"Interns & <Trainees>"_s);
    QCOMPARE(row(r, u"a6"_s)->filterText(), u"“Windows 11” (include)"_s);
    QCOMPARE(r.configurationCount, 6);
}

void TestGroupReport::standingIsTheResolversRanking()
{
    const GroupReport r = report();
    QCOMPARE(row(r, u"a1"_s)->standing, GroupReportRow::Standing::Excluded);
    QCOMPARE(row(r, u"a2"_s)->standing, GroupReportRow::Standing::Excluded);
    QCOMPARE(row(r, u"a3"_s)->standing, GroupReportRow::Standing::Wins);
    QCOMPARE(row(r, u"a4"_s)->standing, GroupReportRow::Standing::Outranked);
    QCOMPARE(row(r, u"a6"_s)->standing, GroupReportRow::Standing::Wins);
    // Per type: the same answer as EffectiveConfiguration's for the group.
    const QList<EffectiveTypeResult> resolved = EffectiveConfiguration::resolve(tenant(), interns());
    QCOMPARE(r.types.size(), resolved.size());
    for (qsizetype i = 0; i < resolved.size(); ++i) {
        QCOMPARE(r.types.at(i).typeKey, resolved.at(i).typeKey);
        QCOMPARE(r.types.at(i).winner.has_value(), resolved.at(i).winner.has_value());
        if (resolved.at(i).winner)
            QCOMPARE(r.types.at(i).winner->configurationId, resolved.at(i).winner->configurationId);
    }
    QVERIFY2(GroupReport::winnerText(r.types.first()).startsWith(u"“Limit 3 – <script>"_s),
        qPrintable(GroupReport::winnerText(r.types.first())));
}

void TestGroupReport::csvCellsAreNeverFormulas()
{
    const QStringList lines = report().toCsv().split(u"\r\n"_s);
    QCOMPARE(lines.size(), 1 + 5 + 1);
    QCOMPARE(lines.first(),
        u"Type,Configuration,Configuration id,Priority,Intent,Group,Group id,Reaches the group,Filter,Filter id,"
        "Filter mode,For the members,Assignment id"_s);
    // The configuration named like a formula is text; its quotes doubled.
    const QString a4 = lines.filter(u",a4"_s).value(0);
    QVERIFY2(a4.startsWith(u"Device limit,\"'=HYPERLINK(\"\"http://evil\"\")\",limit-3,3,Include,"_s), qPrintable(a4));
    for (const QString &line : lines) {
        for (const QString &cell : line.split(u',')) {
            const QString bare = cell.startsWith(u'"') ? cell.mid(1) : cell;
            QVERIFY2(bare.isEmpty() || !QStringView(u"=+-@").contains(bare.front()), qPrintable(line));
        }
    }
}

void TestGroupReport::htmlEscapesEveryNameAndRunsNothing()
{
    const QString html = report().toHtml();
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    // Names from the tenant are text, never markup.
    QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(html.contains(u"Limit 3 – &lt;script&gt;alert(1)&lt;/script&gt;"_s));
    QVERIFY(html.contains(u"Interns &amp; &lt;Trainees&gt;"_s));
    QVERIFY(html.contains(u"Contoso &lt;prod&gt;"_s));
    QVERIFY(html.contains(kInterns));
    QVERIFY(html.contains(u"through parent group “Sales”"_s));
    // Self-contained: nothing loaded from elsewhere, nothing run, and a policy that forbids both.
    static const QRegularExpression loads(u"<(link|img|iframe|object|embed)\\b|\\b(src|href)\\s*=|url\\(|@import"_s,
        QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!loads.match(html).hasMatch(), qPrintable(loads.match(html).captured()));
    QVERIFY(!html.contains(u" on"_s + u"click"_s) && !html.contains(u"javascript:"_s));
    QVERIFY(html.contains(u"default-src 'none'"_s));
    QCOMPARE(html.count(u"<tr class=\"wins\">"_s), 2);
}

void TestGroupReport::jsonSaysWhoGetsWhat()
{
    const QJsonObject o = report().toJson();
    QCOMPARE(o.value(u"group"_s).toObject().value(u"id"_s).toString(), kInterns);
    const QJsonArray rows = o.value(u"assignments"_s).toArray();
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.at(0).toObject().value(u"standing"_s).toString(), u"excluded"_s);
    QCOMPARE(rows.at(0).toObject().value(u"direct"_s).toBool(), false);
    QCOMPARE(rows.at(4).toObject().value(u"filter"_s).toObject().value(u"displayName"_s).toString(), u"Windows 11"_s);
}

QTEST_GUILESS_MAIN(TestGroupReport)
#include "tst_groupreport.moc"
