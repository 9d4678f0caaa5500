// The main window's bottom dock area: the assignments created in this session
// (always there), the History beside it as a tab, and the actions that open
// and close the panels (History here, the request log in MainWindowMenus.cpp).
// Kept apart from MainWindow.cpp so the window's wiring stays readable.

#include "MainWindow.h"
#include "panes/CreatedAssignmentsPane.h"
#include "panes/HistoryPane.h"
#include "service/Session.h"
#include "widgets/Icons.h"
#include "widgets/RequestLogDock.h"

#include <QAction>
#include <QDockWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace ea::ui {

void MainWindow::buildDocks()
{
    // The assignments created in this session: always there (it cannot be closed).
    m_createdDock = new QDockWidget(tr("Created assignments"), this);
    m_createdDock->setObjectName(QStringLiteral("createdDock"));
    m_createdDock->setAccessibleName(tr("Created assignments"));
    m_createdDock->setFeatures(QDockWidget::DockWidgetMovable);
    m_createdDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    m_createdPane = new CreatedAssignmentsPane(m_session != nullptr, m_writes, m_undoAction, m_createdDock);
    m_createdDock->setTitleBarWidget(m_createdPane->titleBar());
    m_createdDock->setWidget(m_createdPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_createdDock);
    setTabPosition(Qt::BottomDockWidgetArea, QTabWidget::North);
    m_createdDock->setVisible(m_session != nullptr);

    // The History: a tab beside it, so opening it takes no room from the workspace.
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setAccessibleName(tr("History of writes"));
    m_historyDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    m_historyPane = new HistoryPane(m_session ? m_session->auditJournal() : nullptr, m_groups, m_writes, m_historyDock);
    m_historyDock->setTitleBarWidget(m_historyPane->titleBar());
    m_historyDock->setWidget(m_historyPane);
    connect(m_historyPane, &HistoryPane::hideRequested, m_historyDock, &QDockWidget::hide);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    tabifyDockWidget(m_createdDock, m_historyDock);
    m_historyDock->hide();

    m_historyAction = new QAction(this);
    m_historyAction->setObjectName(QStringLiteral("historyAction"));
    m_historyAction->setText(tr("&History"));
    m_historyAction->setIcon(appIcon(QStringLiteral("history"), QStyle::SP_FileDialogDetailedView));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setToolTip(tr("Show the audit journal: every write, its outcome and request-id (%1)")
                                    .arg(m_historyAction->shortcut().toString(QKeySequence::NativeText)));
    m_toolBar->addSeparator();
    addPanelAction(m_historyDock, m_historyAction, QStringLiteral("historyButton"), tr("History"));
    // The first time, a little more room for the table.
    connect(m_historyAction, &QAction::toggled, this, [this](bool shown) {
        if (!shown || m_historyShownBefore)
            return;
        m_historyShownBefore = true;
        QTimer::singleShot(
            0, m_historyDock, [this] { resizeDocks({m_historyDock}, {bottomDockHeight(260, 35)}, Qt::Vertical); });
    });
    // Read when first shown, never before the window's first paint.
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_historyPane->isDirty())
            m_historyPane->reload();
    });
}

void MainWindow::addPanelAction(
    QDockWidget *dock, QAction *action, const QString &buttonName, const QString &buttonAccessibleName)
{
    action->setCheckable(true);
    action->setChecked(!dock->isHidden());
    // On the checked state, not on triggered: a toolbar button toggled by a
    // screen reader sets the action's state without triggering it.
    connect(action, &QAction::toggled, dock, [this, dock, action](bool checked) {
        if (checked && dock->isHidden()) {
            showPanel(dock);
        } else if (!checked && !dock->isHidden()) {
            if (isPanelInFront(dock)) {
                dock->hide();
            } else {
                action->setChecked(true);
                showPanel(dock);
            }
        }
    });
    // Hidden or shown any other way.
    connect(dock, &QDockWidget::visibilityChanged, action, [this, dock, action] {
        action->setChecked(!dock->isHidden());
        if (dock->isHidden())
            restoreBottomDockHeight();
    });
    addAction(action);
    m_toolBar->addAction(action);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action))) {
        button->setObjectName(buttonName);
        button->setAccessibleName(buttonAccessibleName);
        // Qt 6.4 passes a toggled button's state on to its action; should a Qt not, do it here.
        connect(button, &QAbstractButton::toggled, action, [action](bool on) {
            if (on != action->isChecked())
                action->trigger();
        });
    }
}

bool MainWindow::isPanelInFront(QDockWidget *dock) const
{
    // A dock behind another tab is "visible" too; in front it has screen area.
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

void MainWindow::showPanel(QDockWidget *dock)
{
    // Before a panel joins the bottom area, remember how tall the area was:
    // when the panels are closed again, the workspace gets its room back.
    if (m_historyDock->isHidden() && m_requestLogDock->isHidden())
        m_bottomDockHeight = m_createdDock->isVisible() ? m_createdDock->height() : 0;
    dock->show();
    // In front of its tab group, once the dock layout has put its tab back
    // (later in this turn of the event loop).
    QTimer::singleShot(0, dock, [dock] { dock->raise(); });
}

void MainWindow::restoreBottomDockHeight()
{
    if (m_bottomDockHeight > 0 && m_historyDock->isHidden() && m_requestLogDock->isHidden()) {
        resizeDocks({m_createdDock}, {m_bottomDockHeight}, Qt::Vertical);
        m_bottomDockHeight = 0;
    }
}

} // namespace ea::ui
