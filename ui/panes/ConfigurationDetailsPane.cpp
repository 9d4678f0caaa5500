#include "ConfigurationDetailsPane.h"

#include "Theme.h"
#include "controllers/WriteController.h"
#include "models/AssignmentTableModel.h"
#include "models/DisplayText.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"
#include "widgets/ColumnFitter.h"
#include "widgets/ListTableView.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

// Built in code rather than a Designer form: the title's font, the guidance's
// themed style, the table's row-count heights and its column fitting are all
// computed at run time; a form would hold little more than the order.
ConfigurationDetailsPane::ConfigurationDetailsPane(
    AssignmentService *service, GroupDirectory *groups, WriteController *writes, QAction *removeAction, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_groups(groups)
    , m_writes(writes)
    , m_removeAction(removeAction)
    , m_assignments(new AssignmentTableModel(this))
{
    setObjectName(QStringLiteral("configurationDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new WrappingLabel(this);
    m_title->setObjectName(QStringLiteral("configurationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);

    m_facts = new WrappingLabel(this);
    m_facts->setObjectName(QStringLiteral("configurationFacts"));
    m_facts->setTextFormat(Qt::PlainText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_guidance = new WrappingLabel(this);
    m_guidance->setObjectName(QStringLiteral("guidanceLabel"));
    m_guidance->setTextFormat(Qt::PlainText);
    theme::onSchemeChange(m_guidance, [this] {
        m_guidance->setStyleSheet(theme::calloutStyleSheet(QStringLiteral("QLabel#guidanceLabel"), theme::Tone::Info));
    });

    // Its current assignments.
    auto *assignmentsTitle = sectionLabel(tr("Current assignments"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("assignmentsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_removeButton = new QPushButton(m_removeAction->icon(), tr("Remove assignment…"), this);
    m_removeButton->setObjectName(QStringLiteral("removeAssignmentButton"));
    m_removeButton->setAccessibleName(tr("Remove the selected assignment"));
    connect(m_removeButton, &QPushButton::clicked, this, &ConfigurationDetailsPane::removeSelected);
    auto *header = new QHBoxLayout;
    header->addWidget(assignmentsTitle);
    header->addWidget(m_status, 1);
    header->addWidget(m_removeButton);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("assignmentsView"));
    m_view->setAccessibleName(tr("Current assignments"));
    setUpListTableView(m_view);
    m_view->setModel(m_assignments);
    // The group's name takes the room; on a narrow pane the ids (elided in
    // the middle, whole in the tooltip), the filter and the source give way first.
    m_columns = new ColumnFitter(m_view, AssignmentTableModel::NameColumn, 16);
    m_columns->setMaximumChars(AssignmentTableModel::AssignmentIdColumn, 32);
    m_columns->setMaximumChars(AssignmentTableModel::FilterColumn, 30);
    m_columns->setShrinkable(AssignmentTableModel::SubjectColumn, 14);
    m_columns->setShrinkable(AssignmentTableModel::AssignmentIdColumn, 14);
    m_columns->setShrinkable(AssignmentTableModel::FilterColumn, 14);
    m_columns->setShrinkable(AssignmentTableModel::SourceColumn, 10);
    m_view->setMinimumHeight(tableHeightForRows(m_view, 3));
    m_view->setMaximumHeight(tableHeightForRows(m_view, 5));
    // Right-click and the Delete key remove the selected assignment (after asking).
    m_view->addAction(m_removeAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConfigurationDetailsPane::updateRemoveState);
    connect(m_assignments, &QAbstractItemModel::modelReset, this, &ConfigurationDetailsPane::updateRemoveState);

    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_guidance);
    layout->addLayout(header);
    layout->addWidget(m_view);

    connect(m_writes, &WriteController::busyChanged, this, &ConfigurationDetailsPane::updateRemoveState);
    connect(m_writes, &WriteController::finished, this, &ConfigurationDetailsPane::onWriteFinished);
    updateRemoveState();
}

const QList<Assignment> &ConfigurationDetailsPane::assignments() const
{
    return m_assignments->assignments();
}

void ConfigurationDetailsPane::showConfiguration(const EnrollmentConfiguration *configuration)
{
    cancelLoads();
    ++m_generation;
    m_assignments->clear();

    if (!configuration) {
        m_configuration.reset();
        m_state = LoadState::None;
        m_title->setText(m_service ? tr("No configuration selected") : tr("Not signed in"));
        m_facts->setText(tr("Select an enrollment configuration on the left to see its assignments "
                            "and assign it."));
        m_guidance->hide();
        m_status->clear();
        Q_EMIT assignmentsStateChanged();
        return;
    }

    m_configuration = *configuration;
    m_title->setText(configuration->displayName);
    QStringList facts {configuration->typeDisplayName()};
    facts << (configuration->isDefault() ? tr("Default policy") : tr("Priority %1").arg(configuration->priority));
    if (configuration->lastModifiedDateTime.isValid())
        facts << tr("Modified %1")
                     .arg(QLocale().toString(configuration->lastModifiedDateTime.toLocalTime(), QLocale::ShortFormat));
    facts << tr("Id %1").arg(configuration->id);
    m_facts->setText(facts.join(QStringLiteral("  ·  ")));
    const QString guidance = configuration->assignmentGuidance();
    m_guidance->setText(guidance);
    m_guidance->setVisible(!guidance.isEmpty());
    reloadAssignments();
}

void ConfigurationDetailsPane::cancelLoad()
{
    if (m_load)
        m_load->cancel();
}

void ConfigurationDetailsPane::cancelLoads()
{
    cancelLoad();
    if (m_namesLoad)
        m_namesLoad->cancel();
}

void ConfigurationDetailsPane::reloadAssignments()
{
    if (!m_service || !m_configuration)
        return;
    if (m_load)
        m_load->cancel();
    const quint64 generation = ++m_generation;
    m_state = LoadState::Loading;
    m_status->setText(tr("Reading…"));
    Q_EMIT assignmentsStateChanged();
    m_load = m_service->listAssignments(m_configuration->id, this,
        [this, generation](const Result<QList<Assignment>> &result) { onAssignmentsLoaded(generation, result); });
    connect(m_load, &Operation::statusChanged, m_status, &QLabel::setText);
    // Also when it is cancelled by a new selection (its answer is then ignored).
    connect(m_load, &QObject::destroyed, this, &ConfigurationDetailsPane::loadingChanged);
    Q_EMIT loadingChanged();
}

void ConfigurationDetailsPane::onAssignmentsLoaded(quint64 generation, const Result<QList<Assignment>> &result)
{
    if (generation != m_generation)
        return; // for a configuration that is no longer selected
    m_load = nullptr;
    Q_EMIT loadingChanged();
    if (!result) {
        m_state = LoadState::Failed;
        m_status->setText(tr("could not be read"));
        if (result.error().kind != GraphError::Kind::Cancelled)
            Q_EMIT loadFailed(
                tr("Could not read the assignments of “%1”").arg(m_configuration->displayName), result.error());
        Q_EMIT assignmentsStateChanged();
        Q_EMIT assignmentsLoadFinished(false);
        return;
    }
    m_state = LoadState::Loaded;
    m_assignments->setAssignments(result.value());
    // A default policy cannot take assignments: never invite one.
    m_status->setText(!result.value().isEmpty()               ? tr("(%1)").arg(result.value().size())
            : m_configuration && m_configuration->isDefault() ? tr("none: a default policy applies to everyone")
                                                              : tr("none yet: choose a target below and press Assign"));
    resolveGroupNames();
    // Filter names for the filter column: the same one read the picker needs.
    if (!m_assignments->filterIds().isEmpty())
        Q_EMIT filterNamesWanted();
    Q_EMIT assignmentsStateChanged();
    Q_EMIT assignmentsLoadFinished(true);
}

void ConfigurationDetailsPane::resolveGroupNames()
{
    const QStringList ids = m_assignments->groupIds();
    if (!m_groups || ids.isEmpty())
        return;
    if (m_namesLoad)
        m_namesLoad->cancel();
    const quint64 generation = m_generation;
    // Names are a convenience: a failure leaves the ids, which are always shown.
    m_namesLoad = m_groups->resolve(ids, this, [this, generation, ids](const Result<QHash<QString, GroupName>> &r) {
        if (generation != m_generation)
            return;
        m_namesLoad = nullptr;
        // The lookup failed: still show the names this session already knows (from searches).
        m_assignments->setGroupNames(r ? r.value() : knownGroupNames(m_groups, ids));
    });
}

void ConfigurationDetailsPane::setFilterNames(const QHash<QString, QString> &names)
{
    m_assignments->setFilterNames(names);
}

void ConfigurationDetailsPane::setApiVersion(ApiVersion version)
{
    // On beta the ids give the filter and source room when the pane is narrow (ColumnFitter).
    const bool beta = version == ApiVersion::Beta;
    m_columns->setColumnHidden(AssignmentTableModel::FilterColumn, !beta);
    m_columns->setColumnHidden(AssignmentTableModel::SourceColumn, !beta);
    m_columns->refit();
}

// --- remove ----------------------------------------------------------------------

QString ConfigurationDetailsPane::removeProblem() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const Assignment *a = rows.isEmpty() ? nullptr : m_assignments->assignmentAt(rows.constFirst().row());
    if (!m_service)
        return tr("Not signed in.");
    if (m_writes->isBusy())
        return tr("Wait for the running write to finish.");
    if (!m_configuration)
        return tr("Select an enrollment configuration on the left.");
    if (m_configuration->isDefault())
        return tr("“%1” is a default policy; its assignments cannot be changed.").arg(m_configuration->displayName);
    if (m_state != LoadState::Loaded)
        return tr("Wait for the current assignments to be read.");
    if (!a)
        return tr("Select an assignment in the list to remove it.");
    if (a->source == u"policySets")
        return tr("This assignment comes from a policy set: change it in the policy set in the Intune admin center.");
    if (a->id.isEmpty())
        return tr("Graph returned this assignment without an id, so it cannot be removed here.");
    return {};
}

void ConfigurationDetailsPane::updateRemoveState()
{
    const QString problem = removeProblem();
    m_removeAction->setEnabled(problem.isEmpty());
    m_removeButton->setEnabled(problem.isEmpty());
    m_removeButton->setToolTip(problem.isEmpty()
            ? tr("Remove the selected assignment, after a confirmation (%1)")
                  .arg(m_removeAction->shortcut().toString(QKeySequence::NativeText))
            : problem);
}

void ConfigurationDetailsPane::removeSelected()
{
    if (!removeProblem().isEmpty())
        return;
    const Assignment &assignment
        = *m_assignments->assignmentAt(m_view->selectionModel()->selectedRows().constFirst().row());
    const GroupName *group = m_assignments->groupNameOf(assignment.target);
    m_writes->remove(*m_configuration, assignment,
        DisplayText::targetInSentence(
            assignment.target, group ? group->displayName : QString(), group && group->deleted));
}

void ConfigurationDetailsPane::onWriteFinished(const WriteOutcome &outcome)
{
    // Whatever happened, show the configuration's real state.
    if (m_configuration && m_configuration->id == outcome.task.configurationId)
        reloadAssignments();
}

} // namespace ea::ui
