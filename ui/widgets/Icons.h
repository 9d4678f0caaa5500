#pragma once

#include <QIcon>
#include <QStyle>

namespace ea::ui {

// The app's own SVG icon (":/icons/<name>.svg") when Qt can render SVG, else
// the style's standard icon: the SVG plugins are a separate package on Linux
// and must be deployed on Windows and macOS, and a missing plugin must not
// leave blank buttons.
QIcon appIcon(const QString &name, QStyle::StandardPixmap fallback);

} // namespace ea::ui
