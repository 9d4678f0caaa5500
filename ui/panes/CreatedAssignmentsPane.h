#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace ea::ui {

class CreatedAssignmentTableModel;
class WriteController;
struct WriteOutcome;
struct WriteTask;

// The assignments created in this window, newest first, each with Undo. Its
// title bar (title, how many, Undo) is a widget of its own, for the dock.
class CreatedAssignmentsPane final : public QWidget
{
    Q_OBJECT
public:
    // undoAction is the window's Undo: this pane enables it and offers it on its rows.
    CreatedAssignmentsPane(bool signedIn, WriteController *writes, QAction *undoAction, QWidget *parent = nullptr);

    // Made here, handed to the dock (which takes it).
    QWidget *titleBar() const { return m_titleBar; }
    QTableView *view() const { return m_view; }
    QPushButton *undoButton() const { return m_undoButton; }

    void undoSelected();

private:
    void buildTitleBar();
    int selectedRow() const;
    void updateUndoState();
    void onWriteStarted(const WriteTask &task);
    void onWriteFinished(const WriteOutcome &outcome);

    bool m_signedIn;
    WriteController *m_writes;
    QAction *m_undoAction;
    CreatedAssignmentTableModel *m_created;
    QWidget *m_titleBar = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_undoButton = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace ea::ui
