#include "widgets/EffectiveDialog.h"

#include "service/AssignmentService.h"
#include "widgets/DialogStatus.h"
#include "widgets/ErrorBanner.h"
#include "widgets/LineEditActions.h"
#include "widgets/WrappingLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Column { RoleColumn, ConfigurationColumn, PriorityColumn, WhyColumn, ColumnCount };

QString priorityText(const EffectiveMatch &m)
{
    return m.reason == EffectiveMatch::Reason::Default ? EffectiveDialog::tr("Default") : QString::number(m.priority);
}

} // namespace

EffectiveDialog::EffectiveDialog(AssignmentService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("effectiveDialog"));
    setWindowTitle(tr("Who gets which enrollment configuration"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("For a user or a group: the enrollment configuration of each type that "
                                       "applies and why. The lowest priority number among the configurations "
                                       "that target it wins, an exclusion beats any include, and the default "
                                       "catches everyone else. Nothing is written."),
        this);
    intro->setObjectName(QStringLiteral("effectiveIntro"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("effectiveKind"));
    m_kind->setAccessibleName(tr("User or group"));
    m_kind->addItem(tr("User (name@domain or object id)"), int(Principal::Kind::User));
    m_kind->addItem(tr("Group (object id)"), int(Principal::Kind::Group));
    m_principal = new QLineEdit(this);
    m_principal->setObjectName(QStringLiteral("effectivePrincipal"));
    m_principal->setAccessibleName(tr("User principal name or object id"));
    m_principal->setPlaceholderText(tr("alice@contoso.com"));
    enableNamedClearButton(m_principal, tr("Clear the user or group"));
    m_showButton = new QPushButton(tr("&Show"), this);
    m_showButton->setObjectName(QStringLiteral("effectiveShowButton"));
    m_showButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("effectiveCancelButton"));
    auto *who = new QHBoxLayout;
    who->addWidget(m_kind);
    who->addWidget(m_principal, 1);
    who->addWidget(m_showButton);
    who->addWidget(m_cancelButton);
    auto *form = new QFormLayout;
    auto *whoLabel = new QLabel(tr("&Who:"), this);
    whoLabel->setBuddy(m_principal);
    form->addRow(whoLabel, who);

    m_status = new DialogStatus(this, QStringLiteral("effective"), tr("Enter a user or a group, then press Show."));
    m_status->addBusyBar(tr("Reading"));
    m_status->setCancelButton(m_cancelButton);

    m_error = new ErrorBanner(this);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("effectiveTree"));
    m_tree->setAccessibleName(tr("Enrollment configurations by type"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Type / role"), tr("Configuration"), tr("Priority"), tr("Why")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(m_status->row());
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(900, 560);

    connect(m_showButton, &QPushButton::clicked, this, &EffectiveDialog::start);
    connect(m_principal, &QLineEdit::returnPressed, this, &EffectiveDialog::start);
    connect(m_principal, &QLineEdit::textChanged, this, &EffectiveDialog::updateShowButton);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EffectiveDialog::updateShowButton);
    updateShowButton();
}

void EffectiveDialog::ask(Principal::Kind kind, const QString &idOrUpn)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_principal->setText(idOrUpn);
    start();
}

QString EffectiveDialog::statusText() const
{
    return m_status->text();
}

void EffectiveDialog::updateShowButton()
{
    const auto kind = Principal::Kind(m_kind->currentData().toInt());
    const QString problem = m_principal->text().trimmed().isEmpty()
        ? QString()
        : AssignmentService::principalProblem(kind, m_principal->text().trimmed());
    m_showButton->setEnabled(
        m_service && !m_status->isRunning() && !m_principal->text().trimmed().isEmpty() && problem.isEmpty());
    // Why Show is unavailable, where a screen reader finds it.
    m_showButton->setAccessibleDescription(problem);
    if (!problem.isEmpty() && !m_status->isRunning())
        m_status->setText(problem);
}

void EffectiveDialog::setBusy(bool busy, const QString &status)
{
    m_kind->setEnabled(!busy);
    m_principal->setReadOnly(busy);
    m_status->setBusy(busy, status);
    updateShowButton();
}

void EffectiveDialog::start()
{
    const auto kind = Principal::Kind(m_kind->currentData().toInt());
    const QString principal = m_principal->text().trimmed();
    if (!m_service || m_status->isRunning() || principal.isEmpty())
        return;
    const QString problem = AssignmentService::principalProblem(kind, principal);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_error->dismiss();
    m_tree->clear();
    m_status->track(
        m_service->readPrincipal(kind, principal, this, [this, principal](const Result<PrincipalRead> &groups) {
            m_status->track(nullptr);
            if (!groups) {
                fail(tr("Could not read the groups of %1").arg(principal), groups.error(), true);
                return;
            }
            const PrincipalRead read = groups.value();
            const int groupCount = int(read.objects.size());
            m_status->track(m_service->listConfigurationsWithAssignments(
                this, [this, read, groupCount](const Result<Listing<EnrollmentConfiguration>> &configurations) {
                    m_status->track(nullptr);
                    if (!configurations) {
                        fail(tr("Could not read the enrollment configurations with their assignments"),
                            configurations.error(), false);
                        return;
                    }
                    const QList<EnrollmentConfiguration> items = configurations.value().items;
                    const QList<EffectiveTypeResult> results = EffectiveConfiguration::resolve(items, read.principal);
                    // A third, small read only where the answer depends on a filter: its name says more than its id.
                    m_status->track(m_service->readFilterNames(EffectiveConfiguration::filterIds(results), this,
                        [this, read, groupCount, items, results](const Result<QHash<QString, QString>> &names) {
                            m_status->track(nullptr);
                            QList<EffectiveTypeResult> named = results;
                            if (names)
                                EffectiveConfiguration::nameFilters(named, names.value());
                            showAnswer(read.principal, groupCount, int(items.size()), named,
                                names ? QString() : names.error().summary());
                        }));
                    if (m_status->isRunning())
                        setBusy(true, tr("Reading the names of the assignment filters…"));
                }));
            setBusy(true, tr("Reading every enrollment configuration with its assignments…"));
        }));
    setBusy(true, tr("Reading the groups of %1…").arg(principal));
}

void EffectiveDialog::fail(const QString &what, const GraphError &error, bool readingGroups)
{
    QString status = error.kind == GraphError::Kind::Cancelled ? tr("Cancelled; nothing is shown.") : QString();
    if (error.httpStatus == 403 && readingGroups)
        status = tr("Reading group memberships needs GroupMember.Read.All or Directory.Read.All.");
    setBusy(false, status);
    if (error.kind != GraphError::Kind::Cancelled)
        m_error->showError(what, error);
    Q_EMIT finished(false);
}

QTreeWidgetItem *EffectiveDialog::addRow(
    QTreeWidgetItem *parent, const QString &role, const EffectiveMatch &match, const QString &why) const
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(RoleColumn, role);
    item->setText(ConfigurationColumn, match.displayName);
    item->setToolTip(ConfigurationColumn, match.configurationId);
    item->setText(PriorityColumn, priorityText(match));
    item->setTextAlignment(PriorityColumn, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(WhyColumn, why);
    item->setToolTip(WhyColumn, why);
    return item;
}

void EffectiveDialog::showAnswer(const Principal &principal, int groupCount, int configurationCount,
    const QList<EffectiveTypeResult> &results, const QString &filterReadProblem)
{
    m_tree->clear();
    for (const EffectiveTypeResult &r : results) {
        auto *type = new QTreeWidgetItem(m_tree);
        type->setText(RoleColumn, r.typeName);
        QFont bold = type->font(RoleColumn);
        bold.setBold(true);
        type->setFont(RoleColumn, bold);
        if (r.winner) {
            type->setText(ConfigurationColumn, r.winner->displayName);
            type->setToolTip(ConfigurationColumn, r.winner->configurationId);
            type->setText(PriorityColumn, priorityText(*r.winner));
            type->setText(WhyColumn, r.winner->describe());
        } else if (r.defaultApplies && r.defaultConfiguration) {
            type->setText(ConfigurationColumn, r.defaultConfiguration->displayName);
            type->setToolTip(ConfigurationColumn, r.defaultConfiguration->configurationId);
            type->setText(PriorityColumn, tr("Default"));
            type->setText(WhyColumn, tr("the default: nothing else targets it"));
        } else {
            type->setText(WhyColumn, tr("nothing of this type (none targets it and the tenant lists no default)"));
        }
        type->setToolTip(WhyColumn, type->text(WhyColumn));
        type->setTextAlignment(PriorityColumn, Qt::AlignRight | Qt::AlignVCenter);
        for (const EffectiveMatch &m : r.tiedWithWinner)
            addRow(type, tr("Tied"), m, tr("same priority as the winner: %1").arg(m.describe()));
        for (const EffectiveMatch &m : r.lowerRanked)
            addRow(type, tr("Also targets"), m, m.describe());
        for (const EffectiveMatch &m : r.excluded)
            addRow(type, tr("Excluded"), m, tr("excluded by %1").arg(m.describe()));
        if (r.defaultConfiguration && !r.defaultApplies)
            addRow(type, tr("Default"), *r.defaultConfiguration, tr("for everyone nothing above applies to"));
        for (const QString &note : r.notes) {
            // A sentence, not a configuration: across the whole row.
            auto *item = new QTreeWidgetItem(type);
            item->setText(RoleColumn, tr("Note: %1").arg(note));
            item->setToolTip(RoleColumn, note);
            item->setFirstColumnSpanned(true);
        }
    }
    m_tree->expandAll();
    // Sized from the rows, within limits: the notes span the row and would
    // make the first column as wide as a sentence; the rest goes to Why.
    const int limits[] = {fontMetrics().averageCharWidth() * 40, fontMetrics().averageCharWidth() * 36, -1};
    for (int c = RoleColumn; c < WhyColumn; ++c) {
        m_tree->resizeColumnToContents(c);
        if (limits[c] > 0)
            m_tree->setColumnWidth(c, std::min(m_tree->columnWidth(c), limits[c]));
    }
    const QString who
        = principal.kind == Principal::Kind::User ? tr("user %1").arg(principal.id) : tr("group %1").arg(principal.id);
    QString status = tr("%1: member of %n group(s), nested ones included; %2 configurations read.", nullptr, groupCount)
                         .arg(who)
                         .arg(configurationCount);
    if (!filterReadProblem.isEmpty())
        status += u' '
            + tr("The assignment filters could not be read, so they are named by id (%1).").arg(filterReadProblem);
    setBusy(false, status);
    Q_EMIT finished(true);
}

} // namespace ea::ui
