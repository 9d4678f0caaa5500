// PriorityOrder: which configurations share an order (a type; beta's
// single-platform restrictions per platform), ranked best first with the
// defaults last, and the order a move is planned to give.

#include "domain/PriorityOrder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

namespace {

EnrollmentConfiguration config(const QString &id, const QString &type, int priority, const QString &platform = {})
{
    EnrollmentConfiguration c;
    c.id = id;
    c.odataType = u"microsoft.graph."_s + type;
    c.displayName = id;
    c.priority = priority;
    c.platformType = platform;
    return c;
}

const QString kLimit = u"deviceEnrollmentLimitConfiguration"_s;
const QString kSingle = u"deviceEnrollmentPlatformRestrictionConfiguration"_s;

} // namespace

class TestPriorityOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rankedBestFirstDefaultsLast();
    void eachPlatformIsAnOrderOfItsOwn();
    void plannedOrderShiftsTheOnesInBetween_data();
    void plannedOrderShiftsTheOnesInBetween();
    void windowsHelloHasNoOrder();
};

void TestPriorityOrder::rankedBestFirstDefaultsLast()
{
    const QList<EnrollmentConfiguration> all {config(u"t_DefaultLimit"_s, kLimit, 0), config(u"c"_s, kLimit, 3),
        config(u"a"_s, kLimit, 1), config(u"b"_s, kLimit, 2), config(u"w"_s, kSingle, 1, u"windows"_s)};
    const PriorityOrder order = PriorityOrder::of(all, PriorityOrderKey::of(all.at(1)));
    QCOMPARE(order.rankedIds(), (QStringList {u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(order.defaults.size(), 1);
    QCOMPARE(order.defaults.first().id, u"t_DefaultLimit"_s);
    QVERIFY(order.find(u"C"_s)); // ids compare case-insensitively
    QVERIFY(!order.find(u"w"_s));
}

void TestPriorityOrder::eachPlatformIsAnOrderOfItsOwn()
{
    const QList<EnrollmentConfiguration> all {config(u"w1"_s, kSingle, 1, u"windows"_s),
        config(u"i1"_s, kSingle, 1, u"ios"_s), config(u"w2"_s, kSingle, 2, u"windows"_s)};
    QCOMPARE(PriorityOrder::of(all, PriorityOrderKey::of(all.at(0))).rankedIds(), (QStringList {u"w1"_s, u"w2"_s}));
    QCOMPARE(PriorityOrder::of(all, PriorityOrderKey::of(all.at(1))).rankedIds(), (QStringList {u"i1"_s}));
    const QList<PriorityOrder> orders = PriorityOrder::allOf(all, [](const PriorityOrderKey &) { return true; });
    QCOMPARE(orders.size(), 2);
    QCOMPARE(orders.at(0).key.platform, u"ios"_s);
    QCOMPARE(orders.at(1).typeName(), u"Platform restriction (single platform): windows"_s);
}

void TestPriorityOrder::plannedOrderShiftsTheOnesInBetween_data()
{
    QTest::addColumn<QString>("moved");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QStringList>("planned");
    QTest::newRow("last to first") << u"d"_s << 1 << QStringList {u"d"_s, u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("first to third") << u"a"_s << 3 << QStringList {u"b"_s, u"c"_s, u"a"_s, u"d"_s};
    QTest::newRow("up one") << u"c"_s << 2 << QStringList {u"a"_s, u"c"_s, u"b"_s, u"d"_s};
}

void TestPriorityOrder::plannedOrderShiftsTheOnesInBetween()
{
    QFETCH(QString, moved);
    QFETCH(int, priority);
    QFETCH(QStringList, planned);
    const QList<EnrollmentConfiguration> all {
        config(u"a"_s, kLimit, 1), config(u"b"_s, kLimit, 2), config(u"c"_s, kLimit, 3), config(u"d"_s, kLimit, 4)};
    QCOMPARE(PriorityOrder::of(all, PriorityOrderKey::of(all.first())).plannedIds(moved, priority), planned);
}

void TestPriorityOrder::windowsHelloHasNoOrder()
{
    QVERIFY(!PriorityOrder::hasOrder(EnrollmentConfiguration::Kind::WindowsHelloForBusiness));
    QVERIFY(!PriorityOrder::hasOrder(EnrollmentConfiguration::Kind::WindowsRestore));
    QVERIFY(PriorityOrder::hasOrder(EnrollmentConfiguration::Kind::DeviceLimit));
    QVERIFY(PriorityOrder::hasOrder(EnrollmentConfiguration::Kind::SinglePlatformRestriction));
}

QTEST_GUILESS_MAIN(TestPriorityOrder)
#include "tst_priorityorder.moc"
