#pragma once

#include <QLocale>
#include <QString>

namespace ea::ui {

// Installs the GUI's translations for locale (by default the system's UI
// languages, in order): the app's own (embedded under :/i18n; English has one
// too, for its plural forms) and Qt's (qtbase_*.qm, for the standard dialog
// buttons). Calling it again replaces what the previous call installed.
// Returns whether the app's own translation was found.
bool installTranslations(const QLocale &locale = QLocale::system());

// The language asked for on the command line (--lang de, --lang=de), before
// the parser runs, so that the parser's own messages are translated too.
// Empty when not given.
QString languageArgument(int argc, char *argv[]);

} // namespace ea::ui
