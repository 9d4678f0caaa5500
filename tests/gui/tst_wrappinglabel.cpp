// WrappingLabel remembers the heights it measured (start-up time, issue 15).
// What matters is that a remembered height is never stale: after any change
// that moves the text, its answer is the one a plain QLabel gives.

#include "widgets/WrappingLabel.h"

#include <QLabel>
#include <QTest>

using ea::ui::WrappingLabel;

namespace {

const QString kShort = QStringLiteral("Ready.");
const QString kLong = QStringLiteral("Select an enrollment configuration on the left to see its assignments, "
                                     "then choose a target below and press Assign; nothing is sent before that.");

// A plain QLabel set up like the label under test: the reference answer.
int referenceHeight(const QLabel &like, int width)
{
    QLabel reference;
    reference.setWordWrap(true);
    reference.setTextFormat(like.textFormat());
    reference.setTextInteractionFlags(like.textInteractionFlags());
    reference.setFont(like.font());
    reference.setMargin(like.margin());
    reference.setIndent(like.indent());
    reference.setAlignment(like.alignment());
    reference.setContentsMargins(like.contentsMargins());
    reference.setText(like.text());
    return reference.heightForWidth(width);
}

} // namespace

class TestWrappingLabel : public QObject
{
    Q_OBJECT

private slots:
    void answersAsQLabelDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("selectable");
        QTest::newRow("plain") << kLong << int(Qt::PlainText) << false;
        QTest::newRow("plain, selectable") << kLong << int(Qt::PlainText) << true;
        QTest::newRow("rich") << QStringLiteral("<b>Sandbox tenant</b> — ") + kLong << int(Qt::RichText) << false;
        QTest::newRow("short") << kShort << int(Qt::PlainText) << false;
    }

    void answersAsQLabelDoes()
    {
        QFETCH(QString, text);
        QFETCH(int, format);
        QFETCH(bool, selectable);
        WrappingLabel label;
        label.setTextFormat(Qt::TextFormat(format));
        if (selectable)
            label.setTextInteractionFlags(Qt::TextSelectableByMouse);
        label.setText(text);
        // More widths than the label remembers, asked twice over.
        for (int round = 0; round < 2; ++round) {
            for (int width : {90, 160, 240, 400, 640, 1200})
                QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
        }
    }

    void newTextIsMeasuredAgain()
    {
        WrappingLabel label(kShort);
        const int shortHeight = label.heightForWidth(160);
        label.setText(kLong);
        QCOMPARE(label.heightForWidth(160), referenceHeight(label, 160));
        QVERIFY2(label.heightForWidth(160) > shortHeight, "the long text wraps onto more lines than the short one");
        label.setText(kShort);
        QCOMPARE(label.heightForWidth(160), shortHeight);
    }

    void newFontIsMeasuredAgain()
    {
        WrappingLabel label(kLong);
        const int before = label.heightForWidth(240);
        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        label.setFont(bigger);
        QCOMPARE(label.heightForWidth(240), referenceHeight(label, 240));
        QVERIFY(label.heightForWidth(240) > before);
    }

    void newMarginsAndFormatAreMeasuredAgain()
    {
        WrappingLabel label(kLong);
        (void)label.heightForWidth(240);
        label.setContentsMargins(0, 20, 0, 20);
        QCOMPARE(label.heightForWidth(240), referenceHeight(label, 240));
        label.setMargin(12);
        QCOMPARE(label.heightForWidth(240), referenceHeight(label, 240));
        label.setIndent(30);
        QCOMPARE(label.heightForWidth(240), referenceHeight(label, 240));
        label.setTextFormat(Qt::RichText);
        label.setText(QStringLiteral("<h1>Big</h1>") + kShort);
        QCOMPARE(label.heightForWidth(240), referenceHeight(label, 240));
    }
};

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrappinglabel.moc"
