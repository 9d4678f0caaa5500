#include "widgets/Icons.h"

#include <QApplication>
#include <QImageReader>

namespace ea::ui {

namespace {

bool canRenderSvg()
{
    static const bool svg = QImageReader::supportedImageFormats().contains(QByteArrayLiteral("svg"));
    return svg;
}

} // namespace

QIcon appIcon(const QString &name, QStyle::StandardPixmap fallback)
{
    if (canRenderSvg()) {
        QIcon icon(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
        if (!icon.isNull())
            return icon;
    }
    return QApplication::style()->standardIcon(fallback);
}

} // namespace ea::ui
