#include "widgets/ApplyPlanDialog.h"

#include "service/PlanRunner.h"
#include "widgets/ErrorBanner.h"
#include "widgets/WrappingLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Column { LineColumn, ChangeColumn, TargetColumn, ColumnCount };

QString stateText(PlanDiffRow::State state)
{
    switch (state) {
    case PlanDiffRow::State::Add: return ApplyPlanDialog::tr("Add");
    case PlanDiffRow::State::Remove: return ApplyPlanDialog::tr("Remove");
    case PlanDiffRow::State::AlreadyThere: return ApplyPlanDialog::tr("Skip: already there");
    case PlanDiffRow::State::AlreadyGone: return ApplyPlanDialog::tr("Skip: already gone");
    }
    return {};
}

QString duration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return ApplyPlanDialog::tr("%n s", nullptr, int(seconds));
    return ApplyPlanDialog::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ApplyPlanDialog::ApplyPlanDialog(AssignmentService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_runner(new PlanRunner(service, this))
{
    setObjectName(QStringLiteral("applyPlanDialog"));
    setWindowTitle(tr("Apply a plan"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("A plan is a CSV file with the header configuration,action,target,filter,"
                                       "filterMode and one row per change (add or remove a target, written as "
                                       "in the command line's assign). Every row is checked and the tenant read "
                                       "before anything is written; running a plan again writes only what is "
                                       "still missing."),
        this);
    intro->setObjectName(QStringLiteral("applyPlanIntro"));

    m_pathLabel = new QLabel(tr("No plan chosen."), this);
    m_pathLabel->setObjectName(QStringLiteral("applyPlanPath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseButton = new QPushButton(tr("&Choose plan…"), this);
    m_chooseButton->setObjectName(QStringLiteral("applyPlanChooseButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathLabel, 1);
    fileRow->addWidget(m_chooseButton);

    m_status = new WrappingLabel(tr("Choose a plan file."), this);
    m_status->setObjectName(QStringLiteral("applyPlanStatus"));
    m_error = new ErrorBanner(this);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("applyPlanTree"));
    m_tree->setAccessibleName(tr("Changes of the plan, by configuration"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Line"), tr("Change"), tr("Target")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("applyPlanProgress"));
    m_progress->setAccessibleName(tr("Writes done"));
    m_progress->setFormat(tr("%v / %m"));
    m_progress->hide();
    m_current = new WrappingLabel(QString(), this);
    m_current->setObjectName(QStringLiteral("applyPlanCurrent"));
    m_current->hide();

    m_applyButton = new QPushButton(tr("&Apply"), this);
    m_applyButton->setObjectName(QStringLiteral("applyPlanApplyButton"));
    m_applyButton->setEnabled(false);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("applyPlanCancelButton"));
    m_cancelButton->setAccessibleDescription(tr("Stops between writes; a write already sent is seen to its end."));
    m_cancelButton->setEnabled(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_applyButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::ActionRole);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("applyPlanCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_current);
    layout->addWidget(buttons);
    resize(900, 600);

    connect(m_chooseButton, &QPushButton::clicked, this, &ApplyPlanDialog::choosePlan);
    connect(m_applyButton, &QPushButton::clicked, this, &ApplyPlanDialog::apply);
    connect(m_cancelButton, &QPushButton::clicked, m_runner, &PlanRunner::cancel);
    connect(m_runner, &PlanRunner::progressChanged, this, &ApplyPlanDialog::showProgress);
}

ApplyPlanDialog::~ApplyPlanDialog() = default;

QString ApplyPlanDialog::statusText() const
{
    return m_status->text();
}

void ApplyPlanDialog::reject()
{
    // Closing while writes run would leave them unseen: cancel first, close once they ended.
    if (m_runner->isRunning()) {
        m_runner->cancel();
        return;
    }
    QDialog::reject();
}

void ApplyPlanDialog::choosePlan()
{
    // Not the static helper: its nested event loop would hold the window's calls.
    auto *picker = new QFileDialog(this, tr("Choose a plan"), QString(), tr("Plans (*.csv);;All files (*)"));
    picker->setObjectName(QStringLiteral("applyPlanFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    connect(picker, &QFileDialog::fileSelected, this, &ApplyPlanDialog::openPlan);
    picker->open();
}

void ApplyPlanDialog::setState(bool busy, bool running)
{
    m_chooseButton->setEnabled(!busy);
    m_applyButton->setEnabled(!busy && m_diff && m_diff->problems.isEmpty() && m_writes > 0);
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(running || m_progress->value() > 0);
    m_current->setVisible(running);
}

void ApplyPlanDialog::openPlan(const QString &path)
{
    if (m_reading || m_runner->isRunning())
        return;
    m_path = path;
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_tree->clear();
    m_error->dismiss();
    m_diff.reset();
    m_writes = 0;
    m_progress->setValue(0);
    const ParsedPlan plan = PlanFile::readCsvFile(path);
    // The session's API version has the last word on each row (a filter needs beta).
    const QList<PlanProblem> problems
        = plan.problems.isEmpty() ? PlanRunner::inputProblems(*m_service, plan.rows) : plan.problems;
    if (!problems.isEmpty()) {
        showProblems(problems);
        Q_EMIT diffShown(false);
        return;
    }
    m_rows = plan.rows;
    m_reading = true;
    m_status->setText(tr("Reading the configurations of the plan and their assignments…"));
    setState(true, false);
    m_runner->readDiff(m_rows, [this](const Result<PlanDiff> &result) {
        m_reading = false;
        if (!result) {
            m_error->showError(tr("Could not read the configurations of the plan"), result.error());
            m_status->setText(tr("Nothing was written."));
            setState(false, false);
            Q_EMIT diffShown(false);
            return;
        }
        showDiff(result.value());
    });
}

void ApplyPlanDialog::showProblems(const QList<PlanProblem> &problems)
{
    m_status->setText(tr("%n row(s) of the plan cannot run; nothing was sent. Fix them and choose the plan again.",
        nullptr, int(problems.size())));
    for (const PlanProblem &p : problems) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(LineColumn, p.line > 0 ? QString::number(p.line) : QString());
        item->setText(ChangeColumn, tr("Cannot run"));
        item->setText(TargetColumn, p.message);
        item->setToolTip(TargetColumn, p.message);
    }
    setState(false, false);
}

void ApplyPlanDialog::showDiff(const PlanDiff &diff)
{
    m_diff = std::make_unique<PlanDiff>(diff);
    m_writes = int(diff.writes.size());
    if (!diff.problems.isEmpty()) {
        showProblems(diff.problems);
        Q_EMIT diffShown(false);
        return;
    }
    for (const PlanConfiguration &c : diff.configurations) {
        auto *group = new QTreeWidgetItem(m_tree);
        QString name = c.configuration.displayName.isEmpty() ? c.configuration.id : c.configuration.displayName;
        if (c.fullList && c.writes() > 0)
            name += u' ' + tr("(takes only full lists: one write for all its changes)");
        group->setText(LineColumn, name);
        group->setFirstColumnSpanned(true);
        for (const PlanDiffRow &r : c.rows) {
            auto *item = new QTreeWidgetItem(group);
            item->setText(LineColumn, QString::number(r.row.line));
            item->setText(ChangeColumn, stateText(r.state));
            QString target = targetSpec(r.row.target);
            if (r.row.target.hasFilter())
                target += u' '
                    + tr("with filter %1 (%2)")
                          .arg(r.row.target.filterId(), AssignmentTarget::filterModeName(r.row.target.filterMode()));
            item->setText(TargetColumn, target);
        }
        group->setExpanded(true);
    }
    m_tree->resizeColumnToContents(ChangeColumn);
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

void ApplyPlanDialog::apply()
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

void ApplyPlanDialog::showProgress(const PlanProgress &p)
{
    m_progress->setMaximum(p.total);
    m_progress->setValue(p.done);
    QString text = p.current;
    if (p.etaMs >= 0 && p.done < p.total)
        text = tr("%1 — about %2 left").arg(p.current, duration(p.etaMs));
    m_current->setText(text);
}

void ApplyPlanDialog::showSummary(const PlanRunSummary &s)
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
    if (!s.ok())
        text += u' ' + tr("Choose the plan again to finish it: only what is still missing is written.");
    m_status->setText(text);
    if (!s.failures.isEmpty())
        m_current->setText(s.failures.join(u'\n'));
    m_current->setVisible(!s.failures.isEmpty());
    m_applyButton->setText(tr("&Apply"));
    Q_EMIT runFinished(s.ok());
}

} // namespace ea::ui
