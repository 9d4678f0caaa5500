#pragma once

#include "auth/TenantProfile.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ea::ui {

// Adds or edits one tenant profile: display name, tenant, cloud, client id
// and (advanced) the sign-in and Graph roots. While anything is unusable the
// dialog names the first problem in a sentence and Save stays disabled, so
// no profile that cannot sign in is ever stored. Window-modal, open() only.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
public:
    // An empty profile.id means "add".
    explicit ProfileDialog(const auth::TenantProfile &profile, QWidget *parent = nullptr);

    // What the fields say now (id kept from the profile given).
    auth::TenantProfile profile() const;
    // Empty when Save is enabled.
    QString problem() const { return m_problem; }

    QLineEdit *displayNameEdit() const { return m_displayName; }
    QLineEdit *tenantEdit() const { return m_tenant; }
    QComboBox *cloudCombo() const { return m_cloud; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *loginRootEdit() const { return m_loginRoot; }
    QLineEdit *graphRootEdit() const { return m_graphRoot; }
    QPushButton *saveButton() const { return m_save; }

private:
    void validate();

    QString m_id;
    QLineEdit *m_displayName;
    QLineEdit *m_tenant;
    QComboBox *m_cloud;
    QLineEdit *m_clientId;
    QPushButton *m_useGraphCliButton;
    QLineEdit *m_loginRoot;
    QLineEdit *m_graphRoot;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QString m_problem;
};

} // namespace ea::ui
