#include "widgets/ErrorBanner.h"

#include "Theme.h"
#include "widgets/Icons.h"
#include "widgets/WrappingLabel.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

constexpr int kMaxDetailLines = 12;

} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_summary(new WrappingLabel(this))
    , m_suggestion(new WrappingLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_copyButton(new QPushButton(this))
    , m_dismissButton(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    setFrameShape(QFrame::StyledPanel);
    // Background and text colour come as a pair from the theme, so the contrast holds in light and dark.
    theme::onSchemeChange(this, [this] {
        setStyleSheet(theme::framedBannerStyleSheet(QStringLiteral("QFrame#errorBanner"), theme::Tone::Error));
    });

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(appIcon(QStringLiteral("error"), QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    m_icon->setAlignment(Qt::AlignTop);

    m_summary->setObjectName(QStringLiteral("errorSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("Error summary"));

    m_suggestion->setObjectName(QStringLiteral("errorSuggestion"));
    m_suggestion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_suggestion->setTextFormat(Qt::PlainText);
    m_suggestion->setAccessibleName(tr("What to try"));

    m_detailsButton->setObjectName(QStringLiteral("errorDetailsButton"));
    m_detailsButton->setText(tr("&Details"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAccessibleName(tr("Show error details"));
    m_detailsButton->setToolTip(tr("HTTP status, Graph error code, message, request-id and client-request-id"));

    m_copyButton->setObjectName(QStringLiteral("errorCopyButton"));
    m_copyButton->setText(tr("Copy details"));
    m_copyButton->setAccessibleName(tr("Copy error details"));
    m_copyButton->setToolTip(tr("Copy the details to the clipboard, for a support ticket"));

    m_dismissButton->setObjectName(QStringLiteral("errorDismissButton"));
    m_dismissButton->setText(tr("Dismiss"));
    m_dismissButton->setAccessibleName(tr("Dismiss error"));

    m_details->setObjectName(QStringLiteral("errorDetails"));
    m_details->setAccessibleName(tr("Error details"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_details->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_details->setStyleSheet(QStringLiteral("QPlainTextEdit { background: palette(base); color: palette(text); }"));
    m_details->setVisible(false);

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_summary);
    texts->addWidget(m_suggestion);
    row->addLayout(texts, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(m_copyButton, 0, Qt::AlignTop);
    row->addWidget(m_dismissButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        QString text = m_summary->text() + u'\n';
        if (!m_suggestion->text().isEmpty())
            text += m_suggestion->text() + u'\n';
        QApplication::clipboard()->setText(text + m_details->toPlainText());
    });
    connect(m_dismissButton, &QToolButton::clicked, this, &ErrorBanner::dismiss);

    setVisible(false);
}

void ErrorBanner::showError(const QString &what, const GraphError &error)
{
    m_summary->setText(what.isEmpty() ? error.summary() : tr("%1: %2").arg(what, error.summary()));
    m_suggestion->setText(suggestion(error));
    m_suggestion->setVisible(!m_suggestion->text().isEmpty());
    // A screen reader reads the error itself, not only "Error summary".
    m_summary->setAccessibleName(tr("Error: %1").arg(m_summary->text()));
    m_summary->setAccessibleDescription(m_suggestion->text());
    m_suggestion->setAccessibleName(tr("What to try: %1").arg(m_suggestion->text()));
    setAccessibleDescription(m_summary->text() + u' ' + m_suggestion->text());
    m_details->setPlainText(error.details());
    // Tall enough for every line (up to a limit), so there is nothing to scroll.
    const int blocks = int(m_details->document()->blockCount());
    const int lines = std::min(blocks, kMaxDetailLines);
    m_details->setVerticalScrollBarPolicy(blocks > kMaxDetailLines ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    m_details->setFixedHeight(m_details->fontMetrics().lineSpacing() * (lines + 1)
        + int(2 * m_details->document()->documentMargin()) + 2 * m_details->frameWidth() + 2);
    m_detailsButton->setChecked(false);
    show();
    // Announce it: the banner appears where the admin is not looking.
    QAccessibleEvent alert(m_summary, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ErrorBanner::dismiss()
{
    hide();
    m_detailsButton->setChecked(false);
}

// What to try next, by the kind of failure; the summary already says what
// happened and Graph's message why.
QString ErrorBanner::suggestion(const GraphError &error)
{
    if (!error.nextStep.isEmpty())
        return error.nextStep;
    switch (error.kind) {
    case GraphError::Kind::Network:
        return tr("Check the network connection and any proxy, then try again (Refresh, F5).");
    case GraphError::Kind::Timeout:
        return tr("Try again. If it keeps timing out, raise the Graph call timeout in Preferences.");
    case GraphError::Kind::InvalidResponse:
        return tr("Something other than Graph may have answered (a proxy or captive portal). Check the network, "
                  "then try again.");
    case GraphError::Kind::Cancelled:
    case GraphError::Kind::Refused: return {};
    case GraphError::Kind::Http: break;
    }
    const int status = error.httpStatus;
    if (error.answeredByIntermediary)
        return tr(
            "Check the network, VPN or proxy (or sign in to the network's portal), reload, then try again. The page "
            "came from a machine between this computer and Graph, so Microsoft support cannot trace it.");
    if (status == 401)
        return tr("The sign-in is no longer accepted: sign in again from the Account menu.");
    if (status == 403)
        return tr("The sign-in lacks a permission for this: see Account > Account details, have an administrator "
                  "grant it, then sign in again.");
    if (status == 404)
        return tr("It may have been deleted in the meantime: press Refresh (F5).");
    if (status == 409 || status == 412)
        return tr("Someone else changed it at the same time: press Refresh (F5) and check before trying again.");
    if (status == 429 || status == 503 || status == 504)
        return tr("Intune is busy or throttling: wait a minute, then try again.");
    if (status >= 500)
        return tr("The service failed: try again later. If it persists, give Microsoft support the request-id.");
    if (status >= 400)
        return tr("Graph refused the request as sent: the details show its reason; check the target and the "
                  "request preview.");
    return {};
}

QString ErrorBanner::summaryText() const
{
    return m_summary->text();
}

QString ErrorBanner::suggestionText() const
{
    return m_suggestion->text();
}

QString ErrorBanner::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace ea::ui
