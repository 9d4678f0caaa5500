#include "widgets/ProxyCredentialsDialog.h"

#include "Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace ea::ui {

ProxyCredentialsDialog::ProxyCredentialsDialog(const net::ProxyAuthRequest &request, bool canRemember, QWidget *parent)
    : QDialog(parent)
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember in the system keychain"), this))
{
    setObjectName(QStringLiteral("proxyCredentialsDialog"));
    setWindowTitle(tr("Proxy sign-in"));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(tr("The proxy %1 asks for a user name and password before it lets sign-in and Graph "
                                "requests through.")
                                 .arg(request.proxy),
        this);
    intro->setObjectName(QStringLiteral("proxyCredentialsIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto *refused = new QLabel(this);
    refused->setObjectName(QStringLiteral("proxyCredentialsRefused"));
    refused->setWordWrap(true);
    refused->setTextFormat(Qt::PlainText);
    refused->setStyleSheet(theme::textStyleSheet(theme::Tone::Error));
    if (request.refused) {
        refused->setText(tr("The proxy refused the user name or password of %1. Check them (Caps Lock?) and try "
                            "again, or Cancel.")
                             .arg(request.user));
        refused->setAccessibleName(refused->text());
    }
    refused->setVisible(request.refused);

    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_user->setAccessibleName(tr("Proxy user name"));
    m_user->setPlaceholderText(tr("DOMAIN\\name or name@domain"));
    m_user->setText(request.user);
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("proxyRemember"));
    m_remember->setAccessibleName(m_remember->text().remove(u'&'));
    m_remember->setVisible(canRemember);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("proxyCredentialsOk"));
    m_ok->setText(tr("Sign in to the proxy"));
    m_ok->setAccessibleName(m_ok->text());
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("proxyCredentialsCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel: the request fails with 407"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_user, &QLineEdit::textChanged, this, &ProxyCredentialsDialog::updateOk);
    connect(m_password, &QLineEdit::textChanged, this, &ProxyCredentialsDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(refused);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    updateOk();
    (request.user.isEmpty() ? m_user : m_password)->setFocus();
}

void ProxyCredentialsDialog::updateOk()
{
    m_ok->setEnabled(!m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

net::ProxyCredentials ProxyCredentialsDialog::credentials() const
{
    return {m_user->text().trimmed(), m_password->text(), m_remember->isVisible() && m_remember->isChecked()};
}

net::ProxyPrompt ProxyCredentialsDialog::prompt(bool canRemember)
{
    return [canRemember](const net::ProxyAuthRequest &request) -> std::optional<net::ProxyCredentials> {
        QPointer<ProxyCredentialsDialog> dialog
            = new ProxyCredentialsDialog(request, canRemember, QApplication::activeWindow());
        const bool accepted = dialog->exec() == QDialog::Accepted;
        std::optional<net::ProxyCredentials> result;
        if (dialog && accepted)
            result = dialog->credentials();
        delete dialog;
        return result;
    };
}

} // namespace ea::ui
