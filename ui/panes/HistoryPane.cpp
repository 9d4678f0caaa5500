#include "HistoryPane.h"

#include "controllers/WriteController.h"
#include "models/DisplayText.h"
#include "models/HistoryTableModel.h"
#include "panes/PaneParts.h"
#include "service/GroupDirectory.h"
#include "widgets/Icons.h"
#include "widgets/ListTableView.h"
#include "widgets/WrappingLabel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

namespace {
// The newest rows are what an admin reads; older ones keep their ids.
constexpr int kRowsWithGroupNames = 200;
} // namespace

// Built in code: the column widths come from this language's longest action
// and outcome words in the current font.
HistoryPane::HistoryPane(AuditJournal *journal, GroupDirectory *groups, WriteController *writes, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_groups(groups)
    , m_writes(writes)
    , m_history(new HistoryTableModel(this))
{
    setObjectName(QStringLiteral("historyPane"));
    m_history->setTargetFormatter([this](const QString &spec) { return targetText(spec); });
    buildTitleBar(); // first: Tab reaches its buttons before the table

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setAccessibleName(tr("History of writes"));
    setUpListTableView(m_view);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setModel(m_history);
    QHeaderView *h = m_view->horizontalHeader();
    const QFontMetrics fm = m_view->fontMetrics();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(HistoryTableModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("0000-00-00 00:00:00")) + 20);
    int actionWidth = 0;
    for (const QString &text : HistoryTableModel::actionTexts())
        actionWidth = std::max(actionWidth, fm.horizontalAdvance(text));
    h->resizeSection(HistoryTableModel::ActionColumn, actionWidth + 24);
    h->resizeSection(HistoryTableModel::OutcomeColumn, fm.horizontalAdvance(tr("Interrupted — outcome unknown")) + 24);
    h->resizeSection(HistoryTableModel::ConfigurationColumn, 220);
    h->resizeSection(HistoryTableModel::TargetColumn, 300);
    h->resizeSection(HistoryTableModel::HttpStatusColumn, fm.horizontalAdvance(tr("HTTP status")) + 24);
    h->setStretchLastSection(true);

    const auto updateUndo = [this] {
        m_undoPriorityButton->setEnabled(undoablePriorityChange() != nullptr);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, updateUndo);
    connect(m_history, &QAbstractItemModel::modelReset, this, updateUndo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 4);
    layout->addWidget(m_view, 1);

    // A write in flight shows as such until it ends; then the journal has its result.
    connect(m_writes, &WriteController::started, this, [this] { m_history->setInFlightSince(m_writes->startedAt()); });
    connect(m_writes, &WriteController::finished, this, [this] {
        m_history->setInFlightSince({});
        markDirty();
    });
}

// What the title bar carries: title, how many writes, the journal file (on
// demand: a full path is long), Reload, Hide.
void HistoryPane::buildTitleBar()
{
    m_titleBar = new QWidget(this);
    m_titleBar->setObjectName(QStringLiteral("historyTitleBar"));
    auto *title = sectionLabel(tr("History"), m_titleBar);
    m_status = new WrappingLabel(tr("Not read yet."), m_titleBar);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileButton = new QPushButton(tr("Journal file"), m_titleBar);
    m_fileButton->setObjectName(QStringLiteral("historyFileButton"));
    m_fileButton->setAccessibleName(tr("Show where the journal file is"));
    m_fileButton->setToolTip(tr("Show the path of the audit journal this history is read from"));
    m_fileButton->setCheckable(true);
    m_file = new WrappingLabel(m_titleBar);
    m_file->setObjectName(QStringLiteral("historyFileLabel"));
    m_file->setTextFormat(Qt::PlainText);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_file->hide();
    connect(m_fileButton, &QPushButton::toggled, m_file, &QWidget::setVisible);
    m_refreshButton
        = new QPushButton(appIcon(QStringLiteral("refresh"), QStyle::SP_BrowserReload), tr("Reload"), m_titleBar);
    m_refreshButton->setObjectName(QStringLiteral("refreshHistoryButton"));
    m_refreshButton->setAccessibleName(tr("Reload the history"));
    m_refreshButton->setToolTip(tr("Read the audit journal again"));
    connect(m_refreshButton, &QPushButton::clicked, this, &HistoryPane::reload);
    m_undoPriorityButton = new QPushButton(tr("Undo priority change…"), m_titleBar);
    m_undoPriorityButton->setObjectName(QStringLiteral("undoPriorityButton"));
    m_undoPriorityButton->setAccessibleName(tr("Undo the selected priority change"));
    m_undoPriorityButton->setToolTip(tr("Put the configuration of the selected priority change back where it was; "
                                        "shows the request before anything is sent"));
    m_undoPriorityButton->setEnabled(false);
    connect(m_undoPriorityButton, &QPushButton::clicked, this, [this] {
        if (const AuditOperation *change = undoablePriorityChange())
            Q_EMIT undoPriorityRequested(*change);
    });
    auto *hideButton = new QPushButton(tr("Hide"), m_titleBar);
    hideButton->setObjectName(QStringLiteral("hideHistoryButton"));
    hideButton->setAccessibleName(tr("Hide the history"));
    connect(hideButton, &QPushButton::clicked, this, &HistoryPane::hideRequested);
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(title);
    barRow->addSpacing(6);
    barRow->addWidget(m_status, 1);
    barRow->addWidget(m_fileButton);
    barRow->addWidget(m_undoPriorityButton);
    barRow->addWidget(m_refreshButton);
    barRow->addWidget(hideButton);
    auto *barLayout = new QVBoxLayout(m_titleBar);
    barLayout->setContentsMargins(8, 4, 8, 2);
    barLayout->setSpacing(2);
    barLayout->addLayout(barRow);
    barLayout->addWidget(m_file);
}

void HistoryPane::markDirty()
{
    m_dirty = true;
    // Behind another tab of the dock area the pane is still "visible"; it has no screen area there.
    if (isVisible() && !visibleRegion().isEmpty())
        reload();
}

void HistoryPane::reload()
{
    if (!m_journal)
        return;
    int skipped = 0;
    const QList<AuditEntry> entries = m_journal->readAll(&skipped);
    m_history->setOperations(groupByOperation(entries));
    m_dirty = false;

    // The count here; the file's path (long) behind the Journal file button.
    const QString path = QDir::toNativeSeparators(m_journal->filePath());
    const bool exists = QFileInfo::exists(m_journal->filePath());
    // "%n write(s)" keeps the window's context: tests and translators know it there.
    QString text = entries.isEmpty() && !exists
        ? tr("No writes recorded yet.")
        : QCoreApplication::translate("ea::ui::MainWindow", "%n write(s)", nullptr, m_history->rowCount());
    const int interrupted = m_history->interruptedCount();
    if (interrupted > 0)
        text += u' ' + tr("· %n interrupted (outcome unknown): check those assignments", nullptr, interrupted);
    if (skipped > 0)
        text += u' ' + tr("· %n unreadable line(s) skipped", nullptr, skipped);
    m_status->setText(text);
    m_status->setToolTip(text + u'\n' + path);
    m_file->setText(exists ? tr("Journal file: %1").arg(path) : tr("Journal file (not written yet): %1").arg(path));
    resolveGroupNames();
    Q_EMIT reloaded();
}

void HistoryPane::cancelLoads()
{
    if (m_namesLoad)
        m_namesLoad->cancel();
}

void HistoryPane::resolveGroupNames()
{
    if (!m_groups || m_namesLoad)
        return;
    QStringList unknown;
    for (const QString &id : m_history->groupIds(kRowsWithGroupNames)) {
        if (!m_groups->isKnown(id))
            unknown.append(id);
    }
    if (unknown.isEmpty())
        return;
    m_namesLoad = m_groups->resolve(unknown, this, [this](const Result<QHash<QString, GroupName>> &) {
        m_namesLoad = nullptr;
        m_history->refreshTargets(); // whatever was learned, even from a partial failure
    });
}

const AuditOperation *HistoryPane::undoablePriorityChange() const
{
    const AuditOperation *row = m_history->operationAt(m_view->currentIndex().row());
    // Only a change known to have landed, with the order it was made in: an
    // undo is planned from what the journal says the position was.
    if (!row || !row->hasResult || row->first().action != AuditAction::SetPriority
        || row->result.outcome != AuditOutcome::Succeeded || !row->first().priority
        || row->first().priority->orderBefore.isEmpty())
        return nullptr;
    return row;
}

QString HistoryPane::targetText(const QString &spec) const
{
    AssignmentTarget target;
    QString problem;
    if (!parseTargetSpec(spec, &target, &problem)) {
        if (spec.isEmpty())
            return spec;
        return spec.at(0).toUpper() + spec.mid(1); // "Full list of 3" and the like
    }
    if (!target.isGroupTarget())
        return target.subject().isEmpty() ? target.kindDisplayName()
                                          : tr("%1 %2").arg(target.kindDisplayName(), target.subject());
    QString name;
    if (m_groups && m_groups->isKnown(target.groupId())) {
        const GroupName known = m_groups->known(target.groupId());
        name = DisplayText::groupName(&known);
    }
    // The id is in the row's tooltip; the cell stays short enough to read.
    return name.isEmpty() ? tr("%1 %2").arg(target.kindDisplayName(), target.groupId())
                          : tr("%1: %2").arg(target.kindDisplayName(), name);
}

} // namespace ea::ui
