#include "Theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace ea::ui::theme {

namespace {

// Fluent-like tones; the dark ones are lighter text on darker fills, chosen
// for at least 4.5:1 contrast against their background.
struct ToneColors
{
    const char *text;
    const char *background;
    const char *border;
    const char *bannerText;
};

ToneColors colorsOf(Tone tone, bool dark)
{
    switch (tone) {
    case Tone::Info:
        return dark ? ToneColors {"#82c7ff", "#0e2a44", "#479ef5", "#d6ebff"}
                    : ToneColors {"#0f548c", "#eff6fc", "#0f6cbd", "#0b2e4f"};
    case Tone::Success:
        return dark ? ToneColors {"#6ccb5f", "#0f2e0f", "#54b054", "#dff6dd"}
                    : ToneColors {"#107c10", "#dff6dd", "#107c10", "#052505"};
    case Tone::Warning:
        return dark ? ToneColors {"#f2c661", "#3d3000", "#c19c00", "#fff4ce"}
                    : ToneColors {"#8a5300", "#fff4ce", "#c19c00", "#3d2e00"};
    case Tone::Error:
        return dark ? ToneColors {"#f1707b", "#3f1011", "#dc626d", "#fde7e9"}
                    : ToneColors {"#c50f1f", "#fde7e9", "#c50f1f", "#3b0509"};
    }
    return colorsOf(Tone::Info, dark);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x20, 0x20);
    const QColor base(0x2b, 0x2b, 0x2b);
    const QColor text(0xf0, 0xf0, 0xf0);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x99, 0xa4));
    p.setColor(QPalette::Light, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x34, 0x34));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x47, 0x9e, 0xf5));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x82, 0xc7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x9d, 0xff));
    for (QPalette::ColorRole role :
        {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

} // namespace

bool parseScheme(const QString &text, Scheme *out)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == u"system")
        *out = Scheme::System;
    else if (t == u"dark")
        *out = Scheme::Dark;
    else if (t == u"light")
        *out = Scheme::Light;
    else
        return false;
    return true;
}

void applyScheme(Scheme scheme)
{
    if (scheme == Scheme::System)
        return; // the platform's palette; on 6.5+ it follows the OS scheme
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Qt asks the platform for this scheme; the native styles restyle themselves.
    QGuiApplication::styleHints()->setColorScheme(
        scheme == Scheme::Dark ? Qt::ColorScheme::Dark : Qt::ColorScheme::Light);
    if (scheme == Scheme::Dark && !isDark()) {
        // The platform has no dark palette (offscreen, some Linux desktops).
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    } else if (scheme == Scheme::Light && isDark()) {
        // Our own dark palette from an earlier Dark is still installed, and
        // the platform's light scheme does not replace an application palette.
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
#else
    // Before 6.8 the scheme cannot be requested: Fusion with our palette.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(scheme == Scheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
#endif
}

bool isDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor textColor(Tone tone)
{
    return QColor(QLatin1String(colorsOf(tone, isDark()).text));
}

BannerColors bannerColors(Tone tone)
{
    const ToneColors c = colorsOf(tone, isDark());
    return {QColor(QLatin1String(c.background)), QColor(QLatin1String(c.border)), QColor(QLatin1String(c.bannerText))};
}

QString framedBannerStyleSheet(const QString &selector, Tone tone)
{
    const BannerColors c = bannerColors(tone);
    return QStringLiteral("%1 { background: %2; border: 1px solid %3; border-radius: 4px; }"
                          "%1 QLabel { color: %4; background: transparent; }")
        .arg(selector, c.background.name(), c.border.name(), c.text.name());
}

QString calloutStyleSheet(const QString &selector, Tone tone)
{
    const BannerColors c = bannerColors(tone);
    return QStringLiteral("%1 { background: %2; color: %3; border-left: 3px solid %4; padding: 4px 6px; }")
        .arg(selector, c.background.name(), c.text.name(), c.border.name());
}

QString textStyleSheet(Tone tone)
{
    return QStringLiteral("color: %1;").arg(textColor(tone).name());
}

void onSchemeChange(QObject *context, const std::function<void()> &apply)
{
    apply();
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QObject::connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, context,
        [apply](Qt::ColorScheme) { apply(); });
#else
    Q_UNUSED(context)
#endif
}

} // namespace ea::ui::theme
