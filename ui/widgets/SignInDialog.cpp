#include "widgets/SignInDialog.h"

#include "Theme.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLinkButton>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

QLabel *wrappedLabel(QWidget *parent, const QString &objectName, Qt::TextFormat format = Qt::PlainText)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(format);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *namedButton(QWidget *parent, const QString &text, const QString &objectName, const QString &accessibleName)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    return button;
}

QProgressBar *busyBar(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(objectName);
    bar->setAccessibleName(accessibleName);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(bar->fontMetrics().height());
    return bar;
}

} // namespace

SignInDialog::SignInDialog(
    auth::IdentityClient *identity, auth::BrowserSignInFlow::UrlOpener openUrl, const QString &why, QWidget *parent)
    : QDialog(parent)
    , m_identity(identity)
    , m_openUrl(std::move(openUrl))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in"));
    setAccessibleName(tr("Sign in"));
    setWindowModality(Qt::WindowModal);

    auto *heading = wrappedLabel(this, QStringLiteral("signInHeading"), Qt::RichText);
    heading->setText(tr("<h3>Sign in to %1</h3>").arg(identity->profile().label().toHtmlEscaped()));
    auto *reason = wrappedLabel(this, QStringLiteral("signInReason"));
    reason->setText(why);
    reason->setVisible(!why.isEmpty());
    reason->setStyleSheet(theme::calloutStyleSheet(QStringLiteral("QLabel#signInReason"), theme::Tone::Warning));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("signInPages"));
    m_pages->insertWidget(ChoosePage, buildChoosePage());
    m_pages->insertWidget(BrowserPage, buildBrowserPage());
    m_pages->insertWidget(DeviceCodePage, buildDeviceCodePage());
    m_pages->insertWidget(ErrorPage, buildErrorPage());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("signInButtons"));
    m_cancelButton = buttons->button(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("signInCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel the sign-in"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(reason);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 72);
    showPage(ChoosePage);
}

SignInDialog::~SignInDialog()
{
    cancelFlow();
}

QWidget *SignInDialog::buildChoosePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("signInChoosePage"));
    auto *browser = new QCommandLinkButton(tr("Sign in with the browser"),
        tr("Opens the sign-in page in your default browser; it comes back here when you are done."), page);
    browser->setObjectName(QStringLiteral("browserSignInButton"));
    browser->setAccessibleName(tr("Sign in with the browser"));
    connect(browser, &QPushButton::clicked, this, &SignInDialog::startBrowserSignIn);
    auto *device = new QCommandLinkButton(tr("Sign in with a device code"),
        tr("Shows a code to enter at a Microsoft page on any device: for a browser on another computer or "
           "phone, or when this one cannot open one."),
        page);
    device->setObjectName(QStringLiteral("deviceCodeSignInButton"));
    device->setAccessibleName(tr("Sign in with a device code"));
    connect(device, &QPushButton::clicked, this, &SignInDialog::startDeviceCodeSignIn);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser);
    layout->addWidget(device);
    layout->addStretch(1);
    browser->setDefault(true);
    return page;
}

QWidget *SignInDialog::buildBrowserPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("signInBrowserPage"));
    m_browserStatus = wrappedLabel(page, QStringLiteral("browserSignInStatus"));
    m_browserProgress = busyBar(page, QStringLiteral("browserSignInProgress"), tr("Waiting for the browser"));
    m_copyLinkButton = namedButton(
        page, tr("Copy the sign-in link"), QStringLiteral("copySignInLinkButton"), tr("Copy the sign-in link"));
    m_copyLinkButton->setToolTip(tr("If no browser opened: paste the link into a browser on this computer (the "
                                    "answer comes back to this computer only)."));
    connect(m_copyLinkButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_authorizeUrl.toString(QUrl::FullyEncoded));
        m_copyLinkButton->setText(tr("Link copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_browserProgress, 1);
    row->addWidget(m_copyLinkButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browserStatus);
    layout->addLayout(row);
    layout->addStretch(1);
    return page;
}

QWidget *SignInDialog::buildDeviceCodePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("signInDeviceCodePage"));
    m_deviceIntro = wrappedLabel(page, QStringLiteral("deviceCodeIntro"));
    m_deviceIntro->setText(tr("On any device, open this page and enter the code:"));

    m_verificationUrl = wrappedLabel(page, QStringLiteral("deviceCodeUrl"));
    m_verificationUrl->setAccessibleName(tr("Sign-in page"));
    m_copyUrlButton
        = namedButton(page, tr("Copy"), QStringLiteral("copyDeviceCodeUrlButton"), tr("Copy the page address"));
    connect(m_copyUrlButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_verificationUrl->text());
        m_copyUrlButton->setText(tr("Copied"));
    });
    m_openUrlButton
        = namedButton(page, tr("Open"), QStringLiteral("openDeviceCodeUrlButton"), tr("Open the page in the browser"));
    connect(m_openUrlButton, &QPushButton::clicked, this, [this] {
        if (m_openUrl)
            m_openUrl(QUrl(m_verificationUrl->text()));
    });

    m_userCode = wrappedLabel(page, QStringLiteral("deviceUserCode"));
    m_userCode->setAccessibleName(tr("Code to enter"));
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.8);
    codeFont.setBold(true);
    m_userCode->setFont(codeFont);
    m_copyCodeButton = namedButton(page, tr("Copy"), QStringLiteral("copyDeviceCodeButton"), tr("Copy the code"));
    connect(m_copyCodeButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_userCode->text());
        m_copyCodeButton->setText(tr("Copied"));
    });

    m_deviceStatus = wrappedLabel(page, QStringLiteral("deviceCodeStatus"));
    auto *progress = busyBar(page, QStringLiteral("deviceCodeProgress"), tr("Waiting for the approval"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_verificationUrl, 1);
    urlRow->addWidget(m_copyUrlButton);
    urlRow->addWidget(m_openUrlButton);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCode, 1);
    codeRow->addWidget(m_copyCodeButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_deviceIntro);
    layout->addLayout(urlRow);
    layout->addLayout(codeRow);
    layout->addWidget(m_deviceStatus);
    layout->addWidget(progress);
    layout->addStretch(1);
    return page;
}

QWidget *SignInDialog::buildErrorPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("signInErrorPage"));
    auto *icon = new QLabel(page);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(appIcon(QStringLiteral("error"), QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    m_errorMessage = wrappedLabel(page, QStringLiteral("signInErrorMessage"));
    QFont bold = m_errorMessage->font();
    bold.setBold(true);
    m_errorMessage->setFont(bold);
    m_errorNextStep = wrappedLabel(page, QStringLiteral("signInErrorNextStep"));

    m_errorDetailsButton = new QToolButton(page);
    m_errorDetailsButton->setObjectName(QStringLiteral("signInErrorDetailsButton"));
    m_errorDetailsButton->setAccessibleName(tr("Show the error details"));
    m_errorDetailsButton->setText(tr("&Details"));
    m_errorDetailsButton->setCheckable(true);
    m_errorDetailsButton->setToolTip(tr("The sign-in service's code, description, trace and correlation ids"));
    m_errorDetails = new QPlainTextEdit(page);
    m_errorDetails->setObjectName(QStringLiteral("signInErrorDetails"));
    m_errorDetails->setAccessibleName(tr("Error details"));
    m_errorDetails->setReadOnly(true);
    m_errorDetails->setTabChangesFocus(true);
    m_errorDetails->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errorDetails->setMaximumHeight(m_errorDetails->fontMetrics().lineSpacing() * 8);
    m_errorDetails->hide();
    connect(m_errorDetailsButton, &QToolButton::toggled, m_errorDetails, &QWidget::setVisible);

    m_retryButton
        = namedButton(page, tr("Try again"), QStringLiteral("signInRetryButton"), tr("Try the sign-in again"));
    connect(m_retryButton, &QPushButton::clicked, this, [this] { showPage(ChoosePage); });

    auto *text = new QVBoxLayout;
    text->addWidget(m_errorMessage);
    text->addWidget(m_errorNextStep);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_errorDetailsButton);
    buttons->addStretch(1);
    buttons->addWidget(m_retryButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_errorDetails);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return page;
}

SignInDialog::Page SignInDialog::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void SignInDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
    // The stack is as tall as its tallest page; only the current one counts here.
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_cancelButton->setText(page == ChoosePage || page == ErrorPage ? tr("Close") : tr("Cancel"));
    adjustSize();
}

void SignInDialog::startBrowserSignIn()
{
    auto *flow = new auth::BrowserSignInFlow(m_identity, m_openUrl, this);
    flow->setTimeout(m_browserTimeout);
    const QTime until = QTime::currentTime().addMSecs(qint64(m_browserTimeout.count()));
    m_browserStatus->setText(tr("Waiting for the browser… Finish the sign-in in the browser window that opened; this "
                                "window continues by itself. It waits until %1.")
                                 .arg(QLocale().toString(until, QLocale::ShortFormat)));
    m_copyLinkButton->setText(tr("Copy the sign-in link"));
    connect(flow, &auth::BrowserSignInFlow::authorizeUrlReady, this, [this](const QUrl &url) { m_authorizeUrl = url; });
    connect(flow, &auth::BrowserSignInFlow::browserOpenFailed, this, [this] {
        m_browserStatus->setText(tr("No browser could be opened. Copy the sign-in link and open it in a browser on "
                                    "this computer; this window continues by itself."));
    });
    connect(flow, &auth::BrowserSignInFlow::redeemingCode, this,
        [this] { m_browserStatus->setText(tr("The browser came back; completing the sign-in…")); });
    startFlow(flow, BrowserPage);
}

void SignInDialog::startDeviceCodeSignIn()
{
    auto *flow = new auth::DeviceCodeFlow(m_identity, this);
    m_userCode->clear();
    m_verificationUrl->clear();
    m_copyCodeButton->setEnabled(false);
    m_copyUrlButton->setEnabled(false);
    m_openUrlButton->setEnabled(false);
    m_copyCodeButton->setText(tr("Copy"));
    m_copyUrlButton->setText(tr("Copy"));
    m_deviceStatus->setText(tr("Asking the sign-in service for a code…"));
    connect(flow, &auth::DeviceCodeFlow::userCodeReady, this, [this](const auth::DeviceCode &code) {
        m_userCode->setText(code.userCode);
        m_verificationUrl->setText(code.verificationUri.toString());
        m_copyCodeButton->setEnabled(true);
        m_copyUrlButton->setEnabled(true);
        m_openUrlButton->setEnabled(code.verificationUri.isValid());
        m_deviceStatus->setText(
            tr("Waiting for you to sign in there… The code expires at %1.")
                .arg(QLocale().toString(code.expiresAt.toLocalTime().time(), QLocale::ShortFormat)));
    });
    startFlow(flow, DeviceCodePage);
}

void SignInDialog::startFlow(auth::SignInFlow *flow, Page page)
{
    cancelFlow();
    m_flow = flow;
    connect(flow, &auth::SignInFlow::succeeded, this, [this, flow](const auth::TokenSet &tokens) {
        flow->deleteLater();
        if (flow != m_flow)
            return; // cancelled just before it came back
        m_flow = nullptr;
        Q_EMIT signedIn(tokens);
        accept();
    });
    connect(flow, &auth::SignInFlow::failed, this, [this, flow](const auth::AuthError &error) {
        flow->deleteLater();
        if (flow == m_flow)
            onFailed(error);
    });
    showPage(page);
    flow->start();
}

void SignInDialog::onFailed(const auth::AuthError &error)
{
    m_flow = nullptr;
    if (error.kind == auth::AuthError::Kind::Cancelled) {
        showPage(ChoosePage);
        return;
    }
    m_errorMessage->setText(error.message);
    m_errorNextStep->setText(error.nextStep);
    m_errorNextStep->setVisible(!error.nextStep.isEmpty());
    m_errorDetails->setPlainText(error.details());
    showPage(ErrorPage);
}

void SignInDialog::cancelFlow()
{
    if (!m_flow)
        return;
    // Its failed(Cancelled) arrives later and is ignored: m_flow no longer points to it.
    auth::SignInFlow *flow = m_flow;
    m_flow = nullptr;
    flow->cancel();
}

void SignInDialog::done(int result)
{
    cancelFlow();
    QDialog::done(result);
}

QString SignInDialog::userCode() const
{
    return m_userCode->text();
}

QString SignInDialog::verificationUrl() const
{
    return m_verificationUrl->text();
}

QString SignInDialog::errorText() const
{
    return m_errorMessage->text() + u' ' + m_errorNextStep->text();
}

QString SignInDialog::statusText() const
{
    switch (currentPage()) {
    case BrowserPage: return m_browserStatus->text();
    case DeviceCodePage: return m_deviceStatus->text();
    case ErrorPage: return errorText();
    case ChoosePage: break;
    }
    return {};
}

} // namespace ea::ui
