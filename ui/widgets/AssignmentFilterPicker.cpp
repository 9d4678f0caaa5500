#include "widgets/AssignmentFilterPicker.h"

#include "models/DisplayText.h"
#include "service/AssignmentService.h"
#include "widgets/WrappingLabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>

namespace ea::ui {

AssignmentFilterPicker::AssignmentFilterPicker(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_include(new QRadioButton(tr("&Include matching devices"), this))
    , m_exclude(new QRadioButton(tr("E&xclude matching devices"), this))
    , m_modeGroup(new QButtonGroup(this))
    , m_note(new WrappingLabel(this))
    , m_retryButton(new QPushButton(tr("Retry"), this))
{
    setObjectName(QStringLiteral("assignmentFilterPicker"));

    m_combo->setObjectName(QStringLiteral("assignmentFilterCombo"));
    m_combo->setAccessibleName(tr("Assignment filter"));
    m_combo->setToolTip(tr("Narrows the target to the devices an assignment filter matches (beta API)"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(24);

    m_include->setObjectName(QStringLiteral("filterIncludeRadio"));
    m_include->setAccessibleName(tr("Include the devices the filter matches"));
    m_exclude->setObjectName(QStringLiteral("filterExcludeRadio"));
    m_exclude->setAccessibleName(tr("Exclude the devices the filter matches"));
    m_modeGroup->addButton(m_include, int(AssignmentTarget::FilterMode::Include));
    m_modeGroup->addButton(m_exclude, int(AssignmentTarget::FilterMode::Exclude));
    m_include->setChecked(true);

    m_note->setObjectName(QStringLiteral("assignmentFilterNote"));
    m_note->setTextFormat(Qt::PlainText);

    m_retryButton->setObjectName(QStringLiteral("retryFiltersButton"));
    m_retryButton->setAccessibleName(tr("Read the assignment filters again"));
    m_retryButton->hide();

    // One row: label, filter, include/exclude, and a note when there is something to say.
    auto *label = new QLabel(tr("Assignment &filter:"), this);
    label->setBuddy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo, 2);
    layout->addSpacing(6);
    layout->addWidget(m_include);
    layout->addWidget(m_exclude);
    layout->addSpacing(6);
    layout->addWidget(m_note, 3);
    layout->addWidget(m_retryButton);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        updateState();
        Q_EMIT changed();
    });
    connect(m_modeGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked && !filterId().isEmpty())
            Q_EMIT changed();
    });
    connect(m_retryButton, &QPushButton::clicked, this, &AssignmentFilterPicker::ensureLoaded);

    rebuildCombo();
    updateState();
}

AssignmentFilterPicker::~AssignmentFilterPicker()
{
    if (m_load)
        m_load->cancel();
}

void AssignmentFilterPicker::setService(AssignmentService *service)
{
    m_service = service;
    updateState();
}

void AssignmentFilterPicker::setApiVersion(ApiVersion version)
{
    if (m_version == version)
        return;
    const QString before = filterId();
    m_version = version;
    updateState();
    if (m_version == ApiVersion::Beta && m_kind != AssignmentTarget::Kind::Unknown)
        ensureLoaded();
    if (filterId() != before)
        Q_EMIT changed();
}

void AssignmentFilterPicker::setTargetKind(AssignmentTarget::Kind kind)
{
    m_kind = kind;
    updateState();
    // Lazily: the first time a target is being chosen on beta.
    if (m_version == ApiVersion::Beta && m_kind != AssignmentTarget::Kind::Unknown)
        ensureLoaded();
}

void AssignmentFilterPicker::ensureLoaded()
{
    if (m_loaded || m_load || !m_service || m_version != ApiVersion::Beta)
        return;
    m_loadError.clear();
    m_load = m_service->listAssignmentFilters(
        this, [this](const Result<QList<AssignmentFilter>> &result) { onLoaded(result); });
    updateState();
}

void AssignmentFilterPicker::onLoaded(const Result<QList<AssignmentFilter>> &result)
{
    m_load = nullptr;
    if (!result) {
        m_loadError = result.error().kind == GraphError::Kind::Cancelled ? QString() : result.error().summary();
        updateState();
        return;
    }
    // Enrollment configurations take device filters; app filters belong to app policies.
    m_filters.clear();
    for (const AssignmentFilter &f : result.value()) {
        if (f.managementType.isEmpty() || f.managementType == u"devices")
            m_filters.append(f);
    }
    std::sort(m_filters.begin(), m_filters.end(), [](const AssignmentFilter &a, const AssignmentFilter &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    m_loaded = true;
    rebuildCombo();
    updateState();
    Q_EMIT filtersLoaded(result.value());
}

void AssignmentFilterPicker::rebuildCombo()
{
    const QString current = m_combo->currentData().toString();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("No filter"), QString());
    for (const AssignmentFilter &f : std::as_const(m_filters)) {
        // The platform matters (a Windows restriction needs a Windows filter); short here, in full in the tooltip.
        const QString platform = DisplayText::filterPlatform(f.platform, DisplayText::Short);
        m_combo->addItem(platform.isEmpty() ? f.displayName : tr("%1 (%2)").arg(f.displayName, platform), f.id);
        m_combo->setItemData(m_combo->count() - 1,
            tr("%1\nPlatform: %2\nRule: %3\nId: %4")
                .arg(f.displayName, DisplayText::filterPlatform(f.platform), f.rule.isEmpty() ? tr("(none)") : f.rule,
                    f.id),
            Qt::ToolTipRole);
    }
    const int index = m_combo->findData(current);
    m_combo->setCurrentIndex(index >= 0 ? index : 0);
}

bool AssignmentFilterPicker::selectFilter(const QString &filterId, AssignmentTarget::FilterMode mode)
{
    const int index = m_combo->findData(filterId);
    if (index < 0)
        return false;
    if (mode == AssignmentTarget::FilterMode::Exclude)
        m_exclude->setChecked(true);
    else
        m_include->setChecked(true);
    m_combo->setCurrentIndex(index);
    return true;
}

QString AssignmentFilterPicker::filterId() const
{
    if (m_version != ApiVersion::Beta || m_kind == AssignmentTarget::Kind::ExcludeGroup
        || m_kind == AssignmentTarget::Kind::Unknown)
        return {};
    return m_combo->currentData().toString();
}

AssignmentTarget::FilterMode AssignmentFilterPicker::filterMode() const
{
    if (filterId().isEmpty())
        return AssignmentTarget::FilterMode::None;
    return m_exclude->isChecked() ? AssignmentTarget::FilterMode::Exclude : AssignmentTarget::FilterMode::Include;
}

void AssignmentFilterPicker::applyTo(AssignmentTarget &target) const
{
    const QString id = filterId();
    if (!id.isEmpty())
        target.setFilter(id, filterMode());
}

void AssignmentFilterPicker::updateState()
{
    const bool beta = m_version == ApiVersion::Beta;
    const bool kindTakesFilter
        = m_kind != AssignmentTarget::Kind::ExcludeGroup && m_kind != AssignmentTarget::Kind::Unknown;
    const bool usable = beta && m_loaded && kindTakesFilter;
    m_combo->setEnabled(usable);
    // Include/exclude only matter once a filter is chosen; until then they take no room.
    const bool chosen = usable && !m_combo->currentData().toString().isEmpty();
    m_include->setVisible(chosen);
    m_exclude->setVisible(chosen);
    m_retryButton->setVisible(beta && !m_loadError.isEmpty());

    QString note;
    QString noteTip;
    if (!beta) {
        note = tr("Assignment filters need the beta API.");
        noteTip = tr("Switch “Graph API” in the toolbar to beta to narrow a target with a filter. v1.0 rejects "
                     "the filter properties.");
    } else if (m_load) {
        note = tr("Reading the tenant's assignment filters…");
    } else if (!m_loadError.isEmpty()) {
        note = tr("Could not read the assignment filters.");
        noteTip = m_loadError;
    } else if (m_kind == AssignmentTarget::Kind::ExcludeGroup) {
        note = tr("Filters cannot narrow an excluded group.");
    } else if (m_loaded && m_filters.isEmpty()) {
        note = tr("The tenant has no device assignment filters.");
    }
    m_note->setText(note);
    m_note->setToolTip(noteTip);
    m_note->setVisible(!note.isEmpty());
    m_combo->setToolTip(beta ? tr("Narrows the target to the devices an assignment filter matches")
                             : tr("Assignment filters need the beta API"));
}

} // namespace ea::ui
