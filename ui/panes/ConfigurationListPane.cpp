#include "ConfigurationListPane.h"

#include "models/ConfigurationTableModel.h"
#include "service/AssignmentService.h"
#include "widgets/ColumnFitter.h"
#include "widgets/Icons.h"
#include "widgets/LineEditActions.h"
#include "widgets/ListTableView.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

namespace {
constexpr int kLoadedMessageMs = 5000;
}

// Built in code rather than a Designer form: beyond four widgets in two rows,
// everything here (the filter's icon and clear button, the column fitting,
// the shortcuts) is set up at run time anyway.
ConfigurationListPane::ConfigurationListPane(AssignmentService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_configurations(new ConfigurationTableModel(this))
    , m_proxy(new ConfigurationFilterModel(this))
{
    setObjectName(QStringLiteral("configurationsPane"));
    m_proxy->setSourceModel(m_configurations);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);

    auto *title = sectionLabel(tr("Enrollment configurations"), this);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("configurationFilterEdit"));
    m_filterEdit->setAccessibleName(tr("Filter configurations"));
    m_filterEdit->setPlaceholderText(
        tr("Filter by name, type or id (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    enableNamedClearButton(m_filterEdit, tr("Clear the filter"));
    // The funnel inside the field: named for screen readers; a click puts the cursor in the field.
    QAction *filterIcon = m_filterEdit->addAction(
        appIcon(QStringLiteral("filter"), QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    nameLineEditAction(m_filterEdit, filterIcon, tr("Filter configurations"));
    connect(filterIcon, &QAction::triggered, this, &ConfigurationListPane::focusFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateStatus();
    });

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("configurationsView"));
    m_view->setAccessibleName(tr("Enrollment configurations"));
    setUpListTableView(m_view);
    m_view->setModel(m_proxy);
    QHeaderView *header = m_view->horizontalHeader();
    // Type, priority and date as wide as they read in this language (the
    // type's limit is set when the list is read); the name takes the rest, and
    // on a narrow pane at least 18 characters: the list then scrolls sideways.
    m_columns = new ColumnFitter(m_view, ConfigurationTableModel::NameColumn, 18);
    m_view->setTextElideMode(Qt::ElideRight);
    // Grouped by type, each type in priority order (the sort key does both).
    header->setSortIndicator(ConfigurationTableModel::TypeColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConfigurationListPane::onSelectionChanged);
    // Down or Return in the filter moves into the list and picks its first
    // row when none is picked, as in the group search.
    auto focusList = [this] {
        if (m_proxy->rowCount() == 0)
            return;
        m_view->setFocus(Qt::TabFocusReason);
        if (!m_view->selectionModel()->hasSelection())
            m_view->selectRow(0);
    };
    connect(m_filterEdit, &QLineEdit::returnPressed, this, focusList);
    new QShortcut(QKeySequence(Qt::Key_Down), m_filterEdit, this, focusList, Qt::WidgetShortcut);

    m_status = new WrappingLabel(this);
    m_status->setObjectName(QStringLiteral("configurationsStatus"));
    m_status->setTextFormat(Qt::PlainText);

    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);

    layout->addWidget(title);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void ConfigurationListPane::reload()
{
    if (!m_service)
        return;
    const quint64 generation = ++m_generation;
    if (m_load)
        m_load->cancel();
    m_state = LoadState::Loading;
    Q_EMIT statusMessage(tr("Loading enrollment configurations…"), 0);
    updateStatus();
    m_load = m_service->listConfigurations(this,
        [this, generation](const Result<QList<EnrollmentConfiguration>> &result) { onLoaded(generation, result); });
    // Throttling waits ("…; retrying in 12 s…") replace the loading message;
    // the status bar's Cancel stops the wait.
    connect(
        m_load, &Operation::statusChanged, this, [this](const QString &status) { Q_EMIT statusMessage(status, 0); });
    Q_EMIT loadingChanged();
}

void ConfigurationListPane::cancelLoad()
{
    if (m_load)
        m_load->cancel();
}

void ConfigurationListPane::onLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result)
{
    if (generation != m_generation)
        return; // a newer load is on its way
    m_load = nullptr;
    Q_EMIT loadingChanged();

    if (!result) {
        m_state = LoadState::Failed;
        if (result.error().kind == GraphError::Kind::Cancelled) {
            Q_EMIT statusMessage(tr("Loading was cancelled. Press Refresh (F5) to load the configurations."), 0);
        } else {
            Q_EMIT statusMessage(QString(), 0);
            Q_EMIT loadFailed(tr("Could not read the enrollment configurations"), result.error());
        }
        updateStatus();
        Q_EMIT loadFinished(false);
        return;
    }

    m_state = LoadState::Loaded;
    fitTypeColumn(result.value());
    m_configurations->setConfigurations(result.value());
    Q_EMIT statusMessage(tr("Enrollment configurations loaded."), kLoadedMessageMs);
    updateStatus();

    // Keep the choice across a reload (read again, so its assignments are
    // read again too); if it is gone, say so by choosing none.
    const QString chosenId = m_currentId;
    const int sourceRow = chosenId.isEmpty() ? -1 : m_configurations->rowOf(chosenId);
    if (sourceRow >= 0) {
        const QModelIndex proxyIndex = m_proxy->mapFromSource(m_configurations->index(sourceRow, 0));
        m_currentId.clear(); // so the (re)selection reports it
        if (proxyIndex.isValid()) {
            m_view->selectRow(proxyIndex.row());
            m_view->scrollTo(proxyIndex);
        }
        if (m_currentId.isEmpty()) { // filtered away: still the chosen one
            m_currentId = chosenId;
            Q_EMIT currentConfigurationChanged(m_configurations->configurationAt(sourceRow));
        }
    } else if (!chosenId.isEmpty()) {
        m_currentId.clear();
        Q_EMIT currentConfigurationChanged(nullptr);
    }
    Q_EMIT loadFinished(true);
}

// A type's name is never cut short, whatever the language; an unknown type's
// raw name ("Other (microsoft.graph.…)") is, past the longest known one (its
// tooltip has it).
void ConfigurationListPane::fitTypeColumn(const QList<EnrollmentConfiguration> &configurations)
{
    int widestKnownType = 0;
    QSet<EnrollmentConfiguration::Kind> kinds;
    for (const EnrollmentConfiguration &c : configurations) {
        const EnrollmentConfiguration::Kind kind = c.kind();
        if (kind != EnrollmentConfiguration::Kind::Unknown && !kinds.contains(kind)) {
            kinds.insert(kind);
            widestKnownType = std::max(widestKnownType, m_view->fontMetrics().horizontalAdvance(c.typeDisplayName()));
        }
    }
    const int cellPadding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) + 4;
    m_columns->setMaximumWidth(ConfigurationTableModel::TypeColumn,
        widestKnownType > 0 ? widestKnownType + cellPadding : m_view->fontMetrics().averageCharWidth() * 30);
}

void ConfigurationListPane::updateStatus()
{
    switch (m_state) {
    case LoadState::None: m_status->clear(); return;
    case LoadState::Loading: m_status->setText(tr("Loading…")); return;
    case LoadState::Failed:
        m_status->setText(
            tr("Could not load the configurations. The message above says why; press Refresh (F5) to try again."));
        return;
    case LoadState::Loaded: break;
    }
    const int total = m_configurations->rowCount();
    int defaults = 0;
    for (const EnrollmentConfiguration &c : m_configurations->configurations())
        defaults += c.isDefault() ? 1 : 0;
    const int shown = m_proxy->rowCount();
    QString text = tr("Configurations: %1 (%2 default)").arg(total).arg(defaults);
    if (shown != total)
        text = tr("Configurations: %1 of %2 shown (%3 default)").arg(shown).arg(total).arg(defaults);
    // Empty states say what to do next.
    if (total == 0)
        text = tr("The tenant has no enrollment configurations. Create one in the Intune admin center "
                  "(Devices > Enrollment), then press Refresh (F5).");
    else if (shown == 0)
        text = tr("No configuration matches “%1”. Clear the filter to see all %2.")
                   .arg(m_filterEdit->text().trimmed())
                   .arg(total);
    m_status->setText(text);
}

void ConfigurationListPane::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return; // filtered away or cleared by a reload: the details stay until something else is chosen
    const QModelIndex source = m_proxy->mapToSource(rows.constFirst());
    const EnrollmentConfiguration *configuration = m_configurations->configurationAt(source.row());
    if (configuration && configuration->id == m_currentId)
        return;
    m_currentId = configuration ? configuration->id : QString();
    Q_EMIT currentConfigurationChanged(configuration);
}

void ConfigurationListPane::setBusy(bool busy)
{
    m_view->setEnabled(!busy);
    m_filterEdit->setEnabled(!busy);
}

void ConfigurationListPane::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

} // namespace ea::ui
