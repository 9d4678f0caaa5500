#include "auth/SignInFlow.h"

#include "Logging.h"
#include "auth/LoopbackRedirectListener.h"

#include <QDateTime>

namespace ea::auth {

// ---------------------------------------------------------------------------
// SignInFlow

SignInFlow::SignInFlow(IdentityClient *identity, QObject *parent)
    : QObject(parent)
    , m_identity(identity)
{ }

SignInFlow::~SignInFlow() = default;

void SignInFlow::cancel()
{
    if (m_finished)
        return;
    fail(AuthError::local(
        AuthError::Kind::Cancelled, AuthError::Reason::Other, AuthError::tr("The sign-in was cancelled.")));
}

bool SignInFlow::finishOnce()
{
    if (m_finished)
        return false;
    m_finished = true;
    m_running = false;
    cleanUp();
    return true;
}

void SignInFlow::succeed(const TokenSet &tokens)
{
    if (finishOnce())
        QMetaObject::invokeMethod(
            this, [this, tokens] { Q_EMIT succeeded(tokens); }, Qt::QueuedConnection);
}

void SignInFlow::fail(const AuthError &error)
{
    if (finishOnce())
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------
// BrowserSignInFlow

BrowserSignInFlow::BrowserSignInFlow(IdentityClient *identity, UrlOpener opener, QObject *parent)
    : SignInFlow(identity, parent)
    , m_opener(std::move(opener))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(AuthError::local(AuthError::Kind::Timeout, AuthError::Reason::Other,
            tr("No sign-in answer came back from the browser within %n minute(s).", nullptr,
                int(std::max<qint64>(1, m_timeout.count() / 60000))),
            tr("Start the sign-in again, or use the device code sign-in.")));
    });
}

BrowserSignInFlow::~BrowserSignInFlow() = default;

void BrowserSignInFlow::start()
{
    if (isRunning() || isFinished())
        return;
    beginRunning();
    if (const QString problem = m_identity->profile().validate(); !problem.isEmpty()) {
        fail(AuthError::local(AuthError::Kind::Configuration, AuthError::Reason::Other, problem));
        return;
    }
    m_listener = new LoopbackRedirectListener(this);
    connect(m_listener, &LoopbackRedirectListener::codeReceived, this, &BrowserSignInFlow::onCodeReceived);
    connect(m_listener, &LoopbackRedirectListener::failed, this, [this](const AuthError &error) {
        AuthError explained = error;
        if (explained.kind == AuthError::Kind::OAuth)
            explained.explain(AuthError::Operation::Authorize, m_identity->errorContext());
        fail(explained);
    });
    if (!m_listener->listen()) {
        fail(AuthError::local(AuthError::Kind::Browser, AuthError::Reason::Other,
            tr("The app could not listen on 127.0.0.1 for the browser's answer: %1").arg(m_listener->errorString()),
            tr("Use the device code sign-in instead.")));
        return;
    }
    m_pkce = Pkce::generate();
    m_state = randomUrlSafeString(32);
    m_listener->setExpectedState(m_state);
    AuthorizeRequest request;
    request.redirectUri = m_listener->redirectUri();
    request.state = m_state;
    request.codeChallenge = m_pkce.challenge;
    request.prompt = m_prompt;
    request.loginHint = m_loginHint;
    m_authorizeUrl = m_identity->authorizeUrl(request);
    m_deadline.start(m_timeout);
    qCInfo(lcAuth).noquote() << "Browser sign-in: waiting on" << m_listener->redirectUri() << "for"
                             << m_identity->profile().authority();
    Q_EMIT authorizeUrlReady(m_authorizeUrl);
    if (!m_opener || !m_opener(m_authorizeUrl))
        Q_EMIT browserOpenFailed(m_authorizeUrl);
}

void BrowserSignInFlow::onCodeReceived(const QString &code)
{
    if (isFinished())
        return;
    Q_EMIT redeemingCode();
    QPointer<BrowserSignInFlow> self(this);
    m_request = m_identity->redeemAuthorizationCode(
        code, m_listener->redirectUri(), m_pkce.verifier, [self](const AuthResult<TokenSet> &result) {
            if (!self || self->isFinished())
                return;
            if (result) {
                self->m_listener->finishSignIn(true);
                self->succeed(result.value());
            } else {
                const AuthError &e = result.error();
                self->m_listener->finishSignIn(false,
                    e.summary() + (e.description.isEmpty() ? QString() : QStringLiteral("\n\n") + e.description));
                self->fail(result.error());
            }
        });
}

void BrowserSignInFlow::cleanUp()
{
    m_deadline.stop();
    if (m_request)
        m_request->cancel();
    if (m_listener) {
        // A browser still waiting hears why, then everything else is dropped.
        m_listener->finishSignIn(false, tr("The sign-in was stopped in Enrollment Assigner."));
        m_listener->close();
    }
    // The verifier and state are single-use.
    m_pkce = {};
    m_state.clear();
}

// ---------------------------------------------------------------------------
// DeviceCodeFlow

DeviceCodeFlow::DeviceCodeFlow(IdentityClient *identity, QObject *parent)
    : SignInFlow(identity, parent)
{
    m_timer.setSingleShot(true);
    // Never early: polling before `interval` earns a slow_down.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
}

DeviceCodeFlow::~DeviceCodeFlow() = default;

void DeviceCodeFlow::start()
{
    if (isRunning() || isFinished())
        return;
    beginRunning();
    QPointer<DeviceCodeFlow> self(this);
    m_request = m_identity->requestDeviceCode([self](const AuthResult<DeviceCode> &result) {
        if (!self || self->isFinished())
            return;
        if (!result) {
            self->fail(result.error());
            return;
        }
        self->m_code = result.value();
        self->m_interval = std::chrono::seconds(self->m_code.intervalSeconds);
        qCInfo(lcAuth).noquote() << "Device code sign-in: code issued, polling every" << self->m_code.intervalSeconds
                                 << "s for" << self->m_code.expiresInSeconds << "s";
        Q_EMIT self->userCodeReady(self->m_code);
        if (self && !self->isFinished())
            self->schedulePoll();
    });
}

void DeviceCodeFlow::schedulePoll()
{
    const QDateTime next = QDateTime::currentDateTimeUtc().addSecs(m_interval.count());
    if (m_code.expiresAt.isValid() && next > m_code.expiresAt) {
        fail(AuthError::local(AuthError::Kind::Timeout, AuthError::Reason::ExpiredToken,
            tr("The device code expired before the sign-in was approved."),
            tr("Start the sign-in again and enter the new code before it expires.")));
        return;
    }
    m_timer.start(m_interval);
}

void DeviceCodeFlow::poll()
{
    if (isFinished())
        return;
    ++m_polls;
    QPointer<DeviceCodeFlow> self(this);
    m_request = m_identity->pollDeviceCode(m_code.deviceCode, [self](const AuthResult<TokenSet> &result) {
        if (!self || self->isFinished())
            return;
        if (result) {
            qCInfo(lcAuth) << "Device code sign-in: approved after" << self->m_polls << "polls";
            self->succeed(result.value());
            return;
        }
        const AuthError &error = result.error();
        switch (error.kind) {
        case AuthError::Kind::OAuth:
            if (error.error == QLatin1String("authorization_pending")) {
                self->m_transientFailures = 0;
                self->schedulePoll();
                return;
            }
            if (error.error == QLatin1String("slow_down")) {
                self->m_transientFailures = 0;
                self->m_interval += kSlowDownIncrement;
                qCInfo(lcAuth) << "Device code sign-in: slow_down, polling every" << self->m_interval.count() << "s";
                Q_EMIT self->pollIntervalChanged(int(self->m_interval.count()));
                if (self && !self->isFinished())
                    self->schedulePoll();
                return;
            }
            break; // declined, expired, bad code, anything else: stop
        case AuthError::Kind::Network:
        case AuthError::Kind::Timeout:
            if (++self->m_transientFailures <= kMaxTransientFailures) {
                self->schedulePoll();
                return;
            }
            break;
        case AuthError::Kind::Cancelled: return; // our own cancel(); failed() is already on its way
        default: break;
        }
        self->fail(error);
    });
}

void DeviceCodeFlow::cleanUp()
{
    m_timer.stop();
    if (m_request)
        m_request->cancel();
}

} // namespace ea::auth
