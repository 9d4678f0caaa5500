#pragma once

#include <QDialog>

class QPushButton;

namespace ea::ui {

// The first start (no tenant profile yet): sign in to a real tenant, or look
// around in the sandbox tenant first. Closing it chooses neither; the Account
// menu offers both later.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit WelcomeDialog(QWidget *parent = nullptr);

    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *sandboxButton() const { return m_sandbox; }

Q_SIGNALS:
    void signInChosen();
    void sandboxChosen();

private:
    QPushButton *m_signIn;
    QPushButton *m_sandbox;
};

} // namespace ea::ui
