#include "auth/LoopbackRedirectListener.h"

#include "Logging.h"
#include "auth/OAuthEncoding.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace ea::auth {

namespace {

const char *const kAnsweredProperty = "ea_answered";

QByteArray reason(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 400: return QByteArrayLiteral("Bad Request");
    case 404: return QByteArrayLiteral("Not Found");
    default: return QByteArrayLiteral("Error");
    }
}

// Compares without stopping at the first difference.
bool sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x.at(i) ^ y.at(i));
    return diff == 0;
}

int countOf(const FormFields &fields, const QString &name)
{
    int n = 0;
    for (const auto &field : fields)
        n += field.first == name ? 1 : 0;
    return n;
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::listen()
{
    // 127.0.0.1 only: nothing on the network may deliver (or steal) a code.
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), 0))
        return false;
    m_port = m_server->serverPort(); // kept: the redirect URI outlives listening
    return true;
}

void LoopbackRedirectListener::close()
{
    m_server->close();
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        // An answered browser is still receiving its page; it closes itself.
        if (socket->property(kAnsweredProperty).toBool())
            continue;
        socket->abort();
        socket->deleteLater();
    }
}

bool LoopbackRedirectListener::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackRedirectListener::port() const
{
    return m_port;
}

QHostAddress LoopbackRedirectListener::serverAddress() const
{
    return m_server->serverAddress();
}

QString LoopbackRedirectListener::errorString() const
{
    return m_server->errorString();
}

QString LoopbackRedirectListener::redirectUri() const
{
    return QStringLiteral("http://localhost:%1/").arg(port());
}

void LoopbackRedirectListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_done) {
            ignore(socket, 400, QStringLiteral("the sign-in already has its answer"));
            continue;
        }
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] {
            if (socket != m_pending)
                ignore(socket, 400, QStringLiteral("no complete request in time"));
        });
        timer->start(m_requestTimeout);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->property(kAnsweredProperty).toBool() || socket == m_pending)
        return;
    const QByteArray data = socket->peek(kMaxRequestBytes + 1);
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (data.size() > kMaxRequestBytes)
            ignore(socket, 400, QStringLiteral("request too large"));
        return;
    }
    if (m_done)
        return ignore(socket, 400, QStringLiteral("the sign-in already has its answer"));
    const QByteArray requestLine = data.left(data.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts.at(0) != "GET" || !parts.at(2).startsWith("HTTP/1.") || !parts.at(1).startsWith('/'))
        return ignore(socket, 400, QStringLiteral("not an HTTP GET request"));
    const QByteArray target = parts.at(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question >= 0 ? target.left(question) : target;
    if (path != "/")
        return ignore(socket, 404, QStringLiteral("another path"));
    const FormFields query
        = decodeFormBody(question >= 0 ? QByteArrayView(target).sliced(question + 1) : QByteArrayView());
    for (const char *name : {"state", "code", "error", "error_description"}) {
        if (countOf(query, QLatin1String(name)) > 1)
            return ignore(socket, 400, QStringLiteral("a repeated parameter"));
    }
    const QString state = formValue(query, u"state");
    const QString code = formValue(query, u"code");
    const QString error = formValue(query, u"error");
    if (state.isNull())
        return ignore(socket, 400, QStringLiteral("no state"));
    if (code.isEmpty() && error.isEmpty())
        return ignore(socket, 400, QStringLiteral("neither code nor error"));

    if (QTimer *timer = socket->findChild<QTimer *>())
        timer->stop();
    m_done = true;
    m_server->close(); // exactly one answer is accepted

    if (!sameSecret(state, m_expectedState)) {
        const AuthError e = AuthError::local(AuthError::Kind::Browser, AuthError::Reason::StateMismatch,
            AuthError::tr("The browser delivered a sign-in answer that belongs to another sign-in attempt (the "
                          "state does not match). Someone may be trying to slip their sign-in into this app "
                          "(CSRF), so the sign-in was stopped."),
            AuthError::tr("Start the sign-in again, and close other sign-in tabs first."));
        respond(socket, 400, false, AuthError::tr("Sign-in stopped"), e.message);
        qCWarning(lcAuth) << "Loopback redirect with a wrong state: sign-in stopped (possible CSRF)";
        Q_EMIT failed(e);
        return;
    }
    if (!error.isEmpty()) {
        const AuthError e = AuthError::fromAuthorizeRedirect(error, formValue(query, u"error_description"), {});
        respond(socket, 400, false, AuthError::tr("Sign-in failed"),
            e.message + u' ' + e.nextStep
                + (e.description.isEmpty() ? QString() : QStringLiteral("\n\n") + e.description));
        Q_EMIT failed(e);
        return;
    }
    m_pending = socket;
    Q_EMIT codeReceived(code);
}

void LoopbackRedirectListener::finishSignIn(bool ok, const QString &detail)
{
    QTcpSocket *socket = m_pending;
    m_pending = nullptr;
    if (!socket)
        return;
    if (ok)
        respond(socket, 200, true, AuthError::tr("Signed in to Enrollment Assigner"),
            detail.isEmpty() ? AuthError::tr("You can close this tab and return to Enrollment Assigner.") : detail);
    else
        respond(socket, 400, false, AuthError::tr("Sign-in failed"), detail);
}

void LoopbackRedirectListener::ignore(QTcpSocket *socket, int status, const QString &why)
{
    ++m_ignored;
    qCDebug(lcAuth).noquote() << "Loopback listener ignored a request:" << why;
    respond(socket, status, false, AuthError::tr("Not a sign-in answer"),
        AuthError::tr("This address only receives the answer of a sign-in started in Enrollment Assigner."));
}

void LoopbackRedirectListener::respond(
    QTcpSocket *socket, int status, bool ok, const QString &headline, const QString &detail)
{
    if (socket->property(kAnsweredProperty).toBool())
        return;
    socket->setProperty(kAnsweredProperty, true);
    if (QTimer *timer = socket->findChild<QTimer *>())
        timer->stop();
    const QByteArray body = page(ok, headline, detail);
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\n"
            "Cache-Control: no-store\r\n"
            "Referrer-Policy: no-referrer\r\n"
            "X-Content-Type-Options: nosniff\r\n"
            "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
            "Connection: close\r\n"
            "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    socket->write(head + body);
    // Waits for the bytes to go out, then closes; `disconnected` deletes it.
    socket->disconnectFromHost();
}

QByteArray LoopbackRedirectListener::page(bool ok, const QString &headline, const QString &detail)
{
    QString paragraphs;
    for (const QString &p : detail.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        paragraphs += QStringLiteral("<p>") + p.toHtmlEscaped() + QStringLiteral("</p>");
    const QString html
        = QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                         "<title>Enrollment Assigner</title><style>body{font-family:system-ui,"
                         "sans-serif;margin:3em auto;max-width:40em;padding:0 1em}h1{font-size:"
                         "1.4em;color:%1}</style></head><body><h1>%2</h1>%3</body></html>")
              .arg(ok ? QStringLiteral("#107c10") : QStringLiteral("#a4262c"), headline.toHtmlEscaped(), paragraphs);
    return html.toUtf8();
}

} // namespace ea::auth
