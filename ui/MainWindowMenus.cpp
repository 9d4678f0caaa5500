// The parts of the main window that issue 6 added around the workspace: the
// menu bar, the request log dock, Copy as on the request preview and About.
// Kept apart from MainWindow.cpp so the workspace code stays readable.

#include "MainWindow.h"

#include "service/Session.h"
#include "widgets/AboutDialog.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/Icons.h"
#include "widgets/RequestLogDock.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace ea::ui {

namespace {

constexpr int kStatusMessageMs = 5000;

} // namespace

QToolButton *MainWindow::buildPreviewCopyAsButton(QWidget *parent)
{
    m_previewCopyAs = new CopyAsMenu([this] { return m_previewRequest; }, this);
    m_previewCopyAs->setObjectName(QStringLiteral("previewCopyAsMenu"));
    connect(m_previewCopyAs, &CopyAsMenu::copied, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });

    m_previewCopyAsButton = new QToolButton(parent);
    m_previewCopyAsButton->setObjectName(QStringLiteral("previewCopyAsButton"));
    m_previewCopyAsButton->setText(tr("Copy as"));
    m_previewCopyAsButton->setAccessibleName(tr("Copy the request as curl, PowerShell or a Graph Explorer link"));
    m_previewCopyAsButton->setToolTip(tr("Copy this request to run it elsewhere; the token is never included"));
    m_previewCopyAsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_previewCopyAs->addButton(m_previewCopyAsButton);

    // The preview's own menu (Copy, Select All) gains the same entries.
    m_preview->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_preview, &QWidget::customContextMenuRequested, this, &MainWindow::showPreviewContextMenu);
    return m_previewCopyAsButton;
}

void MainWindow::showPreviewContextMenu(const QPoint &position)
{
    QMenu *menu = m_preview->createStandardContextMenu(position);
    menu->setObjectName(QStringLiteral("previewContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSeparator();
    m_previewCopyAs->updateActions();
    menu->addActions(m_previewCopyAs->copyActions());
    menu->popup(m_preview->viewport()->mapToGlobal(position));
}

void MainWindow::buildRequestLogAndMenus()
{
    m_requestLogDock = new RequestLogDock(this);
    if (m_session)
        m_requestLogDock->attach(m_session->graph());
    connect(m_requestLogDock, &RequestLogDock::message, this,
        [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    addDockWidget(Qt::BottomDockWidgetArea, m_requestLogDock);
    tabifyDockWidget(m_historyDock, m_requestLogDock);
    m_requestLogDock->hide();

    m_requestLogAction = m_requestLogDock->toggleViewAction();
    m_requestLogAction->setObjectName(QStringLiteral("requestLogAction"));
    m_requestLogAction->setText(tr("Request &log"));
    m_requestLogAction->setIcon(appIcon(QStringLiteral("request-log"), QStyle::SP_FileDialogContentsView));
    m_requestLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_requestLogAction->setToolTip(tr("Show every call sent to Graph: status, duration, request-id, headers and "
                                      "bodies (%1)")
                                       .arg(m_requestLogAction->shortcut().toString(QKeySequence::NativeText)));
    m_requestLogAction->setEnabled(m_session != nullptr);
    addAction(m_requestLogAction);
    m_toolBar->addAction(m_requestLogAction);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_requestLogAction))) {
        button->setObjectName(QStringLiteral("requestLogButton"));
        button->setAccessibleName(tr("Request log"));
    }
    // Shown means in front of its tab group (after the dock layout has put the tab back).
    connect(m_requestLogAction, &QAction::toggled, this, [this](bool shown) {
        if (!shown)
            return;
        QTimer::singleShot(0, m_requestLogDock, [this] {
            m_requestLogDock->raise();
            // Room for a few calls and their details, not a two-row strip.
            const int wanted = m_requestLogDock->fontMetrics().height() * 16;
            if (m_requestLogDock->height() < wanted)
                resizeDocks({m_requestLogDock}, {wanted}, Qt::Vertical);
        });
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_historyAction);
    view->addAction(m_requestLogAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    auto *about = help->addAction(tr("&About Enrollment Assigner"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole); // macOS: in the application menu
    auto *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
}

} // namespace ea::ui
