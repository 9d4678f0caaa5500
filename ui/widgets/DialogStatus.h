#pragma once

#include <QObject>
#include <QPointer>

class QAbstractButton;
class QDialog;
class QHBoxLayout;
class QLabel;
class QProgressBar;

namespace ea {
class Operation;
} // namespace ea

namespace ea::ui {

// A dialog's status line and the service work it reports on: a status label,
// optionally an indeterminate busy bar beside it while something reads or
// writes, and the Operation running now, which the dialog's Cancel button
// stops and, where the dialog asks, closing it too.
// The label and the bar are children of the dialog itself (this is a
// QObject, not a widget), so the widget tree, the object names
// ("<prefix>Status", "<prefix>Busy") and the accessible names stay what each
// dialog had. What a dialog enables or disables while busy stays its own.
//
// To adopt it (the dialogs under widgets/ that read or write do):
//   m_status = new DialogStatus(this, QStringLiteral("restore"), initialText);
//   m_status->addBusyBar(readingText);        // only where a busy bar shows
//   layout->addLayout(m_status->row());       // label (and bar) in one row
//   m_status->setCancelButton(m_cancelButton); // Cancel: cancel(); enabled while busy
//   m_status->cancelWhenClosed();             // writes: closing stops between requests
//   m_status->track(m_service->doSomething(this, [this](const Result<T> &r) {
//       m_status->track(nullptr);             // done: isRunning() is false in the callback
//       ...
//       m_status->setBusy(false, doneText);
//   }));
//   m_status->setBusy(true, readingText);
// A dialog whose work is a PlanRunner (ApplyPlanDialog) uses the label, the
// busy bar and setCancelButton() for the enabling, and also connects its
// Cancel to PlanRunner::cancel, which stops between writes: a runner is not
// an Operation, and closing such a dialog waits for the write in flight.
class DialogStatus final : public QObject
{
    Q_OBJECT
public:
    // The label is "<objectNamePrefix>Status" (a WrappingLabel) with `initialText`.
    DialogStatus(QDialog *dialog, const QString &objectNamePrefix, const QString &initialText = {});

    // An indeterminate bar "<objectNamePrefix>Busy", hidden until setBusy(true):
    // how many pages a read takes is not known in advance.
    QProgressBar *addBusyBar(const QString &accessibleName);
    // The label (stretched) and the busy bar, for the dialog's layout; call once.
    QHBoxLayout *row();

    QLabel *label() const { return m_label; }
    QString text() const;
    void setText(const QString &text);
    // Shows the bar and enables Cancel while busy; then the text.
    void setBusy(bool busy, const QString &text);
    // The same without the text, for a dialog that keeps its text while busy.
    void setBusy(bool busy);

    // Clicking it cancels the work; it is enabled only while busy.
    void setCancelButton(QAbstractButton *button);
    // Closing the dialog (QDialog::finished) cancels the work: a write is
    // stopped between requests, never left to run unseen.
    void cancelWhenClosed();

    // The operation running now; nullptr once it reported (its callback
    // should say so first, as the operation is deleted only later).
    void track(Operation *operation);
    Operation *running() const { return m_operation; }
    bool isRunning() const;
    // Its status texts (a retry, a step) show in the label.
    void showStatusOf(Operation *operation);
    void cancel();

private:
    QDialog *m_dialog;
    QString m_prefix;
    QLabel *m_label;
    QProgressBar *m_busy = nullptr;
    QAbstractButton *m_cancelButton = nullptr;
    bool m_isBusy = false;
    QPointer<Operation> m_operation;
};

} // namespace ea::ui
