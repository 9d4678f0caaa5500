#include "widgets/ErrorBanner.h"

#include "widgets/Icons.h"

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
    , m_summary(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_copyButton(new QPushButton(this))
    , m_dismissButton(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    setFrameShape(QFrame::StyledPanel);
    // Fixed colours with a fixed text colour, so the contrast holds in light and dark themes.
    setStyleSheet(QStringLiteral("QFrame#errorBanner { background: #fde7e9; border: 1px solid #c50f1f; "
                                 "border-radius: 4px; }"
                                 "QFrame#errorBanner QLabel { color: #3b0509; background: transparent; }"));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(appIcon(QStringLiteral("error"), QStyle::SP_MessageBoxCritical).pixmap(iconSize, iconSize));
    m_icon->setAlignment(Qt::AlignTop);

    m_summary->setObjectName(QStringLiteral("errorSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("Error summary"));

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
    m_details->setStyleSheet(QStringLiteral("QPlainTextEdit { background: #ffffff; color: #1b1b1b; }"));
    m_details->setVisible(false);

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon);
    row->addWidget(m_summary, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    row->addWidget(m_copyButton, 0, Qt::AlignTop);
    row->addWidget(m_dismissButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(row);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    connect(m_copyButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_summary->text() + u'\n' + m_details->toPlainText()); });
    connect(m_dismissButton, &QToolButton::clicked, this, &ErrorBanner::dismiss);

    setVisible(false);
}

void ErrorBanner::showError(const QString &what, const GraphError &error)
{
    m_summary->setText(what.isEmpty() ? error.summary() : tr("%1: %2").arg(what, error.summary()));
    m_details->setPlainText(error.details());
    // Tall enough for every line (up to a limit), so there is nothing to scroll.
    const int blocks = int(m_details->document()->blockCount());
    const int lines = std::min(blocks, kMaxDetailLines);
    m_details->setVerticalScrollBarPolicy(blocks > kMaxDetailLines ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    m_details->setFixedHeight(m_details->fontMetrics().lineSpacing() * (lines + 1)
        + int(2 * m_details->document()->documentMargin()) + 2 * m_details->frameWidth() + 2);
    m_detailsButton->setChecked(false);
    show();
}

void ErrorBanner::dismiss()
{
    hide();
    m_detailsButton->setChecked(false);
}

QString ErrorBanner::summaryText() const
{
    return m_summary->text();
}

QString ErrorBanner::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace ea::ui
