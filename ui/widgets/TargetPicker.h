#pragma once

#include "domain/ApiVersion.h"
#include "domain/AssignmentTarget.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace ea {
class AssignmentService;
}

namespace ea::ui {

class AssignmentFilterPicker;
class GroupSearchWidget;

// Chooses the target of a new assignment: all devices, all users, a group to
// include or exclude (searched by name or pasted as an id), or a
// Configuration Manager collection id (checked as it is typed); on beta, an
// assignment filter narrows it. Starts with no target chosen, so nothing is
// ever assigned to everyone by default.
class TargetPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit TargetPicker(QWidget *parent = nullptr);

    void setService(AssignmentService *service);
    // Filters exist on beta only; the filter picker follows the API version.
    void setApiVersion(ApiVersion version);

    AssignmentTarget target() const;
    AssignmentTarget::Kind kind() const;
    void setKind(AssignmentTarget::Kind kind);
    // Back to "no target chosen" (kind, group, collection, filter): a target chosen
    // for one configuration is never silently carried over to another.
    void reset();
    // The picked group's display name (empty for other targets or a pasted id).
    QString subjectName() const;

    QComboBox *kindCombo() const { return m_kindCombo; }
    GroupSearchWidget *groupSearch() const { return m_groupSearch; }
    QLineEdit *collectionEdit() const { return m_collectionEdit; }
    // Narrows target() on beta. Not part of this widget's layout: the owner
    // places it (it needs a wide row more than a tall column).
    AssignmentFilterPicker *filterPicker() const { return m_filterPicker; }

Q_SIGNALS:
    void targetChanged();

private:
    void onKindChanged();
    void onCollectionTextChanged();

    QComboBox *m_kindCombo;
    QStackedWidget *m_pages;
    QLabel *m_everyoneHint;
    GroupSearchWidget *m_groupSearch;
    QLineEdit *m_collectionEdit;
    QLabel *m_collectionHint;
    AssignmentFilterPicker *m_filterPicker;
};

} // namespace ea::ui
