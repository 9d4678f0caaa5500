#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
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

// What a fault hook makes of one request: an answer the router would not
// give, sent late or followed by a closed connection, or no answer at all.
// For tests that play an unreliable network or a misbehaving gateway against
// the real sandbox (tests/common/SandboxWithFaults.h); the product never sets
// a hook.
struct HttpFault
{
    enum class Action {
        Answer, // send `response`; the connection stays usable
        AnswerThenClose, // send `response`, then close the connection
        Stall, // read the request and never answer (the client's timeout ends it)
        Drop, // reset the connection without sending a byte
    };
    Action action = Action::Answer;
    HttpResponse response;
    // Answer (or close) this much later; requests behind it on the same
    // connection wait, as they would behind a slow server.
    std::chrono::milliseconds delay {0};
    // >= 0: announce this Content-Length instead of the body's size, for a
    // body cut short (with AnswerThenClose) or one that never ends.
    qsizetype announcedLength = -1;

    static HttpFault answer(HttpResponse response, Action action = Action::Answer)
    {
        HttpFault fault;
        fault.action = action;
        fault.response = std::move(response);
        return fault;
    }
    static HttpFault of(Action action)
    {
        HttpFault fault;
        fault.action = action;
        return fault;
    }
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
    // Sees every well-formed request before the handler. `route` is the
    // handler: calling it applies the request (a write lands) and gives the
    // normal answer, which the hook may then spoil. nullopt lets the handler
    // answer as usual.
    using FaultHook = std::function<std::optional<HttpFault>(const HttpRequest &request, const Handler &route)>;

    static constexpr qsizetype DefaultMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxBodyBytes = 1024 * 1024;
    static constexpr std::chrono::milliseconds DefaultIdleTimeout {120'000};

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    // Tests only; an empty hook switches it off.
    void setFaultHook(FaultHook hook);

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
    HttpFault answer(const HttpRequest &request) const;
    HttpResponse dispatch(const HttpRequest &request) const;

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    FaultHook m_faultHook;
    qsizetype m_maxHeaderBytes = DefaultMaxHeaderBytes;
    qsizetype m_maxBodyBytes = DefaultMaxBodyBytes;
    std::chrono::milliseconds m_idleTimeout = DefaultIdleTimeout;
};

} // namespace ea::sandbox
