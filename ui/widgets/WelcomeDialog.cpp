#include "widgets/WelcomeDialog.h"

#include "widgets/Icons.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ea::ui {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to Enrollment Assigner"));
    setAccessibleName(windowTitle());
    setWindowModality(Qt::WindowModal);

    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("welcomeText"));
    intro->setTextFormat(Qt::RichText);
    intro->setWordWrap(true);
    intro->setText(tr("<h3>Welcome</h3>"
                      "<p>Enrollment Assigner assigns Intune device enrollment configurations (enrollment "
                      "restrictions, Windows Hello for Business, Enrollment Status Pages, …) to groups through "
                      "Microsoft Graph.</p><p>Where would you like to start?</p>"));

    // QCommandLinkButton: a title and a sentence each, so the choice explains itself.
    auto *signIn = new QCommandLinkButton(tr("Sign in to a tenant"),
        tr("Add a profile for your tenant (tenant, cloud, app registration) and sign in with the browser or a "
           "device code. Changes made here are real."),
        this);
    signIn->setObjectName(QStringLiteral("welcomeSignInButton"));
    signIn->setAccessibleName(tr("Sign in to a tenant"));
    signIn->setIcon(appIcon(QStringLiteral("assign"), QStyle::SP_DialogApplyButton));
    m_signIn = signIn;

    auto *sandbox = new QCommandLinkButton(tr("Explore the sandbox tenant"),
        tr("A generated tenant kept in memory: try every feature without touching a real tenant."), this);
    sandbox->setObjectName(QStringLiteral("welcomeSandboxButton"));
    sandbox->setAccessibleName(tr("Explore the sandbox tenant"));
    sandbox->setIcon(appIcon(QStringLiteral("sandbox"), QStyle::SP_MessageBoxInformation));
    m_sandbox = sandbox;

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("welcomeButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("welcomeCloseButton"));
    close->setAccessibleName(tr("Close; choose later from the Account menu"));
    close->setToolTip(tr("Both choices stay in the Account menu."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_signIn, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT signInChosen();
    });
    connect(m_sandbox, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT sandboxChosen();
    });

    auto *text = new QVBoxLayout;
    text->addWidget(intro);
    text->addWidget(m_signIn);
    text->addWidget(m_sandbox);
    text->addStretch(1); // the two choices stay together; spare height goes below them
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    m_signIn->setDefault(true);
    m_signIn->setFocus();
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 70);
}

} // namespace ea::ui
