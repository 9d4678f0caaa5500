#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

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

Q_SIGNALS:
    void reloaded();
    void hideRequested();

private:
    void buildTitleBar();
    void markDirty();
    void resolveGroupNames();
    QString targetText(const QString &spec) const;

    AuditJournal *m_journal;
    GroupDirectory *m_groups;
    WriteController *m_writes;
    HistoryTableModel *m_history;
    QWidget *m_titleBar = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_fileButton = nullptr;
    QLabel *m_file = nullptr; // the journal's path, shown on demand
    QPushButton *m_refreshButton = nullptr;
    QTableView *m_view = nullptr;
    QPointer<Operation> m_namesLoad;
    bool m_dirty = true;
};

} // namespace ea::ui
