#include "widgets/LineEditActions.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace ea::ui {

void nameLineEditAction(QLineEdit *edit, QAction *action, const QString &name)
{
    action->setText(name);
    action->setToolTip(name);
    // The button copies the action's text, but its accessible name is what
    // screen readers read first: set it on the button as well.
    const QList<QToolButton *> buttons = edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons) {
        if (button->defaultAction() == action)
            button->setAccessibleName(name);
    }
}

void enableNamedClearButton(QLineEdit *edit, const QString &name)
{
    edit->setClearButtonEnabled(true);
    // Qt's own name for the action it adds (the same from Qt 5.2 to 6.8).
    if (auto *clear = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction")))
        nameLineEditAction(edit, clear, name);
}

} // namespace ea::ui
