#pragma once

#include "auth/AuthError.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace ea::auth {

// Receives the browser's redirect after sign-in: a small HTTP server on
// 127.0.0.1 only (never all interfaces), on a random port, for exactly one
// valid "GET /?code=…&state=…". Our own code rather than QtNetworkAuth's
// handler, which listens on every interface unless told otherwise in 6.4.
//
// - A request whose state differs from the expected one gets an error page
//   and ends the sign-in (failed(), Reason::StateMismatch: possible CSRF).
// - An error in the redirect (error, error_description) gets an error page
//   and ends the sign-in (failed()).
// - Anything else (garbage, another path, no state, too large, silence for
//   requestTimeout) is answered 400 (404 for other paths) and ignored.
// - The valid request's connection is held open until finishSignIn(), so the
//   page can say whether the sign-in really worked.
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    // Binds 127.0.0.1 on a port the system picks.
    bool listen();
    void close(); // stops listening; drops every connection not yet answered
    bool isListening() const;
    // The port it listened on (still known after close(), 0 before listen()).
    quint16 port() const;
    QHostAddress serverAddress() const;
    QString errorString() const;
    // "http://localhost:{port}/" (Entra ID ignores the port of a registered http://localhost).
    QString redirectUri() const;

    void setExpectedState(const QString &state) { m_expectedState = state; }
    // How long one connection may take to send its request. Default 10 s.
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }
    static constexpr qsizetype kMaxRequestBytes = 16 * 1024;

    // Answers the browser that delivered the code: a page that says it worked
    // (ok) or why not, then closes. Safe to call when the browser is gone.
    void finishSignIn(bool ok, const QString &detail = {});

    // Requests answered 400/404 and ignored so far (tests, diagnostics).
    int ignoredRequestCount() const { return m_ignored; }

    // The page the browser gets; public for tests. Text is HTML-escaped.
    static QByteArray page(bool ok, const QString &headline, const QString &detail);

Q_SIGNALS:
    // The redirect carried a code and the expected state. Emitted once.
    void codeReceived(const QString &code);
    // The redirect carried an error, or a wrong state. Emitted once.
    void failed(const ea::auth::AuthError &error);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, bool ok, const QString &headline, const QString &detail);
    void ignore(QTcpSocket *socket, int status, const QString &why);

    QTcpServer *m_server = nullptr;
    QString m_expectedState;
    std::chrono::milliseconds m_requestTimeout {10000};
    quint16 m_port = 0;
    QPointer<QTcpSocket> m_pending; // the browser waiting for finishSignIn()
    bool m_done = false; // a valid redirect (or a wrong state) arrived
    int m_ignored = 0;
};

} // namespace ea::auth
