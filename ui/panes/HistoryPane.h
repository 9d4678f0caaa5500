#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ea {
struct AuditOperation;
}

namespace ea {
class AuditJournal;
class GroupDirectory;
class Operation;
} // namespace ea

namespace ea::ui {

class HistoryTableModel;
class WriteController;

// The audit journal: every write, its outcome and request-id, newest first.
// Read when it is first shown and again after every write while it is in
// front. Its title bar (title, how many, the journal file, Reload, Hide) is a
// widget of its own, for the dock.
class HistoryPane final : public QWidget
{
    Q_OBJECT
public:
    // journal and groups may be null (not signed in): nothing is read.
    HistoryPane(AuditJournal *journal, GroupDirectory *groups, WriteController *writes, QWidget *parent = nullptr);

    // Made here, handed to the dock (which takes it).
    QWidget *titleBar() const { return m_titleBar; }
    // Not read since the last write.
    bool isDirty() const { return m_dirty; }
    void reload();
    void cancelLoads();
    // A write that did not go through the window's write controller (the
    // priority dialog) added to the journal: read it again when in front.
    void journalChanged() { markDirty(); }
    QPushButton *undoPriorityButton() const { return m_undoPriorityButton; }

Q_SIGNALS:
    void reloaded();
    void hideRequested();
    // Undo priority change… on a priority change that succeeded: its journal
    // lines (the order before it, the position it had).
    void undoPriorityRequested(const ea::AuditOperation &change);

private:
    void buildTitleBar();
    void markDirty();
    void resolveGroupNames();
    QString targetText(const QString &spec) const;
    // The selected row, when it is a priority change that can be undone.
    const AuditOperation *undoablePriorityChange() const;

    AuditJournal *m_journal;
    GroupDirectory *m_groups;
    WriteController *m_writes;
    HistoryTableModel *m_history;
    QWidget *m_titleBar = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_fileButton = nullptr;
    QLabel *m_file = nullptr; // the journal's path, shown on demand
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_undoPriorityButton = nullptr;
    QTableView *m_view = nullptr;
    QPointer<Operation> m_namesLoad;
    bool m_dirty = true;
};

} // namespace ea::ui
