#pragma once

#include "auth/AuthError.h"
#include "auth/IdentityClient.h"
#include "auth/SignInFlow.h"

#include <QDialog>
#include <QPointer>

#include <chrono>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace ea::ui {

// One interactive sign-in to one profile, by browser (authorization code +
// PKCE through the system browser) or by device code (a code and a URL to
// enter on any device, each with a Copy button). Runs the SignInFlow of the
// core and only shows it: waiting, Cancel, the code, and on failure the
// AuthError's sentence and next step with the details for a support ticket.
// Window-modal and opened with open(); never a nested event loop.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Page { ChoosePage, BrowserPage, DeviceCodePage, ErrorPage };

    // identity must outlive the dialog. why: an optional first line (e.g. the
    // session expired); empty for a sign-in the user asked for.
    SignInDialog(auth::IdentityClient *identity, auth::BrowserSignInFlow::UrlOpener openUrl, const QString &why,
        QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setBrowserTimeout(std::chrono::milliseconds timeout) { m_browserTimeout = timeout; }

    Page currentPage() const;
    void startBrowserSignIn();
    void startDeviceCodeSignIn();

    // What the dialog shows (tests read these; no secret is ever among them).
    QString userCode() const;
    QString verificationUrl() const;
    QString errorText() const;
    QString statusText() const;

Q_SIGNALS:
    // The tokens of a successful sign-in; the dialog accepts right after.
    void signedIn(const ea::auth::TokenSet &tokens);

protected:
    void done(int result) override;

private:
    void startFlow(auth::SignInFlow *flow, Page page);
    void onFailed(const auth::AuthError &error);
    void cancelFlow();
    void showPage(Page page);
    QWidget *buildChoosePage();
    QWidget *buildBrowserPage();
    QWidget *buildDeviceCodePage();
    QWidget *buildErrorPage();

    auth::IdentityClient *m_identity;
    auth::BrowserSignInFlow::UrlOpener m_openUrl;
    std::chrono::milliseconds m_browserTimeout {5 * 60 * 1000};
    QPointer<auth::SignInFlow> m_flow;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_browserStatus = nullptr;
    QPushButton *m_copyLinkButton = nullptr;
    QProgressBar *m_browserProgress = nullptr;
    QLabel *m_deviceIntro = nullptr;
    QLabel *m_userCode = nullptr;
    QLabel *m_verificationUrl = nullptr;
    QPushButton *m_copyCodeButton = nullptr;
    QPushButton *m_copyUrlButton = nullptr;
    QPushButton *m_openUrlButton = nullptr;
    QLabel *m_deviceStatus = nullptr;
    QLabel *m_errorMessage = nullptr;
    QLabel *m_errorNextStep = nullptr;
    QToolButton *m_errorDetailsButton = nullptr;
    QPlainTextEdit *m_errorDetails = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QUrl m_authorizeUrl;
};

} // namespace ea::ui
