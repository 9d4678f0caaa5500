#pragma once

// Shared by the sign-in integration tests: a sandbox profile, a tiny
// "browser" on QNetworkAccessManager, raw socket exchanges, and waiting for
// callbacks without nested event loops in the code under test.

#include "auth/TenantProfile.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

namespace ea::test {

inline auth::TenantProfile sandboxProfile(const sandbox::SandboxServer &server, Cloud cloud = Cloud::Global)
{
    auth::TenantProfile p;
    p.displayName = QStringLiteral("Sandbox");
    p.tenant = QStringLiteral("organizations");
    p.cloud = cloud;
    p.clientId = QString::fromLatin1(auth::kGraphCommandLineToolsClientId);
    p.loginRootOverride = server.url().toString();
    p.graphRootOverride = server.url().toString();
    return p;
}

struct HttpAnswer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QUrl location;
};

// One request without following redirects: the test plays the browser.
inline HttpAnswer httpRequest(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
    const QByteArray &body = {}, int timeoutMs = 30000)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.body = reply->readAll();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        answer.location = QUrl::fromEncoded(location, QUrl::StrictMode);
    reply->deleteLater();
    return answer;
}

// Sends raw bytes to 127.0.0.1:port and returns everything that comes back
// before the server closes (or the time runs out).
inline QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    if (!bytes.isEmpty()) {
        socket.write(bytes);
        socket.flush();
    }
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(10);
        received += socket.readAll();
    }
    received += socket.readAll();
    return received;
}

// Waits (spinning the event loop) for a callback to deliver a value.
template<typename T> struct Awaited
{
    std::optional<T> value;
    std::function<void(const T &)> callback()
    {
        return [this](const T &v) {
            value.emplace(v);
        };
    }
    bool wait(int timeoutMs = 30000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!value && timer.elapsed() < timeoutMs)
            QTest::qWait(5);
        return value.has_value();
    }
};

} // namespace ea::test
