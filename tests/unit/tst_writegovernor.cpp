// WriteGovernor: the pace that keeps a long run of writes under Intune's
// write limit (a sliding window per app per tenant) and the pause after a
// 429, with and without Retry-After. A fake clock walks time by hand.

#include "service/WriteGovernor.h"

#include <QTest>

#include <deque>

using namespace ea;
using std::chrono::milliseconds;

namespace {

struct FakeClock
{
    qint64 now = 1'000'000;
    WriteGovernor::Clock clock()
    {
        return [this] {
            return milliseconds(now);
        };
    }
};

WriteGovernor::Limits limits(int writes, int windowMs, double headroom = 0.0)
{
    WriteGovernor::Limits l;
    l.writes = writes;
    l.window = milliseconds(windowMs);
    l.headroom = headroom;
    l.backoffBase = milliseconds(1000);
    l.backoffCap = milliseconds(8000);
    return l;
}

// The most sends any window of `windowMs` holds, for send times ascending.
int busiestWindow(const QList<qint64> &sends, qint64 windowMs)
{
    int most = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < sends.size(); ++i) {
        while (sends.at(i) - sends.at(first) >= windowMs)
            ++first;
        most = std::max(most, int(i - first + 1));
    }
    return most;
}

} // namespace

class TestWriteGovernor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstWriteGoesAtOnce();
    void pacesEvenlyAtTheLimit();
    void windowEdge();
    void longRunKeepsTheRateWithoutExceedingTheWindow();
    void concurrentCallersNeverShareASlot();
    void retryAfterPausesEveryone();
    void withoutRetryAfterBacksOffExponentiallyCappedWithJitter();
    void acceptedWriteResetsTheBackoff();
};

void TestWriteGovernor::firstWriteGoesAtOnce()
{
    FakeClock c;
    WriteGovernor g(limits(100, 20000), c.clock());
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    QCOMPARE(g.acquiredCount(), 1);
}

void TestWriteGovernor::pacesEvenlyAtTheLimit()
{
    FakeClock c;
    WriteGovernor g(limits(100, 20000, 0.02), c.clock());
    QCOMPARE(g.spacing(), milliseconds(204)); // 20 s / 100, 2 % slower
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    QCOMPARE(g.tryAcquire(), milliseconds(204)); // asked at once: not taken, one pace to wait
    QCOMPARE(g.acquiredCount(), 1);
    c.now += 100;
    QCOMPARE(g.nextDelay(), milliseconds(104));
    c.now += 104;
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    // A caller that comes late takes its slot late, and the next one is a
    // pace after that, not after when it was due.
    c.now += 204 + 300;
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    c.now += 10;
    QCOMPARE(g.tryAcquire(), milliseconds(194));
    c.now += 1000; // idle for a while: the next one goes at once
    QCOMPARE(g.tryAcquire(), milliseconds(0));
}

// Sends as soon as the governor lets it, each write taking `writeMs`; the send times.
QList<qint64> sendWhenAllowed(WriteGovernor &g, FakeClock &c, int writes, qint64 writeMs)
{
    QList<qint64> sends;
    while (sends.size() < writes) {
        const qint64 wait = g.tryAcquire().count();
        if (wait > 0) {
            c.now += wait;
            continue;
        }
        sends.append(c.now);
        c.now += writeMs;
    }
    return sends;
}

void TestWriteGovernor::windowEdge()
{
    // 4 per second: the slots are a pace apart, and the fifth lands exactly
    // where the first leaves the window, not before.
    FakeClock c;
    WriteGovernor g(limits(4, 1000), c.clock());
    const qint64 start = c.now;
    QList<qint64> sends = sendWhenAllowed(g, c, 6, 0);
    for (qint64 &t : sends)
        t -= start;
    QCOMPARE(sends, (QList<qint64> {0, 250, 500, 750, 1000, 1250}));
    QCOMPARE(busiestWindow(sends, 1000), 4);
}

void TestWriteGovernor::longRunKeepsTheRateWithoutExceedingTheWindow()
{
    // A caller that sends the moment it may, each write taking 15 ms: 1,000
    // writes at 100 per 20 s. No window may hold more than 100, and the rate
    // must be >= 90 % of the allowed one.
    FakeClock c;
    WriteGovernor g(limits(100, 20000, 0.02), c.clock());
    const QList<qint64> sends = sendWhenAllowed(g, c, 1000, 15);
    QVERIFY(busiestWindow(sends, 20000) <= 100);
    const double seconds = double(sends.last() - sends.first()) / 1000.0;
    const double rate = (sends.size() - 1) / seconds; // writes per second
    QVERIFY2(rate >= 0.9 * 5.0, qPrintable(QString::number(rate)));
}

void TestWriteGovernor::concurrentCallersNeverShareASlot()
{
    FakeClock c;
    WriteGovernor g(limits(10, 1000), c.clock());
    // Three callers ask at the same moment: one gets the slot, the others wait a pace.
    QList<qint64> got;
    for (int i = 0; i < 3; ++i)
        got.append(g.tryAcquire().count());
    QCOMPARE(got, (QList<qint64> {0, 100, 100}));
    c.now += 100;
    QCOMPARE(g.tryAcquire(), milliseconds(0)); // the first to come back
    QCOMPARE(g.tryAcquire(), milliseconds(100)); // the other waits again
    QCOMPARE(g.acquiredCount(), 2);
}

void TestWriteGovernor::retryAfterPausesEveryone()
{
    FakeClock c;
    WriteGovernor g(limits(100, 20000), c.clock());
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    g.throttled(milliseconds(7000));
    QCOMPARE(g.throttledCount(), 1);
    QCOMPARE(g.nextDelay(), milliseconds(7000));
    c.now += 2000;
    QCOMPARE(g.tryAcquire(), milliseconds(5000));
    c.now += 5000;
    QCOMPARE(g.tryAcquire(), milliseconds(0));
    // After the pause, the pace again.
    QCOMPARE(g.tryAcquire(), milliseconds(200));
}

void TestWriteGovernor::withoutRetryAfterBacksOffExponentiallyCappedWithJitter()
{
    FakeClock c;
    WriteGovernor g(limits(1000, 1000), c.clock()); // pace 1 ms: only the backoff shows
    double random = 0.5; // jitter factor 1.0
    g.setRandomSource([&random] { return random; });
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(1000));
    c.now += 1000;
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(2000));
    c.now += 2000;
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(4000));
    c.now += 4000;
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(8000)); // the cap
    c.now += 8000;
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(8000)); // still the cap, not 16 s
    c.now += 8000;
    random = 0.0; // jitter factor 0.75: 1 s * 2^5 = 32 s, * 0.75 = 24 s, capped to 8 s
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(8000));
    c.now += 8000;
    g.accepted();
    g.throttled(std::nullopt); // back at the base, with the jitter's low end
    QCOMPARE(g.nextDelay(), milliseconds(750));
}

void TestWriteGovernor::acceptedWriteResetsTheBackoff()
{
    FakeClock c;
    WriteGovernor g(limits(1000, 1000), c.clock());
    g.setRandomSource([] { return 0.5; });
    g.throttled(std::nullopt);
    c.now += 1000;
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(2000));
    c.now += 2000;
    g.accepted();
    g.throttled(std::nullopt);
    QCOMPARE(g.nextDelay(), milliseconds(1000));
    // A shorter pause never cuts a longer one short.
    g.throttled(milliseconds(0));
    QCOMPARE(g.nextDelay(), milliseconds(1000));
}

QTEST_GUILESS_MAIN(TestWriteGovernor)
#include "tst_writegovernor.moc"
