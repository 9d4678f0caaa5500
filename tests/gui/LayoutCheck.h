// What an admin on a small screen would see cut off, as a list of findings:
// used by the small-screen and the translation tests. Every visible widget of
// the window must lie inside its parent (a scroll area's contents may extend
// past the viewport: they scroll), and every text a widget shows must fit it
// (Qt clips a button's or a label's text without an ellipsis).

#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QScrollBar>
#include <QStringList>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

namespace ea::testing {

inline QString describeWidget(const QWidget *w)
{
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(w))
        text = button->text();
    else if (const auto *label = qobject_cast<const QLabel *>(w))
        text = label->text();
    else if (const auto *box = qobject_cast<const QGroupBox *>(w))
        text = box->title();
    else if (const auto *combo = qobject_cast<const QComboBox *>(w))
        text = combo->currentText();
    if (text.size() > 60)
        text = text.left(57) + QStringLiteral("...");
    const QRect g = w->geometry();
    return QStringLiteral("%1 \"%2\" [%3] at %4,%5 %6x%7")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text)
        .arg(g.x())
        .arg(g.y())
        .arg(g.width())
        .arg(g.height());
}

inline bool isScrollViewport(const QWidget *w)
{
    const auto *area = w ? qobject_cast<const QAbstractScrollArea *>(w->parentWidget()) : nullptr;
    return area && area->viewport() == w;
}

// Cells of an item view are drawn by the view (the German test checks them);
// its own children (header, corner button, editors) are Qt's.
inline bool insideItemView(const QWidget *w, const QWidget *window)
{
    for (const QWidget *p = w->parentWidget(); p && p != window; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractItemView *>(p))
            return true;
    }
    return false;
}

// Every problem found in the window as it is now (it must be shown).
inline QStringList clippingProblems(QWidget *window)
{
    QStringList problems;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible() || w->isWindow() || w->window() != window || insideItemView(w, window))
            continue;
        // A line edit places its icon buttons (clear, a leading icon) itself, icon only.
        if (qobject_cast<QLineEdit *>(w->parentWidget()))
            continue;
        // The dock area's tab bar when a dock has no visible sibling: Qt moves it out of
        // sight instead of hiding it, and the dock's title bar says what the tab would.
        if (auto *tabs = qobject_cast<QTabBar *>(w);
            tabs && tabs->count() < 2 && !w->geometry().intersects(w->parentWidget()->rect()))
            continue;
        // A dock behind another dock's tab: Qt moves it out of sight; its tab shows it.
        if (auto *dock = qobject_cast<QDockWidget *>(w); dock && !w->geometry().intersects(w->parentWidget()->rect())) {
            auto *mainWindow = qobject_cast<QMainWindow *>(w->parentWidget());
            if (mainWindow && !mainWindow->tabifiedDockWidgets(dock).isEmpty())
                continue;
        }
        QWidget *parent = w->parentWidget();
        const QSize minimum = w->minimumSizeHint();

        // Where it is: inside its parent, or in a scroll area's contents.
        if (!w->size().isEmpty() && !isScrollViewport(parent) && !parent->rect().contains(w->geometry()))
            problems << QStringLiteral("outside its parent %1: %2").arg(describeWidget(parent), describeWidget(w));

        // What it shows: the whole text.
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty())
                continue;
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height())
                    problems
                        << QStringLiteral("wrapped text needs %1 px height: %2").arg(needed).arg(describeWidget(w));
            } else if (label->width() < minimum.width() || label->height() < minimum.height()) {
                problems << QStringLiteral("text needs %1x%2: %3")
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(describeWidget(w));
            }
        } else if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QGroupBox *>(w)
            || qobject_cast<QLineEdit *>(w)) {
            if (w->width() < minimum.width() || w->height() < minimum.height())
                problems << QStringLiteral("needs %1x%2: %3")
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(describeWidget(w));
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const QRect tab = tabs->tabRect(i);
                const int textWidth = tabs->fontMetrics().horizontalAdvance(tabs->tabText(i));
                if (!tabs->rect().contains(tab) || tab.width() < textWidth)
                    problems << QStringLiteral("tab \"%1\" does not fit: %2").arg(tabs->tabText(i), describeWidget(w));
            }
        } else if (auto *area = qobject_cast<QAbstractScrollArea *>(w)) {
            // Contents past the viewport must be reachable: the scroll bar shows.
            const QWidget *contents = area->viewport()->findChild<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
            if (contents && !qobject_cast<QAbstractItemView *>(area)) {
                if (contents->width() > area->viewport()->width() && !area->horizontalScrollBar()->isVisible())
                    problems << QStringLiteral("wider than its viewport, no scroll bar: %1").arg(describeWidget(w));
                if (contents->height() > area->viewport()->height() && !area->verticalScrollBar()->isVisible())
                    problems << QStringLiteral("taller than its viewport, no scroll bar: %1").arg(describeWidget(w));
            }
        }
    }
    // A toolbar that cannot show all its actions offers the rest behind its
    // extension button.
    const QList<QToolBar *> toolBars = window->findChildren<QToolBar *>();
    for (QToolBar *bar : toolBars) {
        if (!bar->isVisible())
            continue;
        bool hidden = false;
        for (QAction *action : bar->actions()) {
            QWidget *widget = bar->widgetForAction(action);
            if (action->isVisible() && !action->isSeparator() && widget && !widget->isVisible())
                hidden = true;
        }
        auto *extension = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        if (hidden && (!extension || !extension->isVisible() || !extension->isEnabled()))
            problems
                << QStringLiteral("toolbar hides actions without an extension button: %1").arg(describeWidget(bar));
    }
    return problems;
}

} // namespace ea::testing
