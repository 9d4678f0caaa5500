#include "widgets/RestoreDialog.h"

#include "domain/InputFile.h"
#include "service/AssignmentService.h"
#include "widgets/DialogStatus.h"
#include "widgets/ErrorBanner.h"
#include "widgets/WrappingLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Column { ConfigurationColumn, TypeColumn, ActionColumn, ChangesColumn, ColumnCount };

QString actionText(RestoreStep::Action action)
{
    switch (action) {
    case RestoreStep::Action::Unchanged: return RestoreDialog::tr("Unchanged");
    case RestoreStep::Action::Replace: return RestoreDialog::tr("Replace the list");
    case RestoreStep::Action::NotInTenant: return RestoreDialog::tr("Left out: not in the tenant");
    case RestoreStep::Action::DefaultDiffers: return RestoreDialog::tr("Left out: a default's list cannot change");
    case RestoreStep::Action::UnreadableEntry:
        return RestoreDialog::tr("Left out: an entry's target was empty when exported");
    }
    return {};
}

} // namespace

RestoreDialog::RestoreDialog(AssignmentService *service, const QString &tenantLabel, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_tenantLabel(tenantLabel)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore assignments"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("Makes the assignments of each configuration in an export file what the file "
                                       "says: one full-list write (POST …/assign) per configuration that differs, "
                                       "each checked by reading it back. Configurations the file does not name are "
                                       "not touched. Nothing is sent before you press Restore."),
        this);
    intro->setObjectName(QStringLiteral("restoreIntro"));

    m_file = new QLabel(tr("No file opened."), this);
    m_file->setObjectName(QStringLiteral("restoreFile"));
    m_file->setTextFormat(Qt::PlainText);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openButton = new QPushButton(tr("&Open export file…"), this);
    m_openButton->setObjectName(QStringLiteral("restoreOpenButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_openButton);

    m_status = new DialogStatus(this, QStringLiteral("restore"));
    m_status->label()->setTextFormat(Qt::PlainText);
    m_error = new ErrorBanner(this);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("restorePlanTree"));
    m_tree->setAccessibleName(tr("Restore plan by configuration"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Configuration"), tr("Type"), tr("Action"), tr("Changes")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("restoreProgress"));
    m_progress->setAccessibleName(tr("Restore progress"));
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restoreButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::ApplyRole);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("restoreCancelButton"));
    m_cancelButton->setToolTip(tr("Stop after the write in flight"));
    m_status->setCancelButton(m_cancelButton);
    // Closing stops a run between writes: nothing is sent unseen.
    m_status->cancelWhenClosed();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_status->label());
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(900, 560);

    connect(m_openButton, &QPushButton::clicked, this, &RestoreDialog::chooseFile);
    connect(m_restoreButton, &QPushButton::clicked, this, &RestoreDialog::restore);
    setBusy(false, tr("Open a file that `export` (or this app) wrote."));
}

QString RestoreDialog::statusText() const
{
    return m_status->text();
}

void RestoreDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open export file"), QString(), tr("Enrollment Assigner export (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void RestoreDialog::openFile(const QString &path)
{
    if (m_status->isRunning())
        return;
    m_error->dismiss();
    m_export.reset();
    m_plan = {};
    m_tree->clear();
    m_file->setText(QDir::toNativeSeparators(path));
    QString problem;
    m_export = InputFile::readExport(QDir::toNativeSeparators(path), &problem);
    if (!problem.isEmpty()) {
        setBusy(false, problem + u' ' + tr("Nothing was read from the tenant and nothing was sent."));
        Q_EMIT planned(false);
        return;
    }
    makePlan();
}

void RestoreDialog::makePlan()
{
    if (!m_service || !m_export || m_status->isRunning())
        return;
    m_status->track(m_service->planRestore(*m_export, this, [this](const Result<RestorePlan> &r) {
        m_status->track(nullptr);
        if (!r) {
            setBusy(false, QString());
            m_error->showError(tr("Could not read the tenant's configurations to plan the restore"), r.error());
            Q_EMIT planned(false);
            return;
        }
        showPlan(r.value());
        Q_EMIT planned(true);
    }));
    setBusy(true, tr("Reading every configuration with its assignments…"));
}

void RestoreDialog::showPlan(const RestorePlan &plan)
{
    m_plan = plan;
    m_tree->clear();
    for (const RestoreStep &step : plan.steps) {
        auto *row = new QTreeWidgetItem(m_tree);
        row->setText(ConfigurationColumn, step.displayName);
        row->setToolTip(ConfigurationColumn, step.configurationId);
        row->setText(TypeColumn, step.typeName);
        row->setText(ActionColumn, actionText(step.action));
        if (step.action == RestoreStep::Action::Replace || step.action == RestoreStep::Action::DefaultDiffers
            || step.action == RestoreStep::Action::UnreadableEntry)
            row->setText(ChangesColumn, step.summary());
        QFont font = row->font(ActionColumn);
        font.setBold(step.action == RestoreStep::Action::Replace);
        row->setFont(ActionColumn, font);
        // What the write does to the list, entry by entry: groups by the
        // names the file knows, the assignment id in the tooltip.
        const auto detail = [this, row](const QString &what, const QStringList &entries) {
            for (const QString &entry : entries) {
                auto *item = new QTreeWidgetItem(row);
                item->setText(ActionColumn, what);
                QString text = entry;
                if (text.endsWith(u']') && text.contains(QStringLiteral(" [")))
                    text.truncate(text.lastIndexOf(QStringLiteral(" [")));
                if (m_export) {
                    for (auto it = m_export->groups.cbegin(); it != m_export->groups.cend(); ++it) {
                        if (!it.value().isEmpty())
                            text.replace(it.key(), u'“' + it.value() + u'”', Qt::CaseInsensitive);
                    }
                }
                item->setText(ChangesColumn, text);
                item->setToolTip(ChangesColumn, entry);
            }
        };
        detail(tr("Add back"), step.difference.missing);
        detail(tr("Delete"), step.difference.unexpected);
        detail(tr("Change"), step.difference.changed);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(ConfigurationColumn);
    m_tree->setColumnWidth(ConfigurationColumn, std::min(m_tree->columnWidth(ConfigurationColumn), 320));
    m_tree->resizeColumnToContents(TypeColumn);
    m_tree->setColumnWidth(TypeColumn, std::min(m_tree->columnWidth(TypeColumn), 240));
    m_tree->resizeColumnToContents(ActionColumn);

    const QString from = m_export && !m_export->tenant.isEmpty() ? m_export->tenant : tr("an unnamed tenant");
    const QString when
        = m_export ? QLocale().toString(m_export->exportedAt.toLocalTime(), QLocale::ShortFormat) : QString();
    setBusy(false, tr("Exported from %1 at %2; restoring into %3. %4.").arg(from, when, m_tenantLabel, plan.summary()));
}

void RestoreDialog::restore()
{
    if (!m_service || m_status->isRunning() || m_plan.writeCount() == 0)
        return;
    int deleted = 0;
    for (const RestoreStep &s : std::as_const(m_plan.steps)) {
        if (s.action == RestoreStep::Action::Replace)
            deleted += int(s.difference.unexpected.size());
    }
    auto *question = new QMessageBox(QMessageBox::Question, tr("Restore assignments"),
        tr("Replace the assignments of %n configuration(s) in %1 with the file's lists?", nullptr, m_plan.writeCount())
            .arg(m_tenantLabel),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("restoreConfirmation"));
    question->setInformativeText(tr(
        "%n assignment(s) not in the file will be deleted. Each write is recorded in the History.", nullptr, deleted));
    auto *confirm = question->addButton(tr("Restore"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRestoreButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowModality(Qt::WindowModal);
    connect(question, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton *clicked) {
        if (clicked != confirm || m_status->isRunning())
            return;
        m_error->dismiss();
        m_progress->setRange(0, m_plan.writeCount());
        m_progress->setValue(0);
        m_status->track(m_service->applyRestore(
            m_plan, this,
            [this](const RestoreStep &step, int index, int total) {
                m_progress->setValue(index);
                m_status->setText(tr("Restoring %1 of %2: %3…").arg(index + 1).arg(total).arg(step.displayName));
                if (index > 0)
                    Q_EMIT wrote();
            },
            [this](const Result<RestoreOutcome> &r) {
                m_status->track(nullptr);
                if (r)
                    restoreDone(r.value());
            }));
        setBusy(true, tr("Restoring…"));
    });
    question->open();
}

void RestoreDialog::restoreDone(const RestoreOutcome &outcome)
{
    m_progress->setValue(int(outcome.written.size()));
    Q_EMIT wrote();
    const auto total = m_plan.writeCount();
    setBusy(false, QString());
    if (outcome.stoppedBy) {
        m_error->showError(tr("Restore stopped at “%1”; %2 of %3 configurations were restored")
                               .arg(outcome.stoppedAt)
                               .arg(outcome.written.size())
                               .arg(total),
            *outcome.stoppedBy);
    }
    const bool ok = !outcome.stoppedBy;
    // What is left to do, from the tenant as it is now.
    connect(
        this, &RestoreDialog::planned, this,
        [this, ok, outcome, total] {
            m_status->setText((ok ? tr("Restored %n configuration(s); each list was read back and is the file's.",
                                   nullptr, int(outcome.written.size()))
                                  : tr("%1 of %2 configurations were restored before the stop.")
                                          .arg(outcome.written.size())
                                          .arg(total))
                + u' ' + tr("Planned again from the tenant: %1.").arg(m_plan.summary()));
            Q_EMIT restored(ok);
        },
        Qt::SingleShotConnection);
    makePlan();
}

void RestoreDialog::setBusy(bool busy, const QString &status)
{
    m_progress->setVisible(busy || m_progress->value() > 0);
    m_status->setBusy(busy);
    m_openButton->setEnabled(!busy);
    m_restoreButton->setEnabled(!busy && m_plan.writeCount() > 0);
    m_restoreButton->setText(
        m_plan.writeCount() > 0 ? tr("&Restore %n configuration(s)", nullptr, m_plan.writeCount()) : tr("&Restore"));
    if (!status.isEmpty() || !busy)
        m_status->setText(status);
}

} // namespace ea::ui
