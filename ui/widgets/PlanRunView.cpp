#include "widgets/PlanRunView.h"

#include "models/DisplayText.h"
#include "service/GroupDirectory.h"
#include "service/PlanRunner.h"
#include "widgets/ErrorBanner.h"
#include "widgets/WrappingLabel.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Column { LineColumn, ChangeColumn, TargetColumn, ColumnCount };
constexpr int GroupIdRole = Qt::UserRole; // on a row's target cell: the group it names

QString stateText(PlanDiffRow::State state)
{
    switch (state) {
    case PlanDiffRow::State::Add: return PlanRunView::tr("Add");
    case PlanDiffRow::State::Remove: return PlanRunView::tr("Remove");
    case PlanDiffRow::State::AlreadyThere: return PlanRunView::tr("Skip: already there");
    case PlanDiffRow::State::AlreadyGone: return PlanRunView::tr("Skip: already gone");
    }
    return {};
}

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return PlanRunView::tr("%n s", nullptr, int(seconds));
    return PlanRunView::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

PlanRunView::PlanRunView(AssignmentService *service, const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_runner(new PlanRunner(service, this))
{
    m_status = new WrappingLabel(QString(), this);
    m_status->setObjectName(namePrefix + QStringLiteral("Status"));
    m_error = new ErrorBanner(this);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(namePrefix + QStringLiteral("Tree"));
    m_tree->setAccessibleName(tr("Changes, by configuration"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Line"), tr("Change"), tr("Target")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(namePrefix + QStringLiteral("Progress"));
    m_progress->setAccessibleName(tr("Writes done"));
    m_progress->setFormat(tr("%v / %m"));
    m_progress->hide();
    m_current = new WrappingLabel(QString(), this);
    m_current->setObjectName(namePrefix + QStringLiteral("Current"));
    m_current->hide();

    m_applyButton = new QPushButton(tr("&Apply"), this);
    m_applyButton->setObjectName(namePrefix + QStringLiteral("ApplyButton"));
    m_applyButton->setEnabled(false);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(namePrefix + QStringLiteral("CancelButton"));
    m_cancelButton->setAccessibleDescription(tr("Stops between writes; a write already sent is seen to its end."));
    m_cancelButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_current);

    connect(m_applyButton, &QPushButton::clicked, this, &PlanRunView::apply);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &PlanRunner::cancel);
    connect(m_runner, &PlanRunner::progressChanged, this, &PlanRunView::showProgress);
}

PlanRunView::~PlanRunView() = default;

QString PlanRunView::statusText() const
{
    return m_status->text();
}

bool PlanRunView::isBusy() const
{
    return m_reading || m_runner->isRunning();
}

bool PlanRunView::isRunning() const
{
    return m_runner->isRunning();
}

void PlanRunView::cancel()
{
    m_runner->cancel();
}

void PlanRunView::setState(bool busy, bool running)
{
    m_applyButton->setEnabled(!busy && m_diff && m_diff->problems.isEmpty() && m_writes > 0);
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(running || m_progress->value() > 0);
    m_current->setVisible(running);
    Q_EMIT busyChanged(busy);
}

void PlanRunView::reset(const QString &status)
{
    if (isBusy())
        return;
    ++m_generation;
    m_tree->clear();
    m_error->dismiss();
    m_diff.reset();
    m_writes = 0;
    m_progress->setValue(0);
    m_status->setText(status);
    m_applyButton->setText(tr("&Apply"));
    setState(false, false);
}

void PlanRunView::showError(const QString &what, const GraphError &error, const QString &status)
{
    reset(status);
    m_error->showError(what, error);
}

void PlanRunView::showProblems(const QList<PlanProblem> &problems)
{
    QString text = tr("%n row(s) of the plan cannot run; nothing was sent.", nullptr, int(problems.size()));
    if (!m_problemHint.isEmpty())
        text += u' ' + m_problemHint;
    m_status->setText(text);
    for (const PlanProblem &p : problems) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(LineColumn, p.line > 0 ? QString::number(p.line) : QString());
        item->setText(ChangeColumn, tr("Cannot run"));
        item->setText(TargetColumn, p.message);
        item->setToolTip(TargetColumn, p.message);
    }
    setState(false, false);
}

void PlanRunView::readDiff(const QList<PlanRow> &rows, const QList<LeftOutEntry> &leftOut)
{
    if (isBusy())
        return;
    reset(tr("Reading the configurations of the plan and their assignments…"));
    // The session's API version has the last word on each row (a filter needs beta).
    if (const QList<PlanProblem> problems = PlanRunner::inputProblems(*m_service, rows); !problems.isEmpty()) {
        showProblems(problems);
        Q_EMIT diffShown(false);
        return;
    }
    m_reading = true;
    setState(true, false);
    m_runner->readDiff(rows, [this, leftOut](const Result<PlanDiff> &result) {
        m_reading = false;
        if (!result) {
            m_error->showError(tr("Could not read the configurations of the plan"), result.error());
            m_status->setText(tr("Nothing was written."));
            setState(false, false);
            Q_EMIT diffShown(false);
            return;
        }
        showDiff(result.value(), leftOut);
    });
}

void PlanRunView::showLeftOut(const QList<LeftOutEntry> &leftOut)
{
    if (leftOut.isEmpty())
        return;
    auto *group = new QTreeWidgetItem(m_tree);
    group->setText(LineColumn, tr("Left out: %n assignment(s) cannot be carried over", nullptr, int(leftOut.size())));
    group->setFirstColumnSpanned(true);
    for (const LeftOutEntry &skip : leftOut) {
        auto *item = new QTreeWidgetItem(group);
        item->setText(ChangeColumn, tr("Left out"));
        item->setText(TargetColumn, tr("%1: %2").arg(skip.entry, skip.why));
        item->setToolTip(TargetColumn, item->text(TargetColumn));
    }
    group->setExpanded(true);
}

void PlanRunView::showNothingToDo(const QList<LeftOutEntry> &leftOut, const QString &status)
{
    reset(status);
    showLeftOut(leftOut);
    m_tree->resizeColumnToContents(ChangeColumn);
}

void PlanRunView::showDiff(const PlanDiff &diff, const QList<LeftOutEntry> &leftOut)
{
    m_diff = std::make_unique<PlanDiff>(diff);
    m_writes = int(diff.writes.size());
    if (!diff.problems.isEmpty()) {
        showProblems(diff.problems);
        Q_EMIT diffShown(false);
        return;
    }
    showLeftOut(leftOut);
    for (const PlanConfiguration &c : diff.configurations) {
        auto *group = new QTreeWidgetItem(m_tree);
        QString name = c.configuration.displayName.isEmpty() ? c.configuration.id : c.configuration.displayName;
        if (c.fullList && c.writes() > 0)
            name += u' ' + tr("(takes only full lists: one write for all its changes)");
        group->setText(LineColumn, name);
        group->setFirstColumnSpanned(true);
        for (const PlanDiffRow &r : c.rows) {
            auto *item = new QTreeWidgetItem(group);
            // Rows made by a copy come from no file: no line to show.
            if (r.row.line > 0)
                item->setText(LineColumn, QString::number(r.row.line));
            item->setText(ChangeColumn, stateText(r.state));
            QString target = targetSpec(r.row.target);
            if (r.row.target.hasFilter())
                target += u' '
                    + tr("with filter %1 (%2)")
                          .arg(r.row.target.filterId(), AssignmentTarget::filterModeName(r.row.target.filterMode()));
            item->setText(TargetColumn, target);
            if (r.row.target.isGroupTarget())
                item->setData(TargetColumn, GroupIdRole, r.row.target.groupId());
        }
        group->setExpanded(true);
    }
    m_tree->resizeColumnToContents(ChangeColumn);
    nameGroups();
    const int unchanged = diff.count(PlanDiffRow::State::AlreadyThere) + diff.count(PlanDiffRow::State::AlreadyGone);
    m_status->setText(m_writes == 0 ? tr("Nothing to do: the tenant is already as the plan says.")
                                    : tr("%n write(s) to send:", nullptr, m_writes) + u' '
                + tr("%1 to add, %2 to remove; %n row(s) already as planned.", nullptr, unchanged)
                      .arg(diff.count(PlanDiffRow::State::Add))
                      .arg(diff.count(PlanDiffRow::State::Remove)));
    m_applyButton->setText(tr("&Apply %n write(s)", nullptr, m_writes));
    setState(false, false);
    Q_EMIT diffShown(true);
}

void PlanRunView::nameGroups()
{
    if (!m_groups)
        return;
    QStringList ids;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *configuration = m_tree->topLevelItem(i);
        for (int j = 0; j < configuration->childCount(); ++j) {
            const QString id = configuration->child(j)->data(TargetColumn, GroupIdRole).toString();
            if (!id.isEmpty() && !ids.contains(id, Qt::CaseInsensitive))
                ids.append(id);
        }
    }
    if (ids.isEmpty())
        return;
    const auto show = [this, generation = m_generation](const Result<QHash<QString, GroupName>> &names) {
        // A name is a help to the eye, not part of the plan: without it the id stays, and Apply is not held.
        if (!names || generation != m_generation)
            return;
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *configuration = m_tree->topLevelItem(i);
            for (int j = 0; j < configuration->childCount(); ++j) {
                QTreeWidgetItem *item = configuration->child(j);
                const QString id = item->data(TargetColumn, GroupIdRole).toString().toLower();
                const auto found = names.value().constFind(id);
                if (id.isEmpty() || found == names.value().cend())
                    continue;
                const QString name = DisplayText::groupName(&found.value());
                if (!name.isEmpty())
                    item->setText(TargetColumn, tr("%1 — %2").arg(item->text(TargetColumn), name));
            }
        }
    };
    // A plan of many groups asks in bulk (up to 1000 ids a request); a copy's handful, 15 at a time.
    if (ids.size() > GroupDirectory::kIdsPerRequest)
        m_groups->resolveInBulk(ids, this, show);
    else
        m_groups->resolve(ids, this, show);
}

void PlanRunView::apply()
{
    if (!m_diff || m_runner->isRunning())
        return;
    m_progress->setRange(0, m_writes);
    m_progress->setValue(0);
    setState(true, true);
    m_runner->run(*m_diff, [this](const Result<PlanRunSummary> &result) {
        if (!result) {
            m_error->showError(tr("The plan was not run"), result.error());
            setState(false, false);
            Q_EMIT runFinished(false);
            return;
        }
        showSummary(result.value());
    });
}

void PlanRunView::showProgress(const PlanProgress &p)
{
    m_progress->setMaximum(p.total);
    m_progress->setValue(p.done);
    QString text = p.current;
    if (p.etaMs >= 0 && p.done < p.total)
        text = tr("%1 — about %2 left").arg(p.current, duration(p.etaMs));
    m_current->setText(text);
}

void PlanRunView::showSummary(const PlanRunSummary &s)
{
    // The diff shown is the one before the run: read again before another.
    m_diff.reset();
    setState(false, false);
    QString text = tr("%1 written, %2 found done already, %3 failed, %4 not run (run %5).")
                       .arg(s.written)
                       .arg(s.alreadyDone)
                       .arg(s.failed)
                       .arg(s.notRun)
                       .arg(s.runId);
    if (!s.ok() && !m_resumeHint.isEmpty())
        text += u' ' + m_resumeHint;
    m_status->setText(text);
    if (!s.failures.isEmpty())
        m_current->setText(s.failures.join(u'\n'));
    m_current->setVisible(!s.failures.isEmpty());
    m_applyButton->setText(tr("&Apply"));
    Q_EMIT runFinished(s.ok());
}

} // namespace ea::ui
