#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace ea::ui {

// Installs the GUI's translations for locale (by default the system's UI
// languages, in order): the app's own (embedded under :/i18n; English has one
// too, for its plural forms) and Qt's (for the standard dialog buttons; see
// installQtTranslation, from qtTranslationDirs()). Calling it again replaces
// what the previous call installed. Returns whether the app's own translation
// was found.
bool installTranslations(const QLocale &locale = QLocale::system());

// Where Qt's own translations are looked for, in this order: Qt's translations
// folder (QLibraryInfo, which qt.conf of a deployed build points into the
// package), then beside the program: <bin>/translations, <prefix>/translations
// (windeployqt) and, in the macOS bundle, Contents/Resources/translations.
QStringList qtTranslationDirs();

// Installs Qt's own translation for locale, replacing the one installed
// before: qt_<lang>.qm from the first of dirs that has it (windeployqt's
// merged catalogue, or Qt's own catalogue of catalogues), else
// qtbase_<lang>.qm from the first that has that. Returns the file loaded, or
// an empty string when none was found (Qt's strings stay English).
QString installQtTranslation(const QLocale &locale, const QStringList &dirs);

// The language asked for on the command line (--lang de, --lang=de), before
// the parser runs, so that the parser's own messages are translated too.
// Empty when not given.
QString languageArgument(int argc, char *argv[]);

} // namespace ea::ui
