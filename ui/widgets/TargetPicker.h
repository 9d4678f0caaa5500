#pragma once

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

class GroupSearchWidget;

// Chooses the target of a new assignment: all devices, all users, a group to
// include or exclude (searched by name or pasted as an id), or a
// Configuration Manager collection id (checked as it is typed). Starts with
// no target chosen, so nothing is ever assigned to everyone by default.
class TargetPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit TargetPicker(QWidget *parent = nullptr);

    void setService(AssignmentService *service);

    AssignmentTarget target() const;
    AssignmentTarget::Kind kind() const;
    void setKind(AssignmentTarget::Kind kind);
    // The picked group's display name (empty for other targets or a pasted id).
    QString subjectName() const;

    QComboBox *kindCombo() const { return m_kindCombo; }
    GroupSearchWidget *groupSearch() const { return m_groupSearch; }
    QLineEdit *collectionEdit() const { return m_collectionEdit; }

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
};

} // namespace ea::ui
