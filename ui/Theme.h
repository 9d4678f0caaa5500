#pragma once

#include <QColor>
#include <QString>

#include <functional>

class QObject;
class QPalette;

namespace ea::ui::theme {

// What a coloured element says. Colour is never the only carrier: every
// banner has a title or icon and every status text says what it means in
// words; the colour only makes it quicker to see.
enum class Tone { Info, Success, Warning, Error };

// The scheme the app runs in. Qt 6.5+ follows the OS (QStyleHints::
// colorScheme) unless one is forced; on 6.4 a forced dark scheme switches to
// Fusion with a dark palette. All Qt version checks of the theme are in Theme.cpp.
enum class Scheme { System, Light, Dark };

// Parses "dark", "light" or "system"/"" (--color-scheme, EA_COLOR_SCHEME); false if unknown.
bool parseScheme(const QString &text, Scheme *out);
// Call once, after QApplication exists and before the first window.
void applyScheme(Scheme scheme);

// Whether the current palette is dark (its window colour is).
bool isDark();

// Colours of a tone for the current scheme: text on the normal background,
// and a banner's background, border and text.
QColor textColor(Tone tone);
struct BannerColors
{
    QColor background;
    QColor border;
    QColor text;
};
BannerColors bannerColors(Tone tone);

// Style sheets built from those colours. selector names the widget, e.g.
// "QFrame#errorBanner"; a framed banner styles the QLabels inside it too.
QString framedBannerStyleSheet(const QString &selector, Tone tone);
QString calloutStyleSheet(const QString &selector, Tone tone); // a label with a coloured left edge
QString textStyleSheet(Tone tone); // "color: …;" for a status label

// Runs apply now and again whenever the scheme changes (Qt 6.5+: the OS
// switched light/dark), for as long as context lives.
void onSchemeChange(QObject *context, const std::function<void()> &apply);

} // namespace ea::ui::theme
