#include "Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace ea::ui {

namespace {

QPointer<QTranslator> &installed(int which)
{
    static QPointer<QTranslator> translators[2];
    return translators[which];
}

void replace(int which, QTranslator *translator)
{
    if (QTranslator *old = installed(which)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    installed(which) = translator;
    if (translator)
        QCoreApplication::installTranslator(translator);
}

} // namespace

bool installTranslations(const QLocale &locale)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    // Qt's own: from the Qt installation, or beside the executable where
    // windeployqt/macdeployqt put them.
    const QStringList qtDirs {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
        QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../translations"),
        QCoreApplication::applicationDirPath() + QStringLiteral("/../Resources/translations")};
    bool qtFound = false;
    for (const QString &dir : qtDirs) {
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            qtFound = true;
            break;
        }
    }
    if (!qtFound) {
        delete qt;
        qt = nullptr;
    }
    replace(0, qt);

    auto *app = new QTranslator(QCoreApplication::instance());
    const bool appFound
        = app->load(locale, QStringLiteral("enrollment-assigner"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (!appFound) {
        delete app;
        app = nullptr;
    }
    replace(1, app);
    return appFound;
}

QString languageArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--lang" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--lang="))
            return QString::fromLocal8Bit(arg.mid(7));
    }
    return {};
}

} // namespace ea::ui
