#pragma once

#include <QString>

class QAction;
class QLineEdit;

namespace ea::ui {

// The buttons a line edit shows for its actions (an icon inside the field,
// the clear button of setClearButtonEnabled) are tool buttons Qt makes
// without a name: a screen reader announces "button" and nothing else.
// These name them; the name is also their tooltip.

// Names the button of an action added with QLineEdit::addAction.
void nameLineEditAction(QLineEdit *edit, QAction *action, const QString &name);

// Turns on the clear button and names it ("Clear the filter").
void enableNamedClearButton(QLineEdit *edit, const QString &name);

} // namespace ea::ui
