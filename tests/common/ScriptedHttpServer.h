#pragma once

// A raw HTTP/1.1 fixture on 127.0.0.1 for fault-injection tests: every
// request is recorded and answered by a test-supplied script, which can send
// any bytes (a truncated body, HTML, a redirect), stall, or drop the connection.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace ea::test {

struct RecordedRequest
{
    QByteArray method;
    QByteArray target; // path + query as sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

struct ScriptedReply
{
    // RespondThenClose writes `raw` and then closes the connection once it is
    // sent (a truncated body: a Content-Length larger than what was written).
    enum class Action { Respond, Stall, Close, RespondThenClose };
    Action action = Action::Respond;
    QByteArray raw; // full response bytes for Respond

    static ScriptedReply json(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        ScriptedReply r;
        r.raw = "HTTP/1.1 " + QByteArray::number(status)
            + " X\r\nContent-Type: application/json\r\nrequest-id: " + "req-" + QByteArray::number(status) + "\r\n"
            + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return r;
    }
    static ScriptedReply stall() { return {Action::Stall, {}}; }
    static ScriptedReply close() { return {Action::Close, {}}; }
    static ScriptedReply respondThenClose(const QByteArray &raw) { return {Action::RespondThenClose, raw}; }
};

class ScriptedHttpServer : public QObject
{
public:
    using Script = std::function<ScriptedReply(const RecordedRequest &, int index)>;

    explicit ScriptedHttpServer(Script script, QObject *parent = nullptr)
        : QObject(parent)
        , m_script(std::move(script))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
        m_port = m_server.serverPort();
    }

    QByteArray rootUrl() const { return "http://127.0.0.1:" + QByteArray::number(m_port); }
    quint16 port() const { return m_port; }
    // Connection refused from now on (open connections stay); listenAgain()
    // takes the same port back.
    void stopListening() { m_server.close(); }
    bool listenAgain() { return m_server.listen(QHostAddress::LocalHost, m_port); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    void setScript(Script script) { m_script = std::move(script); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            RecordedRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = lines[i].left(colon).trimmed();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    contentLength = value.toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + contentLength)
                return;
            request.body = buffer.mid(headerEnd + 4, contentLength);
            buffer.remove(0, headerEnd + 4 + contentLength);
            m_requests.append(request);
            const ScriptedReply reply = m_script(request, int(m_requests.size()) - 1);
            switch (reply.action) {
            case ScriptedReply::Action::Respond: socket->write(reply.raw); break;
            case ScriptedReply::Action::Stall: return; // never answers; the client's timeout must end it
            case ScriptedReply::Action::Close: socket->abort(); return;
            case ScriptedReply::Action::RespondThenClose:
                socket->write(reply.raw);
                socket->disconnectFromHost(); // after the bytes are out
                return;
            }
        }
    }

    QTcpServer m_server;
    quint16 m_port = 0;
    Script m_script;
    QList<RecordedRequest> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace ea::test
