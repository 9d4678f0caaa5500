#pragma once

#include "domain/EffectiveConfiguration.h"
#include "domain/GraphError.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace ea {
class AssignmentService;
} // namespace ea

namespace ea::ui {

class DialogStatus;
class ErrorBanner;

// "Who gets which" (issue 16): for a user (UPN or object id) or a group, the
// enrollment configuration of each type that applies and why, the ones that
// rank lower or are held back by an exclusion, and the default. Two bounded
// reads (the principal's groups, then every configuration with its
// assignments); the answer is EffectiveConfiguration's, the same as the
// CLI's `effective`. Reads only: nothing here writes.
class EffectiveDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit EffectiveDialog(AssignmentService *service, QWidget *parent = nullptr);

    // Fills the form and asks, as pressing Show would.
    void ask(Principal::Kind kind, const QString &idOrUpn);

    QTreeWidget *resultTree() const { return m_tree; }
    QString statusText() const;

Q_SIGNALS:
    // The answer is shown (ok) or an error is (not ok).
    void finished(bool ok);

private:
    void start();
    void setBusy(bool busy, const QString &status);
    // readingGroups: the groups read failed (its permission is not the configurations').
    void fail(const QString &what, const GraphError &error, bool readingGroups);
    // filterReadProblem: why the filters are named by id (their read failed); empty otherwise.
    void showAnswer(const Principal &principal, int groupCount, int configurationCount,
        const QList<EffectiveTypeResult> &results, const QString &filterReadProblem);
    QTreeWidgetItem *addRow(
        QTreeWidgetItem *parent, const QString &role, const EffectiveMatch &match, const QString &why) const;
    void updateShowButton();

    AssignmentService *m_service;
    QComboBox *m_kind;
    QLineEdit *m_principal;
    QPushButton *m_showButton;
    QPushButton *m_cancelButton;
    DialogStatus *m_status;
    ErrorBanner *m_error;
    QTreeWidget *m_tree;
};

} // namespace ea::ui
