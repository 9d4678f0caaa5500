#pragma once

#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace ea::ui {

class FullListPlanModel;

// Asks before a replace-all write (`POST .../assign`): says that Intune takes
// this configuration's assignments only as a whole list, shows the list
// (new, removed, kept, with group names where known) and, on request, the
// exact request. Opened with open(), never exec(): no nested event loop.
//
// The answer callback is called exactly once: true for "Send the full list",
// false for Cancel, Escape, closing the dialog, or destroying it unanswered.
class FullListConfirmationDialog final : public QDialog
{
    Q_OBJECT
public:
    // intro: why the list is needed, in the caller's words (a create, a
    // removal, an undo); the plan's summary follows it.
    FullListConfirmationDialog(
        const FullListPlan &plan, const QString &intro, std::function<void(bool)> answer, QWidget *parent = nullptr);
    ~FullListConfirmationDialog() override;

    void setGroupNames(const QHash<QString, GroupName> &names);
    FullListPlanModel *model() const { return m_model; }
    QStringList groupIds() const;

    QString summaryText() const;
    QString requestText() const;
    QPushButton *sendButton() const { return m_sendButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }

    void done(int result) override;

private:
    void answer(bool send);

    std::function<void(bool)> m_answer;
    FullListPlanModel *m_model;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    QToolButton *m_requestButton = nullptr;
    QPlainTextEdit *m_request = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace ea::ui
