#include "widgets/TargetPicker.h"

#include "Theme.h"
#include "widgets/AssignmentFilterPicker.h"
#include "widgets/CollectionIdValidator.h"
#include "widgets/GroupSearchWidget.h"
#include "widgets/LineEditActions.h"
#include "widgets/WrappingLabel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

enum Page { EmptyPage, EveryonePage, GroupPage, CollectionPage };

} // namespace

TargetPicker::TargetPicker(QWidget *parent)
    : QWidget(parent)
    , m_kindCombo(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_everyoneHint(new WrappingLabel(this))
    , m_groupSearch(new GroupSearchWidget(this))
    , m_collectionEdit(new QLineEdit(this))
    , m_collectionHint(new WrappingLabel(this))
    , m_filterPicker(new AssignmentFilterPicker(this))
{
    setObjectName(QStringLiteral("targetPicker"));

    using Kind = AssignmentTarget::Kind;
    m_kindCombo->setObjectName(QStringLiteral("targetKindCombo"));
    m_kindCombo->setAccessibleName(tr("Target type"));
    m_kindCombo->setPlaceholderText(tr("Choose a target type…"));
    m_kindCombo->addItem(tr("All devices"), int(Kind::AllDevices));
    m_kindCombo->addItem(tr("All users"), int(Kind::AllLicensedUsers));
    m_kindCombo->addItem(tr("Include group"), int(Kind::IncludeGroup));
    m_kindCombo->addItem(tr("Exclude group"), int(Kind::ExcludeGroup));
    m_kindCombo->addItem(tr("Configuration Manager collection"), int(Kind::ConfigMgrCollection));
    m_kindCombo->setCurrentIndex(-1);

    auto *emptyPage = new WrappingLabel(tr("Choose what the configuration is assigned to."), m_pages);
    emptyPage->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_pages->insertWidget(EmptyPage, emptyPage);

    m_everyoneHint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_pages->insertWidget(EveryonePage, m_everyoneHint);

    m_pages->insertWidget(GroupPage, m_groupSearch);

    auto *collectionPage = new QWidget(m_pages);
    m_collectionEdit->setObjectName(QStringLiteral("collectionIdEdit"));
    m_collectionEdit->setAccessibleName(tr("Configuration Manager collection id"));
    m_collectionEdit->setPlaceholderText(tr("Collection id, e.g. SMS00001"));
    m_collectionEdit->setValidator(new CollectionIdValidator(m_collectionEdit));
    enableNamedClearButton(m_collectionEdit, tr("Clear the collection id"));
    m_collectionHint->setObjectName(QStringLiteral("collectionIdHint"));
    m_collectionHint->setTextFormat(Qt::PlainText);
    auto *collectionLayout = new QVBoxLayout(collectionPage);
    collectionLayout->setContentsMargins(0, 0, 0, 0);
    collectionLayout->addWidget(m_collectionEdit);
    collectionLayout->addWidget(m_collectionHint);
    collectionLayout->addStretch(1);
    m_pages->insertWidget(CollectionPage, collectionPage);

    auto *kindLabel = new QLabel(tr("&Target type:"), this);
    kindLabel->setBuddy(m_kindCombo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(kindLabel);
    layout->addWidget(m_kindCombo);
    layout->addWidget(m_pages, 1);
    // m_filterPicker is not in this layout: the window gives it a full-width row.

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &TargetPicker::onKindChanged);
    connect(m_groupSearch, &GroupSearchWidget::selectionChanged, this, &TargetPicker::targetChanged);
    connect(m_collectionEdit, &QLineEdit::textChanged, this, &TargetPicker::onCollectionTextChanged);
    connect(m_filterPicker, &AssignmentFilterPicker::changed, this, &TargetPicker::targetChanged);

    onCollectionTextChanged();
    onKindChanged();
}

void TargetPicker::setService(AssignmentService *service)
{
    m_groupSearch->setService(service);
    m_filterPicker->setService(service);
}

void TargetPicker::setApiVersion(ApiVersion version)
{
    m_filterPicker->setApiVersion(version);
}

AssignmentTarget::Kind TargetPicker::kind() const
{
    const QVariant data = m_kindCombo->currentData();
    return data.isValid() ? AssignmentTarget::Kind(data.toInt()) : AssignmentTarget::Kind::Unknown;
}

void TargetPicker::setKind(AssignmentTarget::Kind kind)
{
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(kind)));
}

void TargetPicker::reset()
{
    m_groupSearch->clear();
    m_collectionEdit->clear();
    m_filterPicker->selectFilter({}, AssignmentTarget::FilterMode::Include); // "No filter"
    m_kindCombo->setCurrentIndex(-1); // onKindChanged shows the empty page and emits targetChanged
}

AssignmentTarget TargetPicker::target() const
{
    using Kind = AssignmentTarget::Kind;
    AssignmentTarget target;
    switch (kind()) {
    case Kind::AllDevices: target = AssignmentTarget::allDevices(); break;
    case Kind::AllLicensedUsers: target = AssignmentTarget::allLicensedUsers(); break;
    case Kind::IncludeGroup: target = AssignmentTarget::includeGroup(m_groupSearch->selectedGroupId()); break;
    case Kind::ExcludeGroup: target = AssignmentTarget::excludeGroup(m_groupSearch->selectedGroupId()); break;
    case Kind::ConfigMgrCollection: target = AssignmentTarget::configMgrCollection(m_collectionEdit->text()); break;
    case Kind::Unknown: return {};
    }
    m_filterPicker->applyTo(target);
    return target;
}

QString TargetPicker::subjectName() const
{
    const AssignmentTarget::Kind k = kind();
    if (k == AssignmentTarget::Kind::IncludeGroup || k == AssignmentTarget::Kind::ExcludeGroup)
        return m_groupSearch->selectedGroupName();
    return {};
}

void TargetPicker::onKindChanged()
{
    using Kind = AssignmentTarget::Kind;
    switch (kind()) {
    case Kind::Unknown: m_pages->setCurrentIndex(EmptyPage); break;
    case Kind::AllDevices:
        m_everyoneHint->setText(tr("Every device in the tenant."));
        m_pages->setCurrentIndex(EveryonePage);
        break;
    case Kind::AllLicensedUsers:
        m_everyoneHint->setText(tr("Every licensed user in the tenant."));
        m_pages->setCurrentIndex(EveryonePage);
        break;
    case Kind::IncludeGroup:
    case Kind::ExcludeGroup: m_pages->setCurrentIndex(GroupPage); break;
    case Kind::ConfigMgrCollection: m_pages->setCurrentIndex(CollectionPage); break;
    }
    m_filterPicker->setTargetKind(kind());
    Q_EMIT targetChanged();
}

void TargetPicker::onCollectionTextChanged()
{
    const QString hint = CollectionIdValidator::hint(m_collectionEdit->text());
    if (m_collectionEdit->text().isEmpty()) {
        m_collectionHint->setText(hint);
        m_collectionHint->setStyleSheet(QString());
    } else if (hint.isEmpty()) {
        m_collectionHint->setText(tr("✓ A well-formed collection id. Graph does not check that it exists."));
        m_collectionHint->setStyleSheet(theme::textStyleSheet(theme::Tone::Success));
    } else {
        m_collectionHint->setText(hint);
        m_collectionHint->setStyleSheet(theme::textStyleSheet(theme::Tone::Error));
    }
    if (kind() == AssignmentTarget::Kind::ConfigMgrCollection)
        Q_EMIT targetChanged();
}

} // namespace ea::ui
