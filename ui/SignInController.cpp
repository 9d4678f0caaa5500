#include "SignInController.h"

#include "MainWindow.h"
#include "Theme.h"
#include "auth/SignedInTokenProvider.h"
#include "controllers/ClaimsText.h"
#include "controllers/DeferredTokenStore.h"
#include "controllers/HoldingTokenProvider.h"
#include "service/SessionFactory.h"
#include "widgets/AccessTokenDialog.h"
#include "widgets/ProfileDialog.h"
#include "widgets/SignInDialog.h"
#include "widgets/WelcomeDialog.h"

#include <QActionGroup>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QWindow>

#include <utility>

namespace ea::ui {

namespace {

// If the window never paints (started minimized), the store opens anyway after this.
constexpr int kStoreOpenFallbackMs = 2000;
constexpr int kNoticeMs = 15000;

} // namespace

// The window goes before the session it shows (its destructor cancels the session's calls).
struct SignInController::Workspace
{
    std::unique_ptr<Session> session;
    std::unique_ptr<MainWindow> window;
    ~Workspace()
    {
        window.reset();
        session.reset();
    }
};

SignInController::SignInController(Environment environment, QObject *parent)
    : QObject(parent)
    , m_env(std::move(environment))
    , m_profiles(m_env.settings)
    , m_store(std::make_unique<DeferredTokenStore>(m_env.tokenStore))
{ }

SignInController::~SignInController()
{
    m_current.reset(); // window, then session (and its providers), while the store still exists
}

MainWindow *SignInController::window() const
{
    return m_current ? m_current->window.get() : nullptr;
}

Session *SignInController::session() const
{
    return m_current ? m_current->session.get() : nullptr;
}

SignInDialog *SignInController::signInDialog() const
{
    return m_signInDialog;
}

// --- start-up ----------------------------------------------------------------------

void SignInController::startWithSession(std::unique_ptr<Session> session)
{
    replaceSession(std::move(session), std::nullopt);
}

void SignInController::startWithProfile(const auth::TenantProfile &profile, bool sandbox)
{
    activateProfile(profile, sandbox);
}

void SignInController::startFromSettings()
{
    const QString activeId = m_profiles.activeProfileId();
    if (const std::optional<auth::TenantProfile> profile = m_profiles.find(activeId)) {
        activateProfile(*profile);
        return;
    }
    replaceSession(nullptr, std::nullopt);
    if (m_profiles.profiles().isEmpty())
        showWelcome();
}

void SignInController::showWelcome()
{
    auto *welcome = new WelcomeDialog(window());
    welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(welcome, &WelcomeDialog::signInChosen, this, &SignInController::addProfile);
    connect(welcome, &WelcomeDialog::sandboxChosen, this, &SignInController::exploreSandbox);
    welcome->open();
}

bool SignInController::eventFilter(QObject *watched, QEvent *event)
{
    // The window paints while it handles its first expose; the store opens on the next turn of the loop.
    auto *exposed = qobject_cast<QWindow *>(watched);
    if (event->type() == QEvent::Expose && exposed && exposed->isExposed()) {
        watched->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] { m_store->open(); });
    }
    return QObject::eventFilter(watched, event);
}

// --- sessions -----------------------------------------------------------------------

std::unique_ptr<Session> SignInController::sessionForProfile(const auth::TenantProfile &profile, bool sandbox)
{
    SessionFactory factory;
    factory.setApiVersion(m_env.apiVersion);
    QString problem;
    auth::SignedInTokenProvider *provider = nullptr;
    HoldingTokenProvider *holding = nullptr;
    std::unique_ptr<Session> session = factory.forProfile(profile, m_store.get(), &problem, &provider,
        [this, &holding](
            std::unique_ptr<auth::SignedInTokenProvider> signedIn) -> std::unique_ptr<AccessTokenProvider> {
            // Queued: a call may find nobody signed in while its window is still being built.
            auto holder = std::make_unique<HoldingTokenProvider>(std::move(signedIn), [this] {
                QMetaObject::invokeMethod(
                    this, [this] { openSignInDialog({}); }, Qt::QueuedConnection);
            });
            holding = holder.get();
            return holder;
        });
    if (!session) {
        tell(tr("The profile “%1” cannot be used: %2").arg(profile.label(), problem));
        return nullptr;
    }
    connect(provider, &auth::SignedInTokenProvider::signInRequired, this, [this](const auth::AuthError &why) {
        QMetaObject::invokeMethod(
            this, [this, why] { openSignInDialog(why.summary()); }, Qt::QueuedConnection);
    });
    connect(provider, &auth::SignedInTokenProvider::accessTokenChanged, this, &SignInController::onAccessTokenChanged);
    connect(provider, &auth::SignedInTokenProvider::storageNotice, this, &SignInController::showStorageNotice);

    session->setSandbox(sandbox);
    session->setTenantLabel(profile.label());
    m_provider = provider;
    m_holder = holding;
    return session;
}

bool SignInController::activateProfile(const auth::TenantProfile &profile, bool sandbox)
{
    std::unique_ptr<Session> session = sessionForProfile(profile, sandbox);
    if (!session)
        return false;
    auth::SignedInTokenProvider *provider = m_provider;
    HoldingTokenProvider *holder = m_holder;
    replaceSession(std::move(session), profile);
    m_provider = provider;
    m_holder = holder;
    updateMenu();
    onAccessTokenChanged();
    return true;
}

bool SignInController::replaceSession(
    std::unique_ptr<Session> session, const std::optional<auth::TenantProfile> &profile)
{
    auto next = std::make_unique<Workspace>();
    next->session = std::move(session);
    if (next->session && !m_env.auditJournalPath.isEmpty())
        next->session->setAuditJournalPath(m_env.auditJournalPath);

    // Whatever belonged to the previous session is forgotten before the new window starts asking.
    m_profile = profile;
    m_provider = nullptr;
    m_holder = nullptr;
    m_suppliedClaims.reset();
    if (m_signInDialog)
        m_signInDialog->reject();

    next->window = std::make_unique<MainWindow>(next->session.get());
    MainWindow *window = next->window.get();
    if (m_env.settings)
        window->useSettings(m_env.settings);
    std::shared_ptr<Workspace> previous(std::move(m_current));
    if (previous && previous->window)
        window->restoreGeometry(previous->window->saveGeometry());
    m_current = std::move(next);

    buildMenu(window);
    if (!m_storageNotice.isEmpty())
        showStorageNotice(m_storageNotice);
    window->show();
    if (!m_store->isOpen()) {
        if (QWindow *handle = window->windowHandle())
            handle->installEventFilter(this);
        QTimer::singleShot(kStoreOpenFallbackMs, this, [this] { m_store->open(); });
    }

    if (previous) {
        if (previous->window)
            previous->window->hide();
        // Later: this may run inside a signal of the old window (its menu, a dialog of it).
        QTimer::singleShot(0, this, [previous] { Q_UNUSED(previous) });
    }
    Q_EMIT windowChanged(window);
    return true;
}

bool SignInController::refuseWhileBusy()
{
    if (window() && window()->isBusy()) {
        tell(tr("Wait for the running write to finish before changing the tenant or the sign-in."));
        return true;
    }
    return false;
}

void SignInController::tell(const QString &message)
{
    if (window())
        window()->statusBar()->showMessage(message, kNoticeMs);
}

// --- sign-in ------------------------------------------------------------------------

void SignInController::signIn()
{
    if (refuseWhileBusy())
        return;
    if (m_provider) {
        openSignInDialog({});
        return;
    }
    if (!m_profile) {
        if (const std::optional<auth::TenantProfile> active = m_profiles.find(m_profiles.activeProfileId()))
            m_profile = active;
    }
    if (!m_profile) {
        addProfile();
        return;
    }
    // Its first call finds nobody signed in and asks for the dialog.
    activateProfile(*m_profile);
}

void SignInController::openSignInDialog(const QString &why)
{
    if (m_signInDialog) {
        m_signInDialog->raise();
        return;
    }
    if (!m_provider || !window())
        return;
    auto *dialog = new SignInDialog(m_provider->identity(), m_env.openUrl, why, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signInDialog = dialog;
    QPointer<auth::SignedInTokenProvider> provider(m_provider);
    connect(dialog, &SignInDialog::signedIn, this, [provider](const auth::TokenSet &tokens) {
        if (provider)
            provider->adoptSignIn(tokens);
    });
    connect(dialog, &QDialog::finished, this, [this, provider](int result) {
        if (provider && provider == m_provider)
            onSignInDialogFinished(result == QDialog::Accepted);
    });
    dialog->open();
}

void SignInController::onSignInDialogFinished(bool signedIn)
{
    if (!m_holder)
        return;
    if (!signedIn) {
        m_holder->release(); // the calls fail with why they could not be made
        return;
    }
    tell(tr("Signed in to %1 as %2.").arg(m_profile ? m_profile->label() : QString(), accountOf(m_provider->claims())));
    if (m_holder->isHolding())
        m_holder->resume();
    else if (window())
        window()->reloadConfigurations();
    Q_EMIT this->signedIn();
}

void SignInController::onAccessTokenChanged()
{
    if (!m_provider || !window())
        return;
    if (!m_provider->hasAccessToken()) {
        window()->setAccount(tr("not signed in"), tr("Not signed in yet: the first request asks you to sign in."));
        window()->setPermissionProblems({}, {});
        return;
    }
    showClaims(m_provider->claims());
}

void SignInController::showClaims(const auth::TokenClaims &claims)
{
    if (!window())
        return;
    const QString account = accountOf(claims);
    window()->setAccount(account.isEmpty() ? tr("unknown account") : account, claimsDescription(claims));
    window()->setPermissionProblems(writePermissionProblem(claims), groupSearchProblem(claims));
}

void SignInController::signOut()
{
    if (!m_provider || refuseWhileBusy())
        return;
    const QString label = m_profile ? m_profile->label() : QString();
    // The provider lives on with the retired session until the next turn of the loop.
    auth::SignedInTokenProvider *provider = m_provider;
    replaceSession(nullptr, m_profile);
    QPointer<SignInController> self(this);
    provider->signOut([self, label](const auth::AuthResult<Done> &removed) {
        if (!self)
            return;
        self->tell(removed ? tr("Signed out of %1; the saved sign-in was deleted.").arg(label)
                           : tr("Signed out of %1, but the saved sign-in could not be deleted: %2")
                                 .arg(label, removed.error().summary()));
    });
    Q_EMIT signedOut();
}

void SignInController::showStorageNotice(const QString &notice)
{
    if (notice.isEmpty())
        return;
    m_storageNotice = notice;
    if (!m_storageNoticeShown) {
        m_storageNoticeShown = true; // said once in words; the label below stays as a reminder
        tell(notice);
    }
    if (window() && !window()->findChild<QLabel *>(QStringLiteral("storageNoticeLabel"))) {
        auto *label = new QLabel(tr("Sign-in not saved"), window()->statusBar());
        label->setObjectName(QStringLiteral("storageNoticeLabel"));
        label->setStyleSheet(theme::textStyleSheet(theme::Tone::Warning));
        window()->statusBar()->addPermanentWidget(label);
        m_storageLabel = label;
    }
    if (m_storageLabel)
        m_storageLabel->setToolTip(notice);
}

// --- tenants ------------------------------------------------------------------------

void SignInController::exploreSandbox()
{
    if (!m_env.openSandbox || refuseWhileBusy())
        return;
    QString problem;
    std::unique_ptr<Session> session = m_env.openSandbox(&problem);
    if (!session) {
        tell(tr("The sandbox tenant could not start: %1").arg(problem));
        return;
    }
    replaceSession(std::move(session), std::nullopt);
}

void SignInController::addProfile()
{
    if (refuseWhileBusy())
        return;
    auto *dialog = new ProfileDialog(auth::TenantProfile {}, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auth::TenantProfile profile = dialog->profile();
        if (refuseWhileBusy())
            return;
        profile.id = m_profiles.save(profile);
        m_profiles.setActiveProfileId(profile.id);
        activateProfile(profile);
    });
    dialog->open();
}

void SignInController::editProfile()
{
    if (!m_profile || m_profile->id.isEmpty() || refuseWhileBusy())
        return;
    const auth::TenantProfile before = *m_profile;
    auto *dialog = new ProfileDialog(before, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        const auth::TenantProfile after = dialog->profile();
        if (after == before || refuseWhileBusy())
            return;
        m_profiles.save(after);
        // Another tenant, app or sign-in server: the old refresh token is of no use to it.
        if (after.tokenStoreKey() != before.tokenStoreKey())
            m_store->remove(before.tokenStoreKey(), [](const auth::AuthResult<Done> &) {});
        activateProfile(after);
    });
    dialog->open();
}

void SignInController::removeProfile()
{
    if (!m_profile || m_profile->id.isEmpty() || refuseWhileBusy())
        return;
    const auth::TenantProfile profile = *m_profile;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove profile"),
        tr("Remove the profile “%1”?").arg(profile.label()), QMessageBox::NoButton, window());
    box->setObjectName(QStringLiteral("removeProfileConfirmation"));
    box->setAccessibleName(tr("Remove profile"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Its saved sign-in is deleted too. Nothing in the tenant changes."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton *confirm = box->addButton(tr("Remove profile"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmRemoveProfileButton"));
    confirm->setAccessibleName(tr("Remove profile"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("removeProfileCancelButton"));
    cancel->setAccessibleName(QMessageBox::tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, profile] {
        if (box->clickedButton() != confirm || refuseWhileBusy())
            return;
        m_store->remove(profile.tokenStoreKey(), [](const auth::AuthResult<Done> &) {});
        m_profiles.remove(profile.id);
        replaceSession(nullptr, std::nullopt);
        tell(tr("Removed the profile “%1”.").arg(profile.label()));
    });
    box->open();
}

void SignInController::switchToProfile(const QString &id)
{
    if (m_profile && m_profile->id == id && session())
        return;
    const std::optional<auth::TenantProfile> profile = m_profiles.find(id);
    if (!profile || refuseWhileBusy())
        return;
    m_profiles.setActiveProfileId(id);
    activateProfile(*profile);
}

void SignInController::useAccessToken()
{
    if (refuseWhileBusy())
        return;
    auto *dialog = new AccessTokenDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (refuseWhileBusy())
            return;
        const auth::TokenClaims claims = dialog->claims();
        const Cloud cloud = dialog->cloud();
        SessionFactory factory;
        factory.setApiVersion(m_env.apiVersion);
        QString problem;
        std::unique_ptr<Session> session
            = factory.forToken(GraphEndpoint::forCloud(cloud, m_env.apiVersion), dialog->token(), &problem);
        if (!session)
            return tell(problem); // the dialog accepts only a token it could read; this is a last guard
        session->setTenantLabel(claims.tenantId.isEmpty()
                ? tr("Supplied token (%1)").arg(cloudDisplayName(cloud))
                : tr("Supplied token for tenant %1 (%2)").arg(claims.tenantId, cloudDisplayName(cloud)));
        replaceSession(std::move(session), std::nullopt);
        m_suppliedClaims = claims;
        showClaims(claims);
    });
    dialog->open();
}

void SignInController::showAccountDetails()
{
    if (!window())
        return;
    QString text;
    if (m_provider && m_provider->hasAccessToken())
        text = claimsDescription(m_provider->claims());
    else if (m_suppliedClaims)
        text = claimsDescription(*m_suppliedClaims);
    else if (session() && session()->isSandbox())
        text = tr("The sandbox tenant: generated data in memory; no real account is signed in.");
    else if (m_provider)
        text = tr("Not signed in yet.");
    else
        text = tr("Not signed in.");
    const QString tenant = session() ? session()->tenantLabel() : tr("No tenant");
    auto *box = new QMessageBox(QMessageBox::Information, tr("Account"), tenant, QMessageBox::Ok, window());
    box->setObjectName(QStringLiteral("accountDetailsBox"));
    box->setAccessibleName(tr("Account"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(text);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->button(QMessageBox::Ok)->setObjectName(QStringLiteral("accountDetailsOkButton"));
    box->open();
}

// --- the Account menu ---------------------------------------------------------------

void SignInController::buildMenu(MainWindow *window)
{
    auto *menu = new QMenu(tr("&Account"), window);
    menu->setObjectName(QStringLiteral("accountMenu"));
    // First in the bar: which tenant and who comes before anything done in it.
    QMenuBar *bar = window->menuBar();
    const QList<QAction *> existing = bar->actions();
    if (existing.isEmpty())
        bar->addMenu(menu);
    else
        bar->insertMenu(existing.constFirst(), menu);

    auto add = [this, menu](const QString &text, const char *objectName, void (SignInController::*slot)()) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(objectName));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("&Sign in…"), "signInAction", &SignInController::signIn);
    add(tr("Sign &out"), "signOutAction", &SignInController::signOut);
    add(tr("Account &details…"), "accountDetailsAction", &SignInController::showAccountDetails);
    menu->addSeparator();
    QMenu *switchMenu = menu->addMenu(tr("S&witch tenant"));
    switchMenu->setObjectName(QStringLiteral("switchProfileMenu"));
    add(tr("&Add profile…"), "addProfileAction", &SignInController::addProfile);
    add(tr("&Edit profile…"), "editProfileAction", &SignInController::editProfile);
    add(tr("&Remove profile…"), "removeProfileAction", &SignInController::removeProfile);
    menu->addSeparator();
    add(tr("Use an access &token…"), "useAccessTokenAction", &SignInController::useAccessToken);
    QAction *sandbox
        = add(tr("Explore the sand&box tenant"), "exploreSandboxAction", &SignInController::exploreSandbox);
    sandbox->setVisible(bool(m_env.openSandbox));

    connect(menu, &QMenu::aboutToShow, this, &SignInController::updateMenu);
    m_menu = menu;
    updateMenu();
}

void SignInController::updateMenu()
{
    if (!m_menu)
        return;
    auto action = [this](const char *name) {
        return m_menu->findChild<QAction *>(QString::fromLatin1(name));
    };
    const bool savedProfile = m_profile && !m_profile->id.isEmpty();
    if (QAction *a = action("signInAction"))
        a->setText(m_profile ? tr("&Sign in to %1…")
                                   .arg(m_profile->displayName.isEmpty() ? m_profile->tenant : m_profile->displayName)
                             : tr("&Sign in…"));
    if (QAction *a = action("signOutAction"))
        a->setEnabled(m_provider != nullptr);
    if (QAction *a = action("accountDetailsAction"))
        a->setEnabled(session() != nullptr);
    if (QAction *a = action("editProfileAction"))
        a->setEnabled(savedProfile);
    if (QAction *a = action("removeProfileAction"))
        a->setEnabled(savedProfile);

    auto *switchMenu = m_menu->findChild<QMenu *>(QStringLiteral("switchProfileMenu"));
    if (!switchMenu)
        return;
    switchMenu->clear();
    const QList<auth::TenantProfile> profiles = m_profiles.profiles();
    for (const auth::TenantProfile &p : profiles) {
        QAction *a = switchMenu->addAction(p.label());
        a->setObjectName(QStringLiteral("switchProfileAction"));
        a->setCheckable(true);
        a->setChecked(m_profile && m_profile->id == p.id && session());
        const QString id = p.id;
        connect(a, &QAction::triggered, this, [this, id] { switchToProfile(id); });
    }
    if (profiles.isEmpty()) {
        QAction *none = switchMenu->addAction(tr("No profiles yet"));
        none->setEnabled(false);
    }
    switchMenu->setEnabled(true);
}

} // namespace ea::ui
