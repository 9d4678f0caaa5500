// Help > About: the version the build was given (the project() version), Qt
// at run time and at build time, the licences of what ships; reachable from
// the Help menu with the roles macOS needs to move it into the app menu.
//
// Set EA_SCREENSHOT_DIR to also save a PNG of the dialog.

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "widgets/AboutDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using ea::ui::AboutDialog;
using ea::ui::MainWindow;
using namespace ea::testing;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsVersionQtAndLicences();
    void copyPutsTheVersionFactsOnTheClipboard();
    void helpMenuOpensItWithTheMacOsRoles();
};

void TestAboutDialog::showsVersionQtAndLicences()
{
    AboutDialog dialog;
    auto *version = child<QLabel>(&dialog, "aboutVersion");
    QVERIFY(version);
    QVERIFY2(version->text().contains(QLatin1String(EA_VERSION_STRING)), qPrintable(version->text()));
    QVERIFY(QByteArray(EA_VERSION_STRING).count('.') == 2); // the project() version, not a placeholder

    auto *factsLabel = child<QLabel>(&dialog, "aboutFacts");
    QVERIFY(factsLabel);
    const QString facts = factsLabel->text();
    QVERIFY(facts.contains(QString::fromLatin1(qVersion())));
    QVERIFY(facts.contains(QStringLiteral(QT_VERSION_STR)));

    auto *licencesLabel = child<QLabel>(&dialog, "aboutLicences");
    QVERIFY(licencesLabel);
    const QString licences = licencesLabel->text();
    QVERIFY(licences.contains(u"LGPLv3"_s));
    QVERIFY(licences.contains(u"BSD 3-Clause"_s));
    QVERIFY(licences.contains(u"all rights are reserved"_s)); // packaging/linux/copyright says so
    QVERIFY(child<QPushButton>(&dialog, "aboutQtButton"));
}

void TestAboutDialog::copyPutsTheVersionFactsOnTheClipboard()
{
    AboutDialog dialog;
    QGuiApplication::clipboard()->clear();
    auto *aboutCopyButton = child<QPushButton>(&dialog, "aboutCopyButton");
    QVERIFY(aboutCopyButton);
    QTest::mouseClick(aboutCopyButton, Qt::LeftButton);
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(text, AboutDialog::versionText());
    QVERIFY(text.contains(QLatin1String(EA_VERSION_STRING)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
}

void TestAboutDialog::helpMenuOpensItWithTheMacOsRoles()
{
    // No session: nothing is sent, and Help works all the same.
    MainWindow window(nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *help = child<QMenu>(&window, "helpMenu");
    QVERIFY(help);
    QVERIFY(window.menuBar()->actions().contains(help->menuAction()));
    auto *about = child<QAction>(&window, "aboutAction");
    auto *aboutQt = child<QAction>(&window, "aboutQtAction");
    QVERIFY(about && aboutQt);
    QVERIFY(help->actions().contains(about));
    QCOMPARE(about->menuRole(), QAction::AboutRole);
    QCOMPARE(aboutQt->menuRole(), QAction::AboutQtRole);

    about->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<AboutDialog *>()) && dialog->isVisible());
    auto *aboutVersion = child<QLabel>(dialog, "aboutVersion");
    QVERIFY(aboutVersion);
    QVERIFY(aboutVersion->text().contains(QLatin1String(EA_VERSION_STRING)));
    // A second trigger brings the same dialog back rather than a second one.
    about->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);

    if (screenshotsWanted()) {
        QTest::qWait(50); // only for the picture: the dialog's first paint settles
        saveScreenshot(dialog, u"about.png"_s);
    }
    dialog->close();

    // About Qt: Qt's version and licence in a box opened with open() (trigger
    // returns at once; QApplication::aboutQt() would not until it is closed).
    aboutQt->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"aboutQtBox"_s)) && box->isVisible());
    QVERIFY(box->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(box->informativeText().contains(u"LGPLv3"_s));
    box->close();
    QTRY_VERIFY(!window.findChild<QMessageBox *>(u"aboutQtBox"_s)); // deleted on close
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
