// The GUI's entry point (app/main.cpp) as an admin starts it: a supplied
// token in GRAPH_ACCESS_TOKEN is read by the same rule as the command line's
// (a leading "Bearer " is dropped; a token with a space inside is refused with
// exit 2, never echoed), against a sandbox tenant on 127.0.0.1.

#include "sandbox/SandboxServer.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestGuiEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void bearerPrefixIsDroppedAsInTheCli();
    void malformedTokenIsRefusedWithoutEchoingIt();

private:
    struct Run
    {
        int exitCode = -1;
        QString err;
    };
    Run run(const QString &token, const QStringList &args);

    ea::sandbox::SandboxThread m_sandbox;
    QTemporaryDir m_home;
};

void TestGuiEntry::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
}

TestGuiEntry::Run TestGuiEntry::run(const QString &token, const QStringList &args)
{
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Its settings, journal and keychain fallbacks go to a throwaway home.
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        env.insert(QString::fromLatin1(name), m_home.path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"GRAPH_ACCESS_TOKEN"_s, token);
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(EA_GUI_EXECUTABLE), args);
    Run r;
    if (!gui.waitForFinished(60000)) {
        gui.kill();
        gui.waitForFinished();
        r.err = u"did not finish: "_s;
    } else {
        r.exitCode = gui.exitCode();
    }
    r.err += QString::fromUtf8(gui.readAllStandardError());
    return r;
}

void TestGuiEntry::bearerPrefixIsDroppedAsInTheCli()
{
    const QString png = m_home.filePath(u"window.png"_s);
    const int before = m_sandbox.tenant()->requestCount();
    const Run r = run(
        u"Bearer "_s + m_sandbox.accessToken(), {u"--graph-url"_s, m_sandbox.url().toString(), u"--screenshot"_s, png});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The configurations loaded (the screenshot waits for them): the token was accepted.
    QVERIFY(m_sandbox.tenant()->requestCount() > before);
    QVERIFY(!QImage(png).isNull());
}

void TestGuiEntry::malformedTokenIsRefusedWithoutEchoingIt()
{
    const int before = m_sandbox.tenant()->requestCount();
    const QString token = m_sandbox.accessToken() + u" and more"_s;
    const Run r = run(token, {u"--graph-url"_s, m_sandbox.url().toString()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"GRAPH_ACCESS_TOKEN: The text is not an access token"_s), qPrintable(r.err));
    QVERIFY(!r.err.contains(m_sandbox.accessToken()));
    QCOMPARE(m_sandbox.tenant()->requestCount(), before);
}

QTEST_GUILESS_MAIN(TestGuiEntry)
#include "tst_guientry.moc"
