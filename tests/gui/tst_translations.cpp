// The German UI is complete and the app loads it: every string lupdate finds
// in the GUI's sources (ea_ui, ea_core, main.cpp) has a finished German
// translation in translations/enrollment-assigner_de.ts, the main window shows
// German labels once German is installed, and the English file supplies the
// plural forms the "%n …(s)" source strings need.
//
// When this fails after a source change: run tools/update-translations.sh and
// translate the new entries (translations/README.md has the terms).

#include "GuiTestSupport.h"
#include "Language.h"
#include "MainWindow.h"
#include "models/ConfigurationTableModel.h"
#include "sandbox/SandboxServer.h"
#include "service/Session.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::StringLiterals;
using ea::ui::MainWindow;
using namespace ea::testing;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString translationType; // "unfinished", "vanished", "obsolete" or empty
    QStringList translations;
};

QList<TsMessage> readTs(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            current = TsMessage {};
            current.context = context;
            current.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
        } else if (name == "source"_L1) {
            current.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            current.translationType = xml.attributes().value("type"_L1).toString();
            if (!current.numerus) {
                current.translations << xml.readElementText();
                messages << current;
            } else {
                while (xml.readNextStartElement()) {
                    if (xml.name() == "numerusform"_L1)
                        current.translations << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
                messages << current;
            }
        }
    }
    if (xml.hasError())
        *problem = xml.errorString();
    return messages;
}

QString tsPath(const char *language)
{
    return QStringLiteral(EA_SOURCE_DIR "/translations/enrollment-assigner_%1.ts").arg(QLatin1String(language));
}

QString key(const TsMessage &m)
{
    return m.context + u'|' + m.source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { ea::ui::installTranslations(QLocale(QLocale::English)); }
    void germanTranslationIsComplete();
    void germanCoversEveryStringInTheSources();
    void englishHasThePluralForms();
    void mainWindowShowsGermanLabels();
    void germanListShowsWholeTypesInTheEnglishOrder();
    void languageArgumentAndFallback();
    void qtStringsPreferQtOverQtbase();
};

void TestTranslations::germanTranslationIsComplete()
{
    QString problem;
    const QList<TsMessage> messages = readTs(tsPath("de"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(messages.size() > 700, qPrintable(QString::number(messages.size())));
    QStringList incomplete;
    for (const TsMessage &m : messages) {
        bool empty = m.translations.isEmpty();
        for (const QString &t : m.translations)
            empty = empty || t.isEmpty();
        // German has two plural forms.
        if (!m.translationType.isEmpty() || empty || (m.numerus && m.translations.size() != 2))
            incomplete << key(m);
    }
    QVERIFY2(incomplete.isEmpty(), qPrintable(incomplete.join(u'\n')));
}

// Runs lupdate over the sources as they are now and compares: a string added
// to the code but not to the .ts would stay English in the German UI.
void TestTranslations::germanCoversEveryStringInTheSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(u"fresh.ts"_s);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(EA_LUPDATE_EXECUTABLE),
        {u"-silent"_s, u"-locations"_s, u"none"_s, QStringLiteral(EA_SOURCE_DIR "/ui"),
            QStringLiteral(EA_SOURCE_DIR "/app/core"), QStringLiteral(EA_SOURCE_DIR "/app/main.cpp"), u"-ts"_s, fresh});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString problem;
    const QList<TsMessage> inSources = readTs(fresh, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QSet<QString> translated;
    for (const TsMessage &m : readTs(tsPath("de"), &problem)) {
        if (m.translationType.isEmpty())
            translated.insert(key(m));
    }
    QStringList missing;
    for (const TsMessage &m : inSources) {
        if (!translated.contains(key(m)))
            missing << key(m);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"Not in enrollment-assigner_de.ts:\n"_s + missing.join(u'\n')));
}

void TestTranslations::englishHasThePluralForms()
{
    QVERIFY(ea::ui::installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)));
    const char *context = "ea::ui::MainWindow";
    QCOMPARE(QCoreApplication::translate(context, "%n write(s)", nullptr, 1), u"1 write"_s);
    QCOMPARE(QCoreApplication::translate(context, "%n write(s)", nullptr, 3), u"3 writes"_s);

    QString problem;
    for (const TsMessage &m : readTs(tsPath("en"), &problem)) {
        QVERIFY2(m.numerus, qPrintable(u"only plural forms belong in en.ts: "_s + key(m)));
        QVERIFY2(m.translationType.isEmpty() && m.translations.size() == 2 && !m.translations.contains(QString()),
            qPrintable(key(m)));
    }
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTranslations::mainWindowShowsGermanLabels()
{
    QVERIFY(ea::ui::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(QCoreApplication::translate("ea::ui::MainWindow", "%n write(s)", nullptr, 1), u"1 Schreibvorgang"_s);
    QCOMPARE(QCoreApplication::translate("ea::ui::MainWindow", "%n write(s)", nullptr, 3), u"3 Schreibvorgänge"_s);

    ea::sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir journal;
    const auto session = makeSession({.graphRoot = server.url(),
        .accessToken = server.accessToken(),
        .auditJournalPath = journal.filePath(u"audit.jsonl"_s),
        .tenantLabel = {}});
    QVERIFY(session);
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *assignButton = child<QPushButton>(&window, "assignButton");
    auto *newAssignmentBox = child<QGroupBox>(&window, "newAssignmentBox");
    auto *configurationFilterEdit = child<QLineEdit>(&window, "configurationFilterEdit");
    auto *viewMenu = child<QMenu>(&window, "viewMenu");
    auto *helpMenu = child<QMenu>(&window, "helpMenu");
    auto *sandboxBannerText = child<QLabel>(&window, "sandboxBannerText");
    QVERIFY(assignButton && newAssignmentBox && configurationFilterEdit && viewMenu && helpMenu && sandboxBannerText);
    QCOMPARE(assignButton->text(), u"Zuweisen"_s);
    QCOMPARE(newAssignmentBox->title(), u"Neue Zuweisung"_s);
    QVERIFY(configurationFilterEdit->placeholderText().startsWith(u"Nach Name, Typ oder ID filtern"_s));
    QCOMPARE(viewMenu->title(), u"&Ansicht"_s);
    QCOMPARE(helpMenu->title(), u"&Hilfe"_s);
    QVERIFY2(sandboxBannerText->text().contains(u"Sandbox-Mandant"_s), qPrintable(sandboxBannerText->text()));
    // A core string (the configuration type names come from ea_core).
    auto *configurationsStatus = child<QLabel>(&window, "configurationsStatus");
    QVERIFY(configurationsStatus);
    QTRY_VERIFY_WITH_TIMEOUT(configurationsStatus->text().startsWith(u"Konfigurationen: "_s), kTimeoutMs);

    // Qt's own strings (standard buttons) come from qt_de (or qtbase_de).
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s))
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
}

// German type names are long ("Geräteplattformbeschränkung (eine Plattform)"):
// at a normal window width none is cut short in the list, and the list's
// order is the English one (it sorts by the type's English name).
void TestTranslations::germanListShowsWholeTypesInTheEnglishOrder()
{
    ea::sandbox::SandboxServer server;
    QVERIFY(server.listen());
    QTemporaryDir journal;

    // The configurations' ids in the list's order, and the type texts of the visible rows that are cut short.
    struct Seen
    {
        QStringList order;
        QStringList cut;
        int checked = 0;
    };
    const auto look = [&](const QLocale &locale) {
        Seen seen;
        if (!ea::ui::installTranslations(locale))
            return seen;
        const auto session = makeSession({.graphRoot = server.url(),
            .accessToken = server.accessToken(),
            .auditJournalPath = journal.filePath(u"audit.jsonl"_s),
            .tenantLabel = {}});
        if (!session)
            return seen;
        MainWindow window(session.get());
        window.resize(1440, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return seen;
        auto *view = child<QTableView>(&window, "configurationsView");
        if (!view || !QTest::qWaitFor([view] { return view->model()->rowCount() > 5; }, kTimeoutMs))
            return seen;
        QTest::qWait(50); // the columns are fitted to the rows
        // An unknown type's raw name is cut on purpose (its tooltip has it).
        const QString other
            = QCoreApplication::translate("EnrollmentConfiguration", "Other (%1)").arg(QString()).chopped(1);
        const int typeWidth = view->columnWidth(ea::ui::ConfigurationTableModel::TypeColumn);
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QModelIndex type = view->model()->index(r, ea::ui::ConfigurationTableModel::TypeColumn);
            seen.order << type.data(ea::ui::ConfigurationTableModel::IdRole).toString();
            const QString text = type.data().toString();
            if (!view->viewport()->rect().intersects(view->visualRect(type)) || text.startsWith(other))
                continue;
            ++seen.checked;
            // What the delegate needs to draw the whole text, margins included.
            if (static_cast<QAbstractItemView *>(view)->sizeHintForIndex(type).width() > typeWidth)
                seen.cut << text;
        }
        return seen;
    };

    const Seen english = look(QLocale(QLocale::English));
    const Seen german = look(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(english.order.size() > 5);
    QVERIFY2(german.checked > 5, qPrintable(QString::number(german.checked)));
    QVERIFY2(german.cut.isEmpty(), qPrintable(u"cut short: "_s + german.cut.join(u", "_s)));
    QVERIFY2(english.cut.isEmpty(), qPrintable(u"cut short: "_s + english.cut.join(u", "_s)));
    QCOMPARE(german.order, english.order);
}

// --lang picks the language; a regional variant falls back to its language,
// and a language without a translation leaves the English source strings.
void TestTranslations::languageArgumentAndFallback()
{
    char arg0[] = "app";
    char arg1[] = "--lang";
    char arg2[] = "de";
    char arg3[] = "--lang=en";
    char *separate[] = {arg0, arg1, arg2};
    QCOMPARE(ea::ui::languageArgument(3, separate), u"de"_s);
    char *joined[] = {arg0, arg3};
    QCOMPARE(ea::ui::languageArgument(2, joined), u"en"_s);
    char *none[] = {arg0};
    QCOMPARE(ea::ui::languageArgument(1, none), QString());

    QVERIFY(ea::ui::installTranslations(QLocale(u"de_AT"_s))); // falls back from de-AT to de
    QCOMPARE(QCoreApplication::translate("ea::ui::MainWindow", "Assign"), u"Zuweisen"_s);
    QVERIFY(!ea::ui::installTranslations(QLocale(QLocale::Japanese)));
    QCOMPARE(QCoreApplication::translate("ea::ui::MainWindow", "Assign"), u"Assign"_s);
}

// Qt's own strings in a deployed build: windeployqt ships one merged
// qt_<lang>.qm per language (and no qtbase_<lang>.qm), the macOS bundle only
// qtbase_<lang>.qm. qt_ wins wherever it is in the list of folders; qtbase_
// is the fallback; neither leaves Qt's strings English. Each catalogue here
// says which file it came from.
void TestTranslations::qtStringsPreferQtOverQtbase()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString first = temp.filePath(u"first"_s);
    const QString second = temp.filePath(u"second"_s);
    const QString empty = temp.filePath(u"empty"_s);
    for (const QString &dir : {first, second, empty})
        QVERIFY(QDir().mkpath(dir));
    // Writes <dir>/<name>.qm translating the Cancel button to text.
    const auto makeQm = [](const QString &dir, const QString &name, const QString &text) {
        const QString ts = dir + u'/' + name + u".ts"_s;
        QFile file(ts);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(uR"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>%1</translation>
    </message>
</context>
</TS>
)"_s.arg(text)
                       .toUtf8());
        file.close();
        QProcess lrelease;
        lrelease.setProcessChannelMode(QProcess::MergedChannels);
        lrelease.start(
            QStringLiteral(EA_LRELEASE_EXECUTABLE), {u"-silent"_s, ts, u"-qm"_s, dir + u'/' + name + u".qm"_s});
        return lrelease.waitForFinished(60000) && lrelease.exitCode() == 0;
    };
    QVERIFY(makeQm(first, u"qtbase_de"_s, u"Abbrechen (qtbase_de, first)"_s));
    QVERIFY(makeQm(second, u"qt_de"_s, u"Abbrechen (qt_de, second)"_s));
    QVERIFY(makeQm(second, u"qtbase_de"_s, u"Abbrechen (qtbase_de, second)"_s));

    // What QPlatformTheme labels the standard Cancel button with.
    const auto cancelText = [] {
        return QCoreApplication::translate("QPlatformTheme", "Cancel");
    };
    const QLocale german(QLocale::German, QLocale::Germany);

    // qt_ in a later folder beats qtbase_ in an earlier one.
    QCOMPARE(ea::ui::installQtTranslation(german, {empty, first, second}), second + u"/qt_de.qm"_s);
    QCOMPARE(cancelText(), u"Abbrechen (qt_de, second)"_s);
    // Without any qt_: the first qtbase_.
    QCOMPARE(ea::ui::installQtTranslation(german, {empty, first}), first + u"/qtbase_de.qm"_s);
    QCOMPARE(cancelText(), u"Abbrechen (qtbase_de, first)"_s);
    // A regional locale falls back to the language's file.
    QCOMPARE(ea::ui::installQtTranslation(QLocale(u"de_AT"_s), {second}), second + u"/qt_de.qm"_s);
    QCOMPARE(cancelText(), u"Abbrechen (qt_de, second)"_s);
    // Nothing found: the previous translation is removed, not kept.
    QCOMPARE(ea::ui::installQtTranslation(german, {empty}), QString());
    QCOMPARE(cancelText(), u"Cancel"_s);

    // The app looks where windeployqt and the macOS bundle put the files.
    const QStringList dirs = ea::ui::qtTranslationDirs();
    const QString appDir = QCoreApplication::applicationDirPath();
    QCOMPARE(dirs.first(), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    QVERIFY(dirs.contains(appDir + u"/../translations"_s));
    QVERIFY(dirs.contains(appDir + u"/../Resources/translations"_s));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
