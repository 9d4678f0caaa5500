// DialogStatus, the status line the reading and writing dialogs share: the
// busy bar shows and Cancel is enabled only while busy; Cancel stops the
// operation tracked now and no other; closing the dialog stops it only where
// the dialog asked (the writing ones), so a write is never left to run unseen.

#include "service/Operation.h"
#include "widgets/DialogStatus.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using ea::Operation;
using ea::ui::DialogStatus;

namespace {

// A dialog laid out as the real ones are: the status row, then Cancel.
struct Fixture
{
    QDialog dialog;
    DialogStatus *status = new DialogStatus(&dialog, u"sample"_s, u"Pick something."_s);
    QPushButton *cancel = new QPushButton(u"Cancel"_s, &dialog);

    Fixture()
    {
        status->addBusyBar(u"Reading"_s);
        status->setCancelButton(cancel);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addLayout(status->row());
        layout->addWidget(cancel);
    }
    QProgressBar *bar() const { return dialog.findChild<QProgressBar *>(u"sampleBusy"_s); }
};

} // namespace

class TestDialogStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesTheLabelAndTheBarAfterTheDialog();
    void theBarShowsAndCancelIsEnabledOnlyWhileBusy();
    void cancelStopsTheTrackedOperationOnly();
    void closingStopsTheOperationOnlyWhereAsked();
    void anOperationThatReportedIsNotRunning();
    void theOperationsStatusShowsInTheLabel();
};

void TestDialogStatus::namesTheLabelAndTheBarAfterTheDialog()
{
    Fixture f;
    auto *label = f.dialog.findChild<QLabel *>(u"sampleStatus"_s);
    QVERIFY(label);
    QCOMPARE(label, f.status->label());
    QCOMPARE(label->parentWidget(), &f.dialog); // the dialog's widget tree is what it was
    QCOMPARE(f.status->text(), u"Pick something."_s);
    QVERIFY(f.bar());
    QCOMPARE(f.bar()->parentWidget(), &f.dialog);
    QCOMPARE(f.bar()->accessibleName(), u"Reading"_s);
    QCOMPARE(f.bar()->maximum(), 0); // indeterminate
}

void TestDialogStatus::theBarShowsAndCancelIsEnabledOnlyWhileBusy()
{
    Fixture f;
    f.dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.dialog));
    QVERIFY(!f.bar()->isVisible());
    QVERIFY(!f.cancel->isEnabled());

    f.status->setBusy(true, u"Reading the groups…"_s);
    QVERIFY(f.bar()->isVisible());
    QVERIFY(f.cancel->isEnabled());
    QCOMPARE(f.status->text(), u"Reading the groups…"_s);

    f.status->setBusy(false, u"Done."_s);
    QVERIFY(!f.bar()->isVisible());
    QVERIFY(!f.cancel->isEnabled());
    QCOMPARE(f.status->text(), u"Done."_s);

    // Without a text: the text stays.
    f.status->setBusy(true);
    QVERIFY(f.cancel->isEnabled());
    QCOMPARE(f.status->text(), u"Done."_s);
}

void TestDialogStatus::cancelStopsTheTrackedOperationOnly()
{
    Fixture f;
    auto first = std::make_unique<Operation>(&f.dialog, nullptr);
    auto second = std::make_unique<Operation>(&f.dialog, nullptr);
    f.status->track(first.get());
    QVERIFY(f.status->isRunning());
    f.status->setBusy(true, u"Reading…"_s);
    QTest::mouseClick(f.cancel, Qt::LeftButton);
    QVERIFY(first->isCancelled());

    // Reported: a Cancel now reaches nothing, not the next one started later.
    f.status->track(nullptr);
    QVERIFY(!f.status->isRunning());
    QTest::mouseClick(f.cancel, Qt::LeftButton);
    QVERIFY(!second->isCancelled());
}

void TestDialogStatus::closingStopsTheOperationOnlyWhereAsked()
{
    Fixture writing;
    writing.status->cancelWhenClosed();
    Fixture reading;
    auto write = std::make_unique<Operation>(&writing.dialog, nullptr);
    auto read = std::make_unique<Operation>(&reading.dialog, nullptr);
    writing.status->track(write.get());
    reading.status->track(read.get());
    writing.dialog.show();
    reading.dialog.show();

    writing.dialog.reject(); // Close, Escape or the title bar's close button
    reading.dialog.reject();
    QVERIFY(write->isCancelled());
    QVERIFY(!read->isCancelled());
}

void TestDialogStatus::anOperationThatReportedIsNotRunning()
{
    Fixture f;
    auto *operation = new Operation(&f.dialog, nullptr);
    f.status->track(operation);
    QVERIFY(f.status->isRunning());
    QCOMPARE(f.status->running(), operation);
    delete operation; // as Operation::finish() does, later
    QVERIFY(!f.status->isRunning());
    QTest::mouseClick(f.cancel, Qt::LeftButton); // nothing to reach, nothing to crash on
}

void TestDialogStatus::theOperationsStatusShowsInTheLabel()
{
    Fixture f;
    auto operation = std::make_unique<Operation>(&f.dialog, nullptr);
    f.status->track(operation.get());
    f.status->showStatusOf(operation.get());
    Q_EMIT operation->statusChanged(u"HTTP 503; retrying in 2 s…"_s);
    QCOMPARE(f.status->text(), u"HTTP 503; retrying in 2 s…"_s);
}

QTEST_MAIN(TestDialogStatus)
#include "tst_dialogstatus.moc"
