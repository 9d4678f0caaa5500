#include "widgets/GroupReportDialog.h"

#include "service/ReportService.h"
#include "service/Session.h"
#include "widgets/DialogStatus.h"
#include "widgets/ErrorBanner.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/WrappingLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Column {
    TypeColumn,
    ConfigurationColumn,
    PriorityColumn,
    IntentColumn,
    ThroughColumn,
    FilterColumn,
    StandingColumn,
    ColumnCount
};

} // namespace

GroupReportDialog::GroupReportDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_reports(session ? new ReportService(session, this) : nullptr)
{
    setObjectName(QStringLiteral("groupReportDialog"));
    setWindowTitle(tr("Group report"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("Every enrollment configuration that includes or excludes a group or a group "
                                       "it is nested in, and which one of each type its members get. Save it as "
                                       "CSV or as an HTML page for a change ticket. Nothing is written."),
        this);
    intro->setObjectName(QStringLiteral("groupReportIntro"));

    m_group = new GroupSearchWidget(this);
    if (session)
        m_group->setService(session->assignments());
    m_showButton = new QPushButton(tr("&Show report"), this);
    m_showButton->setObjectName(QStringLiteral("groupReportShowButton"));
    m_showButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("groupReportCancelButton"));
    auto *actions = new QVBoxLayout;
    actions->addWidget(m_showButton);
    actions->addWidget(m_cancelButton);
    actions->addStretch(1);
    auto *who = new QHBoxLayout;
    who->addWidget(m_group, 1);
    who->addLayout(actions);
    auto *form = new QFormLayout;
    auto *groupLabel = new QLabel(tr("&Group:"), this);
    groupLabel->setBuddy(m_group->searchEdit());
    form->addRow(groupLabel, who);

    m_status = new DialogStatus(this, QStringLiteral("groupReport"), tr("Pick a group, then press Show report."));
    m_status->addBusyBar(tr("Reading"));
    m_status->setCancelButton(m_cancelButton);

    m_error = new ErrorBanner(this);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("groupReportTree"));
    m_tree->setAccessibleName(tr("Configurations that name the group, by type"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Type"), tr("Configuration"), tr("Priority"), tr("Intent"), tr("Reaches the group"),
        tr("Filter"), tr("For the members")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    m_saveCsvButton = new QPushButton(tr("Save as &CSV…"), this);
    m_saveCsvButton->setObjectName(QStringLiteral("groupReportSaveCsvButton"));
    m_saveHtmlButton = new QPushButton(tr("Save as &HTML…"), this);
    m_saveHtmlButton->setObjectName(QStringLiteral("groupReportSaveHtmlButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveCsvButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveHtmlButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(m_status->row());
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(1000, 640);

    connect(m_showButton, &QPushButton::clicked, this, &GroupReportDialog::start);
    connect(m_group, &GroupSearchWidget::selectionChanged, this, &GroupReportDialog::updateButtons);
    connect(m_saveCsvButton, &QPushButton::clicked, this, [this] { saveWithDialog(false); });
    connect(m_saveHtmlButton, &QPushButton::clicked, this, [this] { saveWithDialog(true); });
    updateButtons();
}

void GroupReportDialog::ask(const QString &groupId)
{
    m_group->searchEdit()->setText(groupId);
    start();
}

QString GroupReportDialog::statusText() const
{
    return m_status->text();
}

void GroupReportDialog::updateButtons()
{
    m_showButton->setEnabled(m_reports && !m_status->isRunning() && !m_group->selectedGroupId().isEmpty());
    m_showButton->setAccessibleDescription(
        m_group->selectedGroupId().isEmpty() ? tr("Pick a group or paste its object id first.") : QString());
    const bool canSave = m_report.has_value() && !m_status->isRunning();
    m_saveCsvButton->setEnabled(canSave);
    m_saveHtmlButton->setEnabled(canSave);
}

void GroupReportDialog::setBusy(bool busy, const QString &status)
{
    m_group->setEnabled(!busy);
    m_status->setBusy(busy, status);
    updateButtons();
}

void GroupReportDialog::start()
{
    const QString groupId = m_group->selectedGroupId();
    if (!m_reports || m_status->isRunning() || groupId.isEmpty())
        return;
    m_error->dismiss();
    m_tree->clear();
    m_report.reset();
    Operation *running = m_reports->groupReport(groupId, this, [this](const Result<GroupReport> &report) {
        m_status->track(nullptr);
        if (!report)
            return fail(report.error());
        showReport(report.value());
    });
    m_status->track(running);
    m_status->showStatusOf(running);
    setBusy(true, tr("Reading the groups %1 is nested in…").arg(groupId));
}

void GroupReportDialog::fail(const GraphError &error)
{
    QString status = error.kind == GraphError::Kind::Cancelled ? tr("Cancelled; nothing is shown.") : QString();
    if (error.httpStatus == 403)
        status = tr("The report needs GroupMember.Read.All (or Directory.Read.All) and "
                    "DeviceManagementServiceConfig.Read.All.");
    setBusy(false, status);
    if (error.kind != GraphError::Kind::Cancelled)
        m_error->showError(tr("Could not make the group report"), error);
    Q_EMIT reportShown(false);
}

void GroupReportDialog::showReport(const GroupReport &report)
{
    m_report = report;
    m_tree->clear();
    for (const EffectiveTypeResult &t : report.types) {
        auto *type = new QTreeWidgetItem(m_tree);
        type->setText(TypeColumn, t.typeName);
        QFont bold = type->font(TypeColumn);
        bold.setBold(true);
        type->setFont(TypeColumn, bold);
        const EffectiveMatch *gets = t.winner            ? &*t.winner
            : t.defaultApplies && t.defaultConfiguration ? &*t.defaultConfiguration
                                                         : nullptr;
        if (gets) {
            type->setText(ConfigurationColumn, gets->displayName);
            type->setToolTip(ConfigurationColumn, gets->configurationId);
            type->setText(PriorityColumn, t.winner ? QString::number(gets->priority) : tr("Default"));
        }
        type->setText(StandingColumn, GroupReport::winnerText(t));
        type->setToolTip(StandingColumn, type->text(StandingColumn));
        type->setTextAlignment(PriorityColumn, Qt::AlignRight | Qt::AlignVCenter);
        for (const GroupReportRow &r : report.rows) {
            if (r.typeName != t.typeName)
                continue;
            auto *item = new QTreeWidgetItem(type);
            item->setText(ConfigurationColumn, r.configurationName);
            item->setToolTip(ConfigurationColumn, r.configurationId);
            item->setText(PriorityColumn, QString::number(r.priority));
            item->setTextAlignment(PriorityColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(IntentColumn, r.intentText());
            item->setText(ThroughColumn, r.throughText());
            item->setToolTip(ThroughColumn, r.group.id);
            item->setText(FilterColumn, r.filterText());
            item->setToolTip(FilterColumn, r.filterId);
            item->setText(StandingColumn, r.standingText());
        }
    }
    for (const QString &note : report.notes) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(TypeColumn, tr("Note: %1").arg(note));
        item->setToolTip(TypeColumn, note);
        item->setFirstColumnSpanned(true);
    }
    m_tree->expandAll();
    // Sized from the rows, within limits: the type names (bold) whole, the rest gets what is left.
    const int chars = fontMetrics().averageCharWidth();
    const int limits[] = {chars * 40, chars * 30, -1, -1, chars * 34, chars * 24};
    for (int c = TypeColumn; c < StandingColumn; ++c) {
        m_tree->resizeColumnToContents(c);
        if (limits[c] > 0)
            m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c), limits[c]));
    }
    setBusy(false,
        tr("%1: %n assignment(s) name the group or a group it is nested in.", nullptr, int(report.rows.size()))
            .arg(report.groupLabel()));
    Q_EMIT reportShown(true);
}

bool GroupReportDialog::save(const QString &path, const QString &text, QString *problem) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *problem = file.errorString();
        return false;
    }
    return true;
}

bool GroupReportDialog::saveCsv(const QString &path, QString *problem) const
{
    if (!m_report) {
        *problem = tr("There is no report to save yet.");
        return false;
    }
    return save(path, m_report->toCsv(), problem);
}

bool GroupReportDialog::saveHtml(const QString &path, QString *problem) const
{
    if (!m_report) {
        *problem = tr("There is no report to save yet.");
        return false;
    }
    return save(path, m_report->toHtml(), problem);
}

void GroupReportDialog::saveWithDialog(bool html)
{
    if (!m_report)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("group-report-%1-%2.%3")
                             .arg(m_report->groupId.left(8),
                                 m_report->generatedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                 html ? QStringLiteral("html") : QStringLiteral("csv"));
    auto *dialog = new QFileDialog(this,
        html ? tr("Save the group report as HTML") : tr("Save the group report as CSV"), QDir(folder).filePath(name),
        html ? tr("HTML pages (*.html);;All files (*)") : tr("CSV tables (*.csv);;All files (*)"));
    dialog->setObjectName(
        html ? QStringLiteral("groupReportSaveHtmlDialog") : QStringLiteral("groupReportSaveCsvDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(html ? QStringLiteral("html") : QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, [this, html](const QString &path) {
        QString problem;
        if (html ? saveHtml(path, &problem) : saveCsv(path, &problem)) {
            m_status->setText(tr("Saved the report to %1.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, windowTitle(),
            tr("The report could not be saved to %1.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("groupReportSaveError"));
        box->setInformativeText(problem);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    dialog->open();
}

} // namespace ea::ui
