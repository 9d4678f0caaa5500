#include "widgets/CopyDialog.h"

#include "domain/InputFile.h"
#include "domain/ODataType.h"
#include "service/AssignmentService.h"
#include "service/Operation.h"
#include "widgets/PlanRunView.h"
#include "widgets/WrappingLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

QString itemText(const QString &name, const QString &typeName, qsizetype assignments)
{
    return CopyDialog::tr("%1 — %2 (%n assignment(s))", nullptr, int(assignments)).arg(name, typeName);
}

bool selectById(QComboBox *box, const QString &id)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i).toString().compare(id, Qt::CaseInsensitive) == 0) {
            box->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

} // namespace

CopyDialog::CopyDialog(AssignmentService *service, const QString &sourceId, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_preferredSourceId(sourceId)
{
    setObjectName(QStringLiteral("copyDialog"));
    setWindowTitle(tr("Copy assignments"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(
        tr("Copies the assignments of one configuration to another of the same type: from this tenant, or from an "
           "export file another tenant profile wrote (the command line's export). Across tenants each group is "
           "matched by a group map file or by its display name (exactly one group of that name); what cannot be "
           "carried over is listed and left out, never created. Nothing is sent before you press Apply."),
        this);
    intro->setObjectName(QStringLiteral("copyIntro"));

    m_sourceBox = new QGroupBox(tr("Copy from"), this);
    m_fromTenant = new QRadioButton(tr("A configuration in &this tenant"), m_sourceBox);
    m_fromTenant->setObjectName(QStringLiteral("copyFromTenant"));
    m_fromTenant->setChecked(true);
    m_tenantSource = new QComboBox(m_sourceBox);
    m_tenantSource->setObjectName(QStringLiteral("copyTenantSource"));
    m_tenantSource->setAccessibleName(tr("Source configuration in this tenant"));
    m_fromFile = new QRadioButton(tr("A configuration in an &export file (another tenant's)"), m_sourceBox);
    m_fromFile->setObjectName(QStringLiteral("copyFromFile"));
    m_filePath = new QLabel(tr("No file opened."), m_sourceBox);
    m_filePath->setObjectName(QStringLiteral("copyFilePath"));
    m_filePath->setTextFormat(Qt::PlainText);
    m_filePath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileButton = new QPushButton(tr("&Open export file…"), m_sourceBox);
    m_fileButton->setObjectName(QStringLiteral("copyFileButton"));
    m_fileSource = new QComboBox(m_sourceBox);
    m_fileSource->setObjectName(QStringLiteral("copyFileSource"));
    m_fileSource->setAccessibleName(tr("Source configuration in the export file"));
    m_mapPath = new QLabel(tr("No group map: groups are matched by display name."), m_sourceBox);
    m_mapPath->setObjectName(QStringLiteral("copyMapPath"));
    m_mapPath->setTextFormat(Qt::PlainText);
    m_mapPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_mapButton = new QPushButton(tr("Group &map…"), m_sourceBox);
    m_mapButton->setObjectName(QStringLiteral("copyMapButton"));
    m_mapButton->setToolTip(tr("A CSV file with SOURCE_GROUP_ID,TARGET_GROUP_ID per line, for groups whose names "
                               "differ between the tenants"));
    m_clearMapButton = new QPushButton(tr("C&lear map"), m_sourceBox);
    m_clearMapButton->setObjectName(QStringLiteral("copyClearMapButton"));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(m_fileButton);
    auto *mapRow = new QHBoxLayout;
    mapRow->addWidget(m_mapPath, 1);
    mapRow->addWidget(m_mapButton);
    mapRow->addWidget(m_clearMapButton);
    auto *sourceLayout = new QFormLayout(m_sourceBox);
    sourceLayout->addRow(m_fromTenant);
    sourceLayout->addRow(tr("Configuration:"), m_tenantSource);
    sourceLayout->addRow(m_fromFile);
    sourceLayout->addRow(tr("File:"), fileRow);
    sourceLayout->addRow(tr("Configuration:"), m_fileSource);
    sourceLayout->addRow(tr("Groups:"), mapRow);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("copyTarget"));
    m_target->setAccessibleName(tr("Target configuration"));
    m_planButton = new QPushButton(tr("&Plan the copy"), this);
    m_planButton->setObjectName(QStringLiteral("copyPlanButton"));
    m_planButton->setToolTip(tr("Reads the tenant and shows what the copy writes; sends nothing"));
    auto *targetLabel = new QLabel(tr("Copy &to:"), this);
    targetLabel->setBuddy(m_target);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_planButton);

    m_view = new PlanRunView(service, QStringLiteral("copy"), this);
    m_view->setHints(tr("Choose other configurations, or plan the copy again."),
        tr("Plan the copy again to finish it: only what is still missing is written."));
    m_view->diffTree()->setAccessibleName(tr("What the copy writes, and what it leaves out"));
    // A copy's rows come from no file: the first column only holds the configurations.
    m_view->diffTree()->headerItem()->setText(0, tr("Configuration"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_view->applyButton(), QDialogButtonBox::ActionRole);
    buttons->addButton(m_view->cancelButton(), QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("copyCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_sourceBox);
    layout->addLayout(targetRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 680);

    connect(m_fromTenant, &QRadioButton::toggled, this, [this] {
        fillTargets();
        updateState();
    });
    connect(m_tenantSource, &QComboBox::currentIndexChanged, this, &CopyDialog::fillTargets);
    connect(m_fileSource, &QComboBox::currentIndexChanged, this, &CopyDialog::fillTargets);
    connect(m_target, &QComboBox::currentIndexChanged, this, &CopyDialog::invalidatePlan);
    connect(m_fileButton, &QPushButton::clicked, this, &CopyDialog::chooseExport);
    connect(m_mapButton, &QPushButton::clicked, this, &CopyDialog::chooseGroupMap);
    connect(m_clearMapButton, &QPushButton::clicked, this, [this] {
        m_groupMap.clear();
        m_mapPath->setText(tr("No group map: groups are matched by display name."));
        invalidatePlan();
        updateState();
    });
    connect(m_planButton, &QPushButton::clicked, this, &CopyDialog::plan);
    connect(m_view, &PlanRunView::busyChanged, this, &CopyDialog::updateState);
    connect(m_view, &PlanRunView::diffShown, this, &CopyDialog::planShown);
    connect(m_view, &PlanRunView::runFinished, this, &CopyDialog::runFinished);

    loadConfigurations();
}

CopyDialog::~CopyDialog() = default;

void CopyDialog::setGroupDirectory(GroupDirectory *groups)
{
    m_view->setGroupDirectory(groups);
}

QString CopyDialog::statusText() const
{
    return m_view->statusText();
}

bool CopyDialog::isBusy() const
{
    return m_reading || m_view->isBusy();
}

void CopyDialog::reject()
{
    // Closing while writes run would leave them unseen: cancel first, close once they ended.
    if (m_view->isRunning()) {
        m_view->cancel();
        return;
    }
    if (m_reading)
        m_reading->cancel();
    QDialog::reject();
}

void CopyDialog::loadConfigurations()
{
    m_view->reset(tr("Reading the configurations of this tenant…"));
    // On beta, as the copy itself reads: the counts shown are the ones it copies.
    m_reading = m_service->listConfigurationsWithAssignments(
        this,
        [this](const Result<Listing<EnrollmentConfiguration>> &r) {
            m_reading = nullptr;
            if (!r) {
                m_view->showError(tr("Could not read the configurations"), r.error(),
                    tr("Close the dialog and open it again to retry."));
                updateState();
                Q_EMIT configurationsLoaded(false);
                return;
            }
            m_configurations = r.value().items;
            fillSources();
            chooseSource(m_preferredSourceId);
            m_view->reset(tr("Choose the source and the target, then plan the copy."));
            updateState();
            Q_EMIT configurationsLoaded(true);
        },
        ApiVersion::Beta);
    updateState();
}

void CopyDialog::fillSources()
{
    const QSignalBlocker blocker(m_tenantSource);
    m_tenantSource->clear();
    for (const EnrollmentConfiguration &c : std::as_const(m_configurations)) {
        // A default policy applies to everyone and has no assignments to copy.
        if (!c.isDefault())
            m_tenantSource->addItem(itemText(c.displayName, c.typeDisplayName(), c.assignments.size()), c.id);
    }
    fillTargets();
}

bool CopyDialog::chooseSource(const QString &id)
{
    QComboBox *box = m_fromFile->isChecked() ? m_fileSource : m_tenantSource;
    return !id.isEmpty() && selectById(box, id);
}

bool CopyDialog::chooseTarget(const QString &id)
{
    return selectById(m_target, id);
}

QString CopyDialog::sourceType() const
{
    if (m_fromFile->isChecked()) {
        if (!m_file || m_fileSource->currentIndex() < 0)
            return {};
        return odata::normalizedType(
            m_file->configurations.at(m_fileSource->currentData(Qt::UserRole + 1).toInt()).odataType);
    }
    const QString id = m_tenantSource->currentData().toString();
    for (const EnrollmentConfiguration &c : m_configurations) {
        if (c.id == id)
            return c.odataType;
    }
    return {};
}

QString CopyDialog::sourceName() const
{
    if (m_fromFile->isChecked() && m_file && m_fileSource->currentIndex() >= 0)
        return m_file->configurations.at(m_fileSource->currentData(Qt::UserRole + 1).toInt()).displayName;
    return {};
}

void CopyDialog::fillTargets()
{
    const QString type = sourceType();
    const QString sourceId = m_fromFile->isChecked() ? QString() : m_tenantSource->currentData().toString();
    const QString previous = m_target->currentData().toString();
    {
        const QSignalBlocker blocker(m_target);
        m_target->clear();
        // Only what can take the copy: the source's type, not a default, not the source itself.
        for (const EnrollmentConfiguration &c : std::as_const(m_configurations)) {
            if (c.odataType == type && !c.isDefault() && c.id != sourceId)
                m_target->addItem(itemText(c.displayName, c.typeDisplayName(), c.assignments.size()), c.id);
        }
        // From another tenant, the configuration of the same name is the likely target.
        bool chosen = selectById(m_target, previous);
        if (!chosen && !sourceName().isEmpty()) {
            for (const EnrollmentConfiguration &c : std::as_const(m_configurations)) {
                if (c.odataType == type && c.displayName == sourceName() && selectById(m_target, c.id))
                    break;
            }
        }
    }
    invalidatePlan();
    updateState();
}

void CopyDialog::chooseExport()
{
    // Not the static helper: its nested event loop would hold the window's calls.
    auto *picker = new QFileDialog(this, tr("Open an export file"), QString(), tr("Exports (*.json);;All files (*)"));
    picker->setObjectName(QStringLiteral("copyExportFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    connect(picker, &QFileDialog::fileSelected, this, &CopyDialog::openExport);
    picker->open();
}

void CopyDialog::openExport(const QString &path)
{
    if (isBusy())
        return;
    m_fromFile->setChecked(true);
    QString problem;
    std::optional<TenantExport> file = InputFile::readExport(QDir::toNativeSeparators(path), &problem);
    if (!file) {
        m_view->reset(problem);
        return;
    }
    m_file = std::move(file);
    m_filePath->setText(QDir::toNativeSeparators(path));
    {
        const QSignalBlocker blocker(m_fileSource);
        m_fileSource->clear();
        for (int i = 0; i < m_file->configurations.size(); ++i) {
            const ExportedConfiguration &c = m_file->configurations.at(i);
            if (c.isDefault)
                continue;
            EnrollmentConfiguration typed;
            typed.odataType = odata::normalizedType(c.odataType);
            m_fileSource->addItem(itemText(c.displayName, typed.typeDisplayName(), c.assignments.size()), c.id);
            // The export's configuration, by index: ids may repeat across exports, not within one.
            m_fileSource->setItemData(m_fileSource->count() - 1, i, Qt::UserRole + 1);
        }
    }
    fillTargets();
    m_view->reset(m_fileSource->count() == 0
            ? tr("The export has no configuration that takes assignments.")
            : tr("Choose the configuration of the export and the one here to copy to, then plan the copy."));
}

void CopyDialog::chooseGroupMap()
{
    auto *picker = new QFileDialog(this, tr("Choose a group map"), QString(), tr("Group maps (*.csv);;All files (*)"));
    picker->setObjectName(QStringLiteral("copyGroupMapFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    connect(picker, &QFileDialog::fileSelected, this, &CopyDialog::openGroupMap);
    picker->open();
}

void CopyDialog::openGroupMap(const QString &path)
{
    if (isBusy())
        return;
    QString problem;
    const std::optional<QByteArray> bytes
        = InputFile::read(QDir::toNativeSeparators(path), InputFile::tr("The group map"), &problem);
    if (!bytes) {
        m_view->reset(problem);
        return;
    }
    QList<PlanProblem> problems;
    const QHash<QString, QString> map = CopyPlan::parseGroupMap(*bytes, &problems);
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const PlanProblem &p : std::as_const(problems))
            lines.append(p.text());
        m_view->reset(tr("The group map %1 cannot be used; it was not loaded:").arg(QDir::toNativeSeparators(path))
            + u'\n' + lines.join(u'\n'));
        return;
    }
    m_groupMap = map;
    m_mapPath->setText(tr("%1 (%n group(s) mapped; others by display name)", nullptr, int(map.size()))
                           .arg(QDir::toNativeSeparators(path)));
    invalidatePlan();
    updateState();
}

void CopyDialog::invalidatePlan()
{
    // A plan shown for other choices must not be applied to these.
    if (!isBusy())
        m_view->reset(m_target->count() == 0 && (m_fromTenant->isChecked() || m_file)
                ? tr("No configuration here is of the source's type and takes assignments: nothing to copy to.")
                : tr("Plan the copy to see what it writes."));
}

void CopyDialog::updateState()
{
    const bool busy = isBusy();
    const bool fromFile = m_fromFile->isChecked();
    m_sourceBox->setEnabled(!busy);
    m_tenantSource->setEnabled(!fromFile);
    m_fileButton->setEnabled(fromFile);
    m_fileSource->setEnabled(fromFile && m_file);
    m_mapButton->setEnabled(fromFile);
    m_clearMapButton->setEnabled(fromFile && !m_groupMap.isEmpty());
    m_target->setEnabled(!busy);
    const QComboBox *source = fromFile ? m_fileSource : m_tenantSource;
    m_planButton->setEnabled(!busy && source->currentIndex() >= 0 && m_target->currentIndex() >= 0);
}

void CopyDialog::plan()
{
    if (isBusy() || !m_planButton->isEnabled())
        return;
    CopyRequest request;
    request.targetId = m_target->currentData().toString();
    if (m_fromFile->isChecked()) {
        request.sourceId = m_fileSource->currentData().toString();
        request.file = m_file;
        request.groupMap = m_groupMap;
    } else {
        request.sourceId = m_tenantSource->currentData().toString();
    }
    if (const QString problem = request.problem(); !problem.isEmpty()) {
        m_view->reset(problem);
        return;
    }
    m_view->reset(tr("Reading every configuration with its assignments…"));
    m_reading = m_service->planCopy(request, this, [this](const Result<PlannedCopy> &r) {
        m_reading = nullptr;
        updateState();
        if (!r) {
            m_view->showError(tr("Could not plan the copy"), r.error(), tr("Nothing was sent."));
            Q_EMIT planShown(false);
            return;
        }
        const PlannedCopy &copy = r.value();
        if (!copy.ends.problem.isEmpty()) {
            m_view->reset(copy.ends.problem + u' ' + tr("Nothing was sent."));
            Q_EMIT planShown(false);
            return;
        }
        if (copy.plan.rows.isEmpty()) {
            m_view->showNothingToDo(copy.plan.skipped,
                tr("Nothing to copy: “%1” has no assignment that can be carried over.").arg(copy.ends.sourceName));
            Q_EMIT planShown(false);
            return;
        }
        m_view->readDiff(copy.plan.rows, copy.plan.skipped);
    });
    connect(m_reading, &Operation::statusChanged, m_view, &PlanRunView::reset);
    updateState();
}

} // namespace ea::ui
