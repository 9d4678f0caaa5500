// What the GUI tests share: one timeout, finding a widget by objectName so
// that a missing one fails the test where it is looked up, the one place a
// test builds a Session, screenshots, a walk over the widgets a user operates,
// and a record of the calls a session starts (for "nothing was sent" checks
// that hold however late the unwanted call would come).

#pragma once

#include "graph/GraphClient.h"
#include "graph/GraphEndpoint.h"
#include "graph/GraphRequest.h"
#include "service/Session.h"
#include "service/SessionFactory.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QList>
#include <QObject>
#include <QPlainTextEdit>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include <memory>

namespace ea::testing {

// How long a GUI test waits for the sandbox or the window before it fails.
// Generous on purpose: the suite runs under ASan on a shared two-core machine.
inline constexpr int kTimeoutMs = 15000;

// The T named objectName below parent, or null. A lookup that finds nothing
// says what was missing (type, name, where) at once; callers QVERIFY the
// pointer, so a renamed or missing widget fails the test at its lookup
// instead of crashing it later.
template<typename T> T *child(const QObject *parent, const QString &objectName)
{
    T *found = parent ? parent->findChild<T *>(objectName) : nullptr;
    if (!found) {
        qWarning("no %s named \"%s\" below %s \"%s\"", T::staticMetaObject.className(), qPrintable(objectName),
            parent ? parent->metaObject()->className() : "(null)", parent ? qPrintable(parent->objectName()) : "");
    }
    return found;
}

template<typename T> T *child(const QObject *parent, const char *objectName)
{
    return child<T>(parent, QString::fromLatin1(objectName));
}

// The T named objectName below parent once it is visible, or null when it
// does not show within the timeout (callers QVERIFY it). A dialog the window
// opens is its child, so this finds the question it asks.
template<typename T> T *waitForVisibleChild(const QObject *parent, const QString &objectName)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = parent->findChild<T *>(objectName);
            return found && found->isVisible();
        },
        kTimeoutMs);
    if (!shown)
        qWarning("no visible %s named \"%s\" within %d ms", T::staticMetaObject.className(), qPrintable(objectName),
            kTimeoutMs);
    return shown ? found : nullptr;
}

// Lets the event loop run until everything already posted (queued calls,
// zero-delay timers, deferred deletes) has run: what a key press or a click
// queued has then happened. A genuine "let the event loop turn", not a wait
// for the network: for that, wait on a condition.
[[nodiscard]] inline bool letQueuedWorkRun()
{
    bool reached = false;
    QObject marker;
    QTimer::singleShot(0, &marker, [&reached] { reached = true; });
    return QTest::qWaitFor([&reached] { return reached; }, kTimeoutMs);
}

// What a Session is built from in a test. The defaults are the sandbox as the
// app's --sandbox opens it; the tests that never set a tenant label keep it
// empty, so their windows look as they always did.
struct SessionSetup
{
    QUrl graphRoot;
    QString accessToken;
    QString auditJournalPath; // always a temporary one: never the real journal
    QString tenantLabel = QStringLiteral("Sandbox tenant");
    bool sandbox = true;
};

// The one place the GUI tests build a Session. Null when the root URL is not
// a usable Graph endpoint (the reason is logged; callers QVERIFY the pointer).
inline std::unique_ptr<Session> makeSession(const SessionSetup &setup)
{
    // Built the way the app builds them: the sandbox's session, or a supplied token's.
    SessionFactory factory;
    factory.setAuditJournalPath(setup.auditJournalPath);
    QString problem;
    std::unique_ptr<Session> session;
    if (setup.sandbox) {
        session = factory.forSandbox(setup.graphRoot, setup.accessToken, &problem);
    } else {
        const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(setup.graphRoot.toString(), ApiVersion::V1, &problem);
        if (endpoint.isValid())
            session = factory.forToken(endpoint, setup.accessToken, &problem);
    }
    if (!session) {
        qWarning("no session on %s: %s", qPrintable(setup.graphRoot.toString()), qPrintable(problem));
        return nullptr;
    }
    if (!setup.tenantLabel.isEmpty())
        session->setTenantLabel(setup.tenantLabel);
    return session;
}

// Pictures for reviews and the README are taken only when EA_SCREENSHOT_DIR
// names a folder (tools/screenshots.sh); otherwise a test takes none.
inline bool screenshotsWanted()
{
    return !qEnvironmentVariableIsEmpty("EA_SCREENSHOT_DIR");
}

// Saves widget as EA_SCREENSHOT_DIR/name (PNG); does nothing without the
// variable. A picture that cannot be written fails the test.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    if (!screenshotsWanted())
        return;
    const QString dir = qEnvironmentVariable("EA_SCREENSHOT_DIR");
    QVERIFY2(QDir().mkpath(dir), qPrintable(dir));
    QVERIFY2(widget->grab().save(dir + u'/' + name, "PNG"), qPrintable(name));
}

// The widgets below top that a user operates (buttons, text fields, combo
// boxes, views, spin boxes, text areas), without the parts Qt builds inside a
// widget we create: header views, a view's corner button, a line edit's clear
// button, the toolbar's extension button and the dock title buttons (named
// qt_...). Each of them must carry an objectName and an accessible name.
// Widgets in other windows (a combo box's popup list) are among them: the
// caller keeps the windows it checks.
inline QList<QWidget *> interactiveWidgets(const QWidget *top)
{
    QList<QWidget *> out;
    const QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w);
        if (!interactive)
            continue;
        QWidget *parent = w->parentWidget();
        if (qobject_cast<QHeaderView *>(w) || qobject_cast<QAbstractItemView *>(parent)
            || qobject_cast<QLineEdit *>(parent) || w->objectName().startsWith(QStringLiteral("qt_")))
            continue;
        out << w;
    }
    return out;
}

// Every call a GraphClient starts from the moment this exists, read where the
// client starts it (not where the server receives it). A negative check
// ("nothing was sent") compares this at the end of the test, after its last
// wait, so a call that goes out late is still counted.
class ExchangeRecorder : public QObject
{
public:
    explicit ExchangeRecorder(GraphClient *client)
    {
        connect(client, &GraphClient::exchangeStarted, this,
            [this](const ExchangeRecord &record) { m_started << record.method + ' ' + record.url.toEncoded(); });
    }

    // "METHOD URL" of each call, in the order they started.
    const QList<QByteArray> &started() const { return m_started; }

    // Calls that change the tenant: POST, PATCH, PUT, DELETE.
    int writes() const
    {
        int n = 0;
        for (const QByteArray &line : m_started)
            n += line.startsWith("GET ") ? 0 : 1;
        return n;
    }

    // Calls whose "METHOD URL" contains part.
    int count(const QByteArray &part) const
    {
        int n = 0;
        for (const QByteArray &line : m_started)
            n += line.contains(part) ? 1 : 0;
        return n;
    }

    QString describe() const
    {
        QStringList lines;
        for (const QByteArray &line : m_started)
            lines << QString::fromUtf8(line);
        return lines.isEmpty() ? QStringLiteral("(no calls)") : lines.join(u'\n');
    }

private:
    QList<QByteArray> m_started;
};

} // namespace ea::testing
