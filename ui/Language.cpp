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

QStringList qtTranslationDirs()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {QLibraryInfo::path(QLibraryInfo::TranslationsPath), appDir + QStringLiteral("/translations"),
        appDir + QStringLiteral("/../translations"), appDir + QStringLiteral("/../Resources/translations")};
}

QString installQtTranslation(const QLocale &locale, const QStringList &dirs)
{
    // qt_ first: windeployqt merges every module's strings into qt_<lang>.qm
    // and ships no qtbase_<lang>.qm, and on Linux qt_<lang>.qm names all the
    // modules' catalogues. qtbase_ alone (the macOS bundle) is the fallback.
    auto *qt = new QTranslator(QCoreApplication::instance());
    QString loaded;
    for (const QString &prefix : {QStringLiteral("qt"), QStringLiteral("qtbase")}) {
        for (const QString &dir : dirs) {
            if (qt->load(locale, prefix, QStringLiteral("_"), dir)) {
                loaded = qt->filePath();
                break;
            }
        }
        if (!loaded.isEmpty())
            break;
    }
    if (loaded.isEmpty()) {
        delete qt;
        qt = nullptr;
    }
    replace(0, qt);
    return loaded;
}

bool installTranslations(const QLocale &locale)
{
    installQtTranslation(locale, qtTranslationDirs());

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
