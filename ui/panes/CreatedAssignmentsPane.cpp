#include "CreatedAssignmentsPane.h"

#include "controllers/WriteController.h"
#include "models/CreatedAssignmentTableModel.h"
#include "panes/PaneParts.h"
#include "widgets/ListTableView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

// Built in code: the column widths come from this language's longest words
// and a GUID's width in the current font.
CreatedAssignmentsPane::CreatedAssignmentsPane(
    bool signedIn, WriteController *writes, QAction *undoAction, QWidget *parent)
    : QWidget(parent)
    , m_signedIn(signedIn)
    , m_writes(writes)
    , m_undoAction(undoAction)
    , m_created(new CreatedAssignmentTableModel(this))
{
    setObjectName(QStringLiteral("createdPane"));
    buildTitleBar(); // first: Tab reaches its Undo before the table
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 4);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("createdAssignmentsView"));
    m_view->setAccessibleName(tr("Created assignments"));
    setUpListTableView(m_view);
    m_view->setModel(m_created);
    QHeaderView *h = m_view->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_view->fontMetrics();
    h->resizeSection(CreatedAssignmentTableModel::StatusColumn, fm.horizontalAdvance(tr("Created (full list)")) + 24);
    const int guidWidth = fm.horizontalAdvance(QStringLiteral("0000000-0000-0000-0000-000000000000")) + 24;
    h->resizeSection(CreatedAssignmentTableModel::AssignmentIdColumn, guidWidth);
    h->resizeSection(CreatedAssignmentTableModel::ConfigurationColumn, 220);
    h->resizeSection(CreatedAssignmentTableModel::TargetTypeColumn,
        fm.horizontalAdvance(tr("Configuration Manager collection")) + 24);
    h->resizeSection(CreatedAssignmentTableModel::SubjectColumn, guidWidth + 20);
    h->resizeSection(CreatedAssignmentTableModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00 PM")) + 24);
    h->setStretchLastSection(true);
    m_view->setMinimumHeight(tableHeightForRows(m_view, 2));

    m_view->addAction(m_undoAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &CreatedAssignmentsPane::updateUndoState);
    connect(m_created, &QAbstractItemModel::dataChanged, this, &CreatedAssignmentsPane::updateUndoState);
    layout->addWidget(m_view, 1);

    connect(m_writes, &WriteController::busyChanged, this, &CreatedAssignmentsPane::updateUndoState);
    connect(m_writes, &WriteController::started, this, &CreatedAssignmentsPane::onWriteStarted);
    connect(m_writes, &WriteController::finished, this, &CreatedAssignmentsPane::onWriteFinished);
    updateUndoState();
}

// The dock's title bar: its title, how many, and Undo, in one row.
void CreatedAssignmentsPane::buildTitleBar()
{
    m_titleBar = new QWidget(this);
    m_titleBar->setObjectName(QStringLiteral("createdTitleBar"));
    auto *title = sectionLabel(tr("Created assignments"), m_titleBar);
    m_status = new QLabel(m_titleBar);
    m_status->setObjectName(QStringLiteral("createdAssignmentsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_undoButton = new QPushButton(m_undoAction->icon(), tr("Undo…"), m_titleBar);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setAccessibleName(tr("Undo the selected created assignment"));
    connect(m_undoButton, &QPushButton::clicked, this, &CreatedAssignmentsPane::undoSelected);
    auto *layout = new QHBoxLayout(m_titleBar);
    layout->setContentsMargins(8, 4, 8, 2);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_undoButton);
    connect(m_created, &QAbstractItemModel::rowsInserted, this,
        [this] { m_status->setText(tr("Created in this session: %1").arg(m_created->rowCount())); });
    m_status->setText(tr("None yet in this session."));
}

int CreatedAssignmentsPane::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void CreatedAssignmentsPane::updateUndoState()
{
    const int row = selectedRow();
    QString problem;
    if (!m_signedIn)
        problem = tr("Not signed in.");
    else if (m_writes->isBusy())
        problem = tr("Wait for the running write to finish.");
    else if (row < 0)
        problem = m_created->rowCount() == 0 ? tr("Nothing created in this session yet.")
                                             : tr("Select a created assignment to undo it.");
    else if (!m_created->canUndo(row)) {
        const auto *entry = m_created->entryAt(row);
        problem = entry && entry->undoState == CreatedAssignmentTableModel::UndoState::Undone
            ? tr("Already undone.")
            : tr("This assignment cannot be undone here.");
    }
    m_undoAction->setEnabled(problem.isEmpty());
    m_undoButton->setEnabled(problem.isEmpty());
    m_undoButton->setToolTip(problem.isEmpty() ? tr("Undo the selected assignment created in this session (%1)")
                                                     .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText))
                                               : problem);
}

void CreatedAssignmentsPane::undoSelected()
{
    const int row = selectedRow();
    if (!m_signedIn || m_writes->isBusy() || row < 0 || !m_created->canUndo(row))
        return;
    const CreatedAssignmentTableModel::Entry &entry = *m_created->entryAt(row);
    const quint64 key = entry.key;
    m_writes->undo(entry, [this, key] {
        const int r = m_created->rowOfKey(key);
        return r >= 0 && m_created->canUndo(r);
    });
}

void CreatedAssignmentsPane::onWriteStarted(const WriteTask &task)
{
    if (task.kind == WriteTask::Kind::Undo)
        m_created->setUndoState(m_created->rowOfKey(task.undoKey), CreatedAssignmentTableModel::UndoState::Undoing);
}

void CreatedAssignmentsPane::onWriteFinished(const WriteOutcome &outcome)
{
    const WriteTask &task = outcome.task;
    switch (task.kind) {
    case WriteTask::Kind::Create:
        if (outcome.created) {
            CreatedAssignmentTableModel::Entry entry;
            entry.created = *outcome.created;
            entry.configurationName = task.configurationName;
            entry.subjectName = task.subjectName;
            entry.time = QDateTime::currentDateTime();
            m_created->addEntry(entry);
            m_view->selectRow(0);
            m_view->scrollToTop();
        }
        return;
    case WriteTask::Kind::Remove:
        // Created in this session and now gone: it has nothing left to undo.
        if (outcome.ok) {
            for (int row : m_created->rowsOfAssignment(task.configurationId, task.assignmentId))
                m_created->setUndoState(row, CreatedAssignmentTableModel::UndoState::Undone, tr("Removed"));
        }
        return;
    case WriteTask::Kind::Undo: {
        const int row = m_created->rowOfKey(task.undoKey);
        if (outcome.ok)
            m_created->setUndoState(row, CreatedAssignmentTableModel::UndoState::Undone, tr("Undone"));
        else if (outcome.declined || outcome.error.kind == GraphError::Kind::Cancelled)
            m_created->setUndoState(row, CreatedAssignmentTableModel::UndoState::NotUndone);
        else
            m_created->setUndoState(
                row, CreatedAssignmentTableModel::UndoState::UndoFailed, outcome.error.readableMessage());
        return;
    }
    }
}

} // namespace ea::ui
