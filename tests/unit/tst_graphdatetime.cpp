// parseGraphDateTime gives exactly what QDateTime::fromString(…,
// Qt::ISODateWithMs) gives (the same instant, UTC, or invalid alike) for the
// shapes Graph writes and for everything else: fixed cases at the edges
// (rounding of a long fraction, a carry into the next day, invalid dates and
// times, offsets, lower-case z) and 20,000 generated ones.

#include "domain/GraphDateTime.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

class TestGraphDateTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQt_data();
    void sameAsQt();
    void sameAsQtOnGeneratedTimes();
};

namespace {

// Equal as Qt's: validity, instant and time spec.
bool parsedAsQtDoes(const QString &text, QString *why)
{
    const QDateTime ours = ea::parseGraphDateTime(text);
    const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (ours.isValid() == qt.isValid() && (!qt.isValid() || (ours == qt && ours.timeSpec() == qt.timeSpec())))
        return true;
    *why = u"%1: ours %2 (%3), Qt %4 (%5)"_s.arg(text, ours.toString(Qt::ISODateWithMs))
               .arg(ours.timeSpec())
               .arg(qt.toString(Qt::ISODateWithMs))
               .arg(qt.timeSpec());
    return false;
}

} // namespace

void TestGraphDateTime::sameAsQt_data()
{
    QTest::addColumn<QString>("text");
    const char *cases[] = {
        "2026-12-03T10:00:00Z", // Graph without a fraction
        "2026-12-03T10:00:00.1234567Z", // Graph's seven digits
        "2026-12-03T10:00:00.5Z",
        "2026-12-03T10:00:00.12Z",
        "2026-12-03T10:00:00.1235Z", // rounds up
        "2026-12-03T10:00:00.1234999Z", // rounds down
        "2026-12-03T10:00:00.9995Z", // carries into the next second
        "2026-12-31T23:59:59.9999999Z", // … and into the next year
        "2026-12-03T10:00:00.123456789Z",
        "2026-12-03T10:00:00.1234567891Z", // ten digits
        "2024-02-29T00:00:00Z", // a leap day
        "2026-02-29T00:00:00Z", // not one
        "2026-13-01T00:00:00Z",
        "2026-12-03T24:00:00Z",
        "2026-12-03T23:59:60Z",
        "2026-12-03T10:00:00.Z",
        "2026-12-03T10:00:00z",
        "2026-12-03T10:00:00+02:00",
        "2026-12-03T10:00:00.123+02:00",
        "2026-12-03T10:00:00",
        "2026-12-03 10:00:00Z",
        "0001-01-01T00:00:00Z", // Graph's "never"
        "2026-12-0xT10:00:00Z",
        "",
        "Z",
    };
    for (const char *c : cases)
        QTest::newRow(c) << QString::fromLatin1(c);
}

void TestGraphDateTime::sameAsQt()
{
    QFETCH(QString, text);
    QString why;
    QVERIFY2(parsedAsQtDoes(text, &why), qPrintable(why));
}

void TestGraphDateTime::sameAsQtOnGeneratedTimes()
{
    QRandomGenerator random(20261203); // fixed: a failure can be run again
    for (int i = 0; i < 20000; ++i) {
        QString text = u"%1-%2-%3T%4:%5:%6"_s.arg(random.bounded(1, 10000), 4, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 14), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 33), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 25), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 61), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 61), 2, 10, QLatin1Char('0'));
        if (const int fraction = random.bounded(0, 10); fraction > 0) {
            text += u'.';
            for (int d = 0; d < fraction; ++d)
                text += QChar(u'0' + random.bounded(0, 10));
        }
        text += u'Z';
        QString why;
        QVERIFY2(parsedAsQtDoes(text, &why), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestGraphDateTime)
#include "tst_graphdatetime.moc"
