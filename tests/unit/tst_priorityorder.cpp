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
    void movesToTakesTheFewestMoves_data();
    void movesToTakesTheFewestMoves();
    void movesToReachesEveryPermutation();
    void movesToRefusesWhatIsNotARearrangement();
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

namespace {

PriorityOrder orderOf(const QStringList &ids)
{
    QList<EnrollmentConfiguration> all;
    for (qsizetype i = 0; i < ids.size(); ++i)
        all << config(ids.at(i), kLimit, int(i) + 1);
    return PriorityOrder::of(all, PriorityOrderKey::of(all.first()));
}

// Runs the moves as a tenant that shifts the ones in between would, checking
// each move's idsAfter on the way; returns the order they end with.
QStringList runMoves(const QStringList &start, const QList<PriorityMove> &moves)
{
    QStringList ids = start;
    for (const PriorityMove &move : moves) {
        const QStringList next = orderOf(ids).plannedIds(move.configurationId, move.priority);
        if (next != move.idsAfter || next == ids)
            return {u"move of "_s + move.configurationId + u" is wrong or a no-op"_s};
        ids = next;
    }
    return ids;
}

} // namespace

void TestPriorityOrder::movesToTakesTheFewestMoves_data()
{
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<int>("moveCount");
    QTest::newRow("unchanged") << QStringList {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s} << 0;
    QTest::newRow("last to first") << QStringList {u"e"_s, u"a"_s, u"b"_s, u"c"_s, u"d"_s} << 1;
    QTest::newRow("first to last") << QStringList {u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"a"_s} << 1;
    QTest::newRow("two swapped pairs") << QStringList {u"b"_s, u"a"_s, u"d"_s, u"c"_s, u"e"_s} << 2;
    QTest::newRow("reversed") << QStringList {u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s} << 4;
}

void TestPriorityOrder::movesToTakesTheFewestMoves()
{
    QFETCH(QStringList, wanted);
    QFETCH(int, moveCount);
    const QStringList start {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
    const QList<PriorityMove> moves = orderOf(start).movesTo(wanted);
    QCOMPARE(moves.size(), moveCount);
    QCOMPARE(runMoves(start, moves), wanted);
    if (moveCount == 1 && wanted.first() == u"e"_s) {
        QCOMPARE(moves.first().configurationId, u"e"_s);
        QCOMPARE(moves.first().priority, 1);
    }
}

// Every arrangement of six is reached, one setPriority per configuration out
// of place at most, and never more than the six minus the longest run that
// is already in order.
void TestPriorityOrder::movesToReachesEveryPermutation()
{
    const QStringList start {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
    QStringList wanted = start;
    int checked = 0;
    do {
        const QList<PriorityMove> moves = orderOf(start).movesTo(wanted);
        QCOMPARE(runMoves(start, moves), wanted);
        // The longest increasing run of wanted's letters, the slow way.
        QList<int> best(wanted.size(), 1);
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            for (qsizetype j = 0; j < i; ++j) {
                if (wanted.at(j) < wanted.at(i))
                    best[i] = std::max(best.at(i), best.at(j) + 1);
            }
        }
        QCOMPARE(moves.size(), wanted.size() - *std::max_element(best.cbegin(), best.cend()));
        ++checked;
    } while (std::next_permutation(wanted.begin(), wanted.end()));
    QCOMPARE(checked, 720);
}

void TestPriorityOrder::movesToRefusesWhatIsNotARearrangement()
{
    const PriorityOrder order = orderOf({u"a"_s, u"b"_s, u"c"_s});
    QVERIFY(order.movesTo({u"a"_s, u"b"_s}).isEmpty());
    QVERIFY(order.movesTo({u"c"_s, u"b"_s, u"x"_s}).isEmpty());
    QVERIFY(order.movesTo({u"c"_s, u"c"_s, u"a"_s}).isEmpty());
}

QTEST_GUILESS_MAIN(TestPriorityOrder)
#include "tst_priorityorder.moc"
