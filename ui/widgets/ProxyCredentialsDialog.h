#pragma once

#include "net/ProxyAccess.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ea::ui {

// Asked when the proxy answers 407: its user name and password, and whether
// to keep them in the system keychain. After a refusal it says so and offers
// the user name again; Cancel gives up (the request then fails with 407 and
// the error banner says why), so a wrong password never loops.
class ProxyCredentialsDialog final : public QDialog
{
    Q_OBJECT
public:
    ProxyCredentialsDialog(const net::ProxyAuthRequest &request, bool canRemember, QWidget *parent = nullptr);

    net::ProxyCredentials credentials() const;

    // The GUI's net::ProxyPrompt: a modal dialog over the active window. The
    // request waits meanwhile (Qt paused its connection); nothing else blocks.
    static net::ProxyPrompt prompt(bool canRemember);

private:
    void updateOk();

    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QPushButton *m_ok = nullptr;
};

} // namespace ea::ui
