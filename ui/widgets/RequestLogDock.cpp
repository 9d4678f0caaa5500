#include "widgets/RequestLogDock.h"

#include "models/RequestLogModel.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/ListTableView.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

RequestLogDock::RequestLogDock(QWidget *parent)
    : QDockWidget(tr("Request log"), parent)
    , m_model(new RequestLogModel(this))
{
    setObjectName(QStringLiteral("requestLogDock"));
    setAccessibleName(tr("Request log"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);

    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("requestLogPane"));
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("requestLogTitleBar"));
    auto *title = new QLabel(tr("Request log"), bar);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_summary = new QLabel(bar);
    m_summary->setObjectName(QStringLiteral("requestLogSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_copyRequestId = new QAction(tr("Copy &request-id"), this);
    m_copyRequestId->setObjectName(QStringLiteral("copyRequestIdAction"));
    m_copyRequestId->setToolTip(tr("Copy the selected call's request-id, which Microsoft support asks for"));
    m_copyRequestId->setShortcut(QKeySequence::Copy);
    m_copyRequestId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyRequestId, &QAction::triggered, this, &RequestLogDock::copyRequestId);

    m_copyRequestIdButton = new QPushButton(m_copyRequestId->text().remove(u'&'), bar);
    m_copyRequestIdButton->setObjectName(QStringLiteral("copyRequestIdButton"));
    m_copyRequestIdButton->setAccessibleName(tr("Copy the request-id"));
    m_copyRequestIdButton->setToolTip(m_copyRequestId->toolTip());
    connect(m_copyRequestIdButton, &QPushButton::clicked, this, &RequestLogDock::copyRequestId);

    m_copyAs = new CopyAsMenu([this] { return selectedRequest(); }, this);
    connect(m_copyAs, &CopyAsMenu::copied, this, &RequestLogDock::message);
    m_copyAsButton = new QPushButton(tr("Copy as"), bar);
    m_copyAsButton->setObjectName(QStringLiteral("requestLogCopyAsButton"));
    m_copyAsButton->setAccessibleName(tr("Copy the selected call as curl, PowerShell or a Graph Explorer link"));
    m_copyAs->addButton(m_copyAsButton);

    m_exportButton = new QPushButton(tr("Export…"), bar);
    m_exportButton->setObjectName(QStringLiteral("requestLogExportButton"));
    m_exportButton->setAccessibleName(tr("Export the request log to a file"));
    m_exportButton->setToolTip(tr("Save every logged call as JSON lines (the token is never in it)"));
    connect(m_exportButton, &QPushButton::clicked, this, &RequestLogDock::exportWithDialog);

    m_clearButton = new QPushButton(tr("Clear"), bar);
    m_clearButton->setObjectName(QStringLiteral("requestLogClearButton"));
    m_clearButton->setAccessibleName(tr("Clear the request log"));
    connect(m_clearButton, &QPushButton::clicked, this, &RequestLogDock::clear);

    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("requestLogView"));
    m_view->setAccessibleName(tr("Logged calls"));
    m_view->setModel(m_model);
    setUpListTableView(m_view);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_view->fontMetrics();
    const int pad = 20;
    header->resizeSection(RequestLogModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + pad);
    header->resizeSection(RequestLogModel::MethodColumn, fm.horizontalAdvance(QStringLiteral("DELETE")) + pad);
    header->resizeSection(RequestLogModel::UrlColumn, fm.averageCharWidth() * 40);
    header->resizeSection(RequestLogModel::StatusColumn, fm.horizontalAdvance(tr("no answer")) + pad);
    header->resizeSection(RequestLogModel::DurationColumn, fm.horizontalAdvance(QStringLiteral("00000 ms")) + pad);
    header->resizeSection(RequestLogModel::AttemptColumn, fm.horizontalAdvance(tr("retry 0")) + pad);
    const int idWidth = fm.horizontalAdvance(QStringLiteral("00000000-0000-0000-0000-000000000000")) + pad;
    header->resizeSection(RequestLogModel::RequestIdColumn, idWidth);
    header->resizeSection(RequestLogModel::ClientRequestIdColumn, idWidth);
    m_view->addAction(m_copyRequestId);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RequestLogDock::showContextMenu);

    m_details = new QPlainTextEdit(content);
    m_details->setObjectName(QStringLiteral("requestLogDetails"));
    m_details->setAccessibleName(tr("Details of the selected call"));
    m_details->setAccessibleDescription(tr("Headers (Authorization redacted) and bodies of the call"));
    m_details->setReadOnly(true);
    m_details->setTabChangesFocus(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a call to see its headers and bodies."));

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->setObjectName(QStringLiteral("requestLogSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    // The title bar carries what the log says and does, as the History's does:
    // no second title above the table, and the tab above it names the dock.
    auto *hideButton = new QPushButton(tr("Hide"), bar);
    hideButton->setObjectName(QStringLiteral("hideRequestLogButton"));
    hideButton->setAccessibleName(tr("Hide the request log"));
    connect(hideButton, &QPushButton::clicked, this, &QWidget::hide);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(8, 4, 8, 2);
    barLayout->addWidget(title);
    barLayout->addSpacing(6);
    barLayout->addWidget(m_summary, 1);
    barLayout->addWidget(m_copyRequestIdButton);
    barLayout->addWidget(m_copyAsButton);
    barLayout->addWidget(m_exportButton);
    barLayout->addWidget(m_clearButton);
    barLayout->addWidget(hideButton);
    setTitleBarWidget(bar);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 0, 8, 4);
    layout->addWidget(m_splitter, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestLogDock::updateSelection);
    // The selected call may be the one whose answer just came in.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == selectedRow())
            updateSelection();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogDock::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RequestLogDock::updateSelection);
    // Follow new calls while the newest is in view; stay put while the admin reads older ones.
    // A hidden log (its usual state) does not scroll: each scroll lays the table out again, and
    // reading 10,000 configurations (401 pages) spent a tenth of the window's CPU time on it
    // (issue 15, P3). It keeps whether it follows and catches up when it is shown.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        if (!m_view->isVisible())
            return;
        QScrollBar *bar = m_view->verticalScrollBar();
        m_following = bar->value() >= bar->maximum();
        if (m_following)
            scrollToNewestLater();
    });
    m_view->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RequestLogDock::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RequestLogDock::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogDock::updateSummary);
    updateSelection();
    updateSummary();
}

bool RequestLogDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Hide) {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_following = bar->value() >= bar->maximum();
    }
    // Shown again (the dock opened, or its tab chosen): where it would be had it followed all along.
    if (watched == m_view && event->type() == QEvent::Show && m_following)
        scrollToNewestLater();
    return QDockWidget::eventFilter(watched, event);
}

void RequestLogDock::scrollToNewestLater()
{
    // Queued: the rows are not inserted yet, or the view not laid out yet.
    QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
}

void RequestLogDock::attach(GraphClient *client)
{
    m_model->attach(client);
}

int RequestLogDock::selectedRow() const
{
    if (!m_view)
        return -1; // still being built
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

std::optional<RequestPreview> RequestLogDock::selectedRequest() const
{
    const ExchangeRecord *exchange = m_model->exchangeAt(selectedRow());
    // A capped body would make a command that sends something else.
    if (!exchange || exchange->requestBodyTruncated)
        return std::nullopt;
    return requestexport::fromExchange(*exchange);
}

void RequestLogDock::updateSelection()
{
    const ExchangeRecord *exchange = m_model->exchangeAt(selectedRow());
    const QString details = exchange ? m_model->detailsText(*exchange) : QString();
    if (m_details->toPlainText() != details)
        m_details->setPlainText(details);
    const bool hasRequestId = exchange && !exchange->requestId.isEmpty();
    m_copyRequestId->setEnabled(hasRequestId);
    m_copyRequestIdButton->setEnabled(hasRequestId);
    m_copyAs->updateActions();
}

void RequestLogDock::updateSummary()
{
    const int count = m_model->rowCount();
    m_summary->setText(count == 0          ? tr("No calls yet: every request the app sends appears here.")
            : count >= m_model->capacity() ? tr("Calls: the last %1 of this session").arg(count)
                                           : tr("Calls in this session: %1").arg(count));
    m_exportButton->setEnabled(count > 0);
    m_clearButton->setEnabled(count > 0);
}

void RequestLogDock::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->selectRow(index.row());
    auto *menu = new QMenu(m_view);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyRequestId);
    menu->addSeparator();
    m_copyAs->updateActions();
    menu->addActions(m_copyAs->copyActions());
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void RequestLogDock::copyRequestId()
{
    const ExchangeRecord *exchange = m_model->exchangeAt(selectedRow());
    if (!exchange || exchange->requestId.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(exchange->requestId);
    Q_EMIT message(tr("Copied request-id %1.").arg(exchange->requestId));
}

bool RequestLogDock::exportTo(const QString &path, QString *problem) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *problem = file.errorString();
        return false;
    }
    for (const ExchangeRecord &exchange : m_model->exchanges())
        file.write(requestexport::exchangeToJsonLine(exchange) + '\n');
    if (!file.commit()) {
        *problem = file.errorString();
        return false;
    }
    return true;
}

void RequestLogDock::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("request-log-%1.jsonl")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    auto *dialog = new QFileDialog(
        this, tr("Export the request log"), QDir(folder).filePath(name), tr("JSON lines (*.jsonl);;All files (*)"));
    dialog->setObjectName(QStringLiteral("requestLogExportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("jsonl"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString problem;
        if (exportTo(path, &problem)) {
            Q_EMIT message(tr("Saved the request log (%n call(s)) to %1.", nullptr, m_model->rowCount())
                               .arg(QDir::toNativeSeparators(path)));
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export the request log"),
            tr("The request log could not be saved to %1.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("requestLogExportError"));
        box->setInformativeText(problem);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    dialog->open();
}

void RequestLogDock::clear()
{
    m_model->clear();
}

} // namespace ea::ui
