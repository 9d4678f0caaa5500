#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

class QTcpServer;

namespace ea::sandbox {

struct HttpRequest
{
    QByteArray method;
    // Path and query only (origin-form); built with QUrl::fromEncoded so the
    // client's percent-encoding survives. Routing works on rawTarget, because
    // QUrl would fold %2F in an id into a path separator.
    QUrl url;
    QByteArray rawTarget;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // Case-insensitive; the first header of that name, or empty.
    QByteArray header(QByteArrayView name) const;
};

struct HttpResponse
{
    int status = 200;
    // Content-Length, Connection and Date are owned by the server and are
    // dropped from here if a handler sets them.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// A deliberately small HTTP/1.1 server for the sandbox tenant. QtHttpServer
// is avoided because its API moves between 6.4 and 6.8. It binds to the
// loopback interface only: the sandbox hands out a bearer token, but nothing
// on the network should ever be able to reach it.
//
// Requests on one connection are answered in order (pipelining works because
// the handler is synchronous). Request bodies need Content-Length; chunked
// request bodies get 411. Malformed input gets a 4xx and the connection is
// closed; nothing a client sends may take the server down.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    static constexpr qsizetype DefaultMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxBodyBytes = 1024 * 1024;
    static constexpr std::chrono::milliseconds DefaultIdleTimeout {120'000};

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);

    // Listens on 127.0.0.1 only. port 0 picks a free port.
    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const;

    void setMaxHeaderBytes(qsizetype bytes);
    void setMaxBodyBytes(qsizetype bytes);
    // Keep-alive connections idle this long are closed so long benchmark runs
    // cannot pile up descriptors; clients reconnect transparently.
    void setIdleTimeout(std::chrono::milliseconds timeout);

    static QByteArray reasonPhrase(int status);

private:
    friend class HttpConnection;

    void acceptPendingConnections();
    HttpResponse dispatch(const HttpRequest &request) const;

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    qsizetype m_maxHeaderBytes = DefaultMaxHeaderBytes;
    qsizetype m_maxBodyBytes = DefaultMaxBodyBytes;
    std::chrono::milliseconds m_idleTimeout = DefaultIdleTimeout;
};

} // namespace ea::sandbox
