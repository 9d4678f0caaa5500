#include "sandbox/HttpServer.h"

#include "sandbox/SandboxLogging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>

namespace ea::sandbox {

namespace {

// Long enough for a $filter with a 100-character group name percent-encoded
// several times over, short enough that a client streaming garbage without a
// newline is cut off early.
constexpr qsizetype MaxRequestLineBytes = 16 * 1024;

bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isTargetChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

QByteArrayView trimmedView(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        if (equalsIgnoringCase(trimmedView(list.sliced(start, comma - start)), token))
            return true;
        start = comma + 1;
    }
    return false;
}

bool parseContentLength(QByteArrayView text, qsizetype *value)
{
    // Digits only: a sign, spaces or a hex prefix in Content-Length is how
    // request smuggling starts, so anything unusual is refused outright.
    if (text.isEmpty() || text.size() > 18)
        return false;
    qsizetype result = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return true;
}

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

bool statusHasNoBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

bool isServerOwnedHeader(QByteArrayView name)
{
    return equalsIgnoringCase(name, "Content-Length") || equalsIgnoringCase(name, "Connection")
        || equalsIgnoringCase(name, "Date") || equalsIgnoringCase(name, "Transfer-Encoding");
}

// Path only: a query may carry a $filter with names, never anything secret,
// but the log stays short and a sign-in callback's code stays out of it.
QByteArrayView pathOf(const HttpRequest &request)
{
    const QByteArrayView target = request.rawTarget;
    const qsizetype question = target.indexOf('?');
    return question >= 0 ? target.first(question) : target;
}

const char *actionName(HttpFault::Action action)
{
    switch (action) {
    case HttpFault::Action::Answer: return "answer";
    case HttpFault::Action::AnswerThenClose: return "answer, then close";
    case HttpFault::Action::Stall: return "stall";
    case HttpFault::Action::Drop: return "drop";
    }
    return "?";
}

bool isSafeHeader(const std::pair<QByteArray, QByteArray> &header)
{
    if (!isToken(header.first))
        return false;
    for (const char c : header.second) {
        if (!isFieldValueChar(c))
            return false;
    }
    return true;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return {};
}

// One per accepted socket, parented to it so both go away together. Lives in
// the .cpp: nothing outside the server needs to see connection state.
class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
    {
        m_idleTimer.setSingleShot(true);
        m_idleTimer.setInterval(server->m_idleTimeout);
        connect(&m_idleTimer, &QTimer::timeout, this, [this] { closeConnection(); });
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        m_idleTimer.start();
    }

    void onReadyRead()
    {
        if (m_closing) {
            // Whatever follows an answered-and-closing request is discarded;
            // reading it keeps the kernel buffer from filling up meanwhile.
            m_socket->readAll();
            return;
        }
        m_buffer += m_socket->readAll();
        m_idleTimer.start();
        processBuffer();
    }

private:
    void processBuffer()
    {
        // m_waiting: a delayed or stalled answer holds back the requests
        // behind it, so answers stay in request order.
        while (!m_closing && !m_waiting) {
            if (!m_haveHead && !parseHead())
                return;
            if (m_buffer.size() < m_contentLength) {
                if (m_expectContinue && !m_sentContinue) {
                    m_sentContinue = true;
                    m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
                }
                return;
            }
            HttpRequest request = std::move(m_request);
            m_request = HttpRequest {};
            request.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            m_haveHead = false;

            deliver(m_server->answer(request), request.method == "HEAD");
        }
    }

    void deliver(const HttpFault &fault, bool isHead)
    {
        switch (fault.action) {
        case HttpFault::Action::Stall: m_waiting = true; return;
        case HttpFault::Action::Drop:
            if (fault.delay.count() > 0)
                break;
            m_closing = true;
            m_idleTimer.stop();
            m_socket->abort(); // disconnected() only schedules deleteLater()
            return;
        case HttpFault::Action::Answer:
        case HttpFault::Action::AnswerThenClose:
            if (fault.delay.count() > 0)
                break;
            send(fault.response, !m_keepAlive || fault.action == HttpFault::Action::AnswerThenClose, isHead,
                fault.announcedLength);
            return;
        }
        // Delayed: the same fault, undelayed, once the time is up.
        m_waiting = true;
        HttpFault now = fault;
        now.delay = std::chrono::milliseconds(0);
        QTimer::singleShot(fault.delay, this, [this, now, isHead] {
            m_waiting = false;
            deliver(now, isHead);
            processBuffer();
        });
    }

private:
    // Returns true once a complete, valid head is in m_request. Returns false
    // when more bytes are needed or when the request was refused (m_closing).
    bool parseHead()
    {
        // RFC 9112 2.2: tolerate empty lines before a request line.
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        if (m_buffer.isEmpty())
            return false;

        // Look at the method before the head is complete so random bytes on
        // the socket are refused at once instead of after 64 KiB.
        const qsizetype lineEnd = m_buffer.indexOf("\r\n");
        const QByteArrayView firstLine = QByteArrayView(m_buffer).first(lineEnd < 0 ? m_buffer.size() : lineEnd);
        for (const char c : firstLine) {
            if (c == ' ')
                break;
            if (!isTokenChar(c))
                return fail(400, "Malformed request line.");
        }
        if ((lineEnd < 0 && m_buffer.size() > MaxRequestLineBytes) || lineEnd > MaxRequestLineBytes)
            return fail(414, "Request line too long.");
        if (lineEnd < 0)
            return false;

        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > m_server->m_maxHeaderBytes)
                return fail(431, "Request header fields too large.");
            return false;
        }
        if (headEnd + 4 > m_server->m_maxHeaderBytes)
            return fail(431, "Request header fields too large.");

        const QByteArray head = m_buffer.left(headEnd);
        m_buffer.remove(0, headEnd + 4);

        // Bare CR or LF inside the head is a classic smuggling vector.
        for (qsizetype i = 0; i < head.size(); ++i) {
            const char c = head.at(i);
            if (c == '\0')
                return fail(400, "NUL byte in request head.");
            if (c == '\r' && (i + 1 >= head.size() || head.at(i + 1) != '\n'))
                return fail(400, "Bare CR in request head.");
            if (c == '\n' && (i == 0 || head.at(i - 1) != '\r'))
                return fail(400, "Bare LF in request head.");
        }

        QList<QByteArrayView> lines;
        {
            qsizetype start = 0;
            while (true) {
                const qsizetype end = head.indexOf("\r\n", start);
                if (end < 0) {
                    lines.append(QByteArrayView(head).sliced(start));
                    break;
                }
                lines.append(QByteArrayView(head).sliced(start, end - start));
                start = end + 2;
            }
        }

        const QByteArrayView requestLine = lines.first();
        const qsizetype sp1 = requestLine.indexOf(' ');
        const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1 + 1)
            return fail(400, "Malformed request line.");
        const QByteArrayView method = requestLine.first(sp1);
        const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
        const QByteArrayView version = requestLine.sliced(sp2 + 1);
        if (!isToken(method))
            return fail(400, "Malformed method.");
        if (!target.startsWith('/'))
            return fail(400, "Only origin-form request targets are supported.");
        for (const char c : target) {
            if (!isTargetChar(c))
                return fail(400, "Malformed request target.");
        }
        bool http10 = false;
        if (version == "HTTP/1.0")
            http10 = true;
        else if (version != "HTTP/1.1")
            return version.startsWith("HTTP/") ? fail(505, "Only HTTP/1.0 and HTTP/1.1 are supported.")
                                               : fail(400, "Malformed HTTP version.");

        HttpRequest request;
        request.method = method.toByteArray();
        request.rawTarget = target.toByteArray();
        request.url = QUrl::fromEncoded(request.rawTarget);

        int hostCount = 0;
        bool haveLength = false;
        qsizetype contentLength = 0;
        bool expectContinue = false;
        bool keepAlive = !http10;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArrayView line = lines.at(i);
            if (line.startsWith(' ') || line.startsWith('\t'))
                return fail(400, "Obsolete header line folding is not accepted.");
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return fail(400, "Malformed header line.");
            const QByteArrayView name = line.first(colon);
            const QByteArrayView value = trimmedView(line.sliced(colon + 1));
            if (!isToken(name))
                return fail(400, "Malformed header name.");
            for (const char c : value) {
                if (!isFieldValueChar(c))
                    return fail(400, "Malformed header value.");
            }
            if (equalsIgnoringCase(name, "Host")) {
                ++hostCount;
            } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
                // Chunked uploads are never needed by a Graph client; refusing
                // them keeps the framing logic trivially correct.
                return fail(411, "Chunked request bodies are not supported; send Content-Length.");
            } else if (equalsIgnoringCase(name, "Content-Length")) {
                qsizetype parsed = 0;
                if (!parseContentLength(value, &parsed) || (haveLength && parsed != contentLength))
                    return fail(400, "Malformed Content-Length.");
                haveLength = true;
                contentLength = parsed;
            } else if (equalsIgnoringCase(name, "Connection")) {
                if (hasToken(value, "close"))
                    keepAlive = false;
                else if (http10 && hasToken(value, "keep-alive"))
                    keepAlive = true;
            } else if (equalsIgnoringCase(name, "Expect")) {
                if (!equalsIgnoringCase(value, "100-continue"))
                    return fail(417, "Unsupported expectation.");
                expectContinue = true;
            }
            request.headers.append({name.toByteArray(), value.toByteArray()});
        }
        if (!http10 && hostCount != 1)
            return fail(400, "HTTP/1.1 requests need exactly one Host header.");
        if (contentLength > m_server->m_maxBodyBytes)
            return fail(413, "Request body too large.");

        m_request = std::move(request);
        m_contentLength = contentLength;
        m_keepAlive = keepAlive;
        m_expectContinue = expectContinue;
        m_sentContinue = false;
        m_haveHead = true;
        return true;
    }

    bool fail(int status, const char *why)
    {
        HttpResponse response;
        response.status = status;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        response.body
            = QByteArrayLiteral(R"({"error":{"code":"BadRequest","message":")") + why + QByteArrayLiteral(R"("}})");
        send(response, true, false);
        return false;
    }

    // announcedLength >= 0 replaces the body's real size in Content-Length
    // (a fault hook's truncated answer).
    void send(const HttpResponse &response, bool closeAfter, bool isHead, qsizetype announcedLength = -1)
    {
        const bool noBody = statusHasNoBody(response.status);
        QByteArray out;
        out.reserve(response.body.size() + 512);
        out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + HttpServer::reasonPhrase(response.status)
            + "\r\n";
        for (const auto &header : response.headers) {
            // A handler bug must not be able to inject a header line.
            if (isServerOwnedHeader(header.first) || !isSafeHeader(header))
                continue;
            out += header.first + ": " + header.second + "\r\n";
        }
        out += "Date: " + httpDate() + "\r\n";
        // RFC 9110 8.6 forbids Content-Length on 1xx and 204 answers.
        if (!noBody)
            out += "Content-Length: "
                + QByteArray::number(announcedLength >= 0 ? announcedLength : response.body.size()) + "\r\n";
        if (closeAfter)
            out += "Connection: close\r\n";
        out += "\r\n";
        if (!noBody && !isHead)
            out += response.body;
        m_socket->write(out);
        m_idleTimer.start();
        if (closeAfter)
            closeConnection();
    }

    void closeConnection()
    {
        if (m_closing)
            return;
        m_closing = true;
        m_idleTimer.stop();
        // Waits for queued response bytes before closing; may emit
        // disconnected() synchronously, which only schedules deleteLater().
        m_socket->disconnectFromHost();
    }

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QTimer m_idleTimer;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_contentLength = 0;
    bool m_haveHead = false;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    bool m_sentContinue = false;
    bool m_closing = false;
    bool m_waiting = false;
};

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] { acceptPendingConnections(); });
}

HttpServer::~HttpServer()
{
    // Tear sockets down while this object is still whole: a socket's
    // destructor can emit disconnected(), and its connection must not run
    // against a half-destroyed server.
    close();
    const auto sockets = m_server->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect();
        socket->abort();
        delete socket;
    }
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setFaultHook(FaultHook hook)
{
    m_faultHook = std::move(hook);
}

bool HttpServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), port);
}

void HttpServer::close()
{
    m_server->close();
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::setMaxHeaderBytes(qsizetype bytes)
{
    m_maxHeaderBytes = bytes;
}

void HttpServer::setMaxBodyBytes(qsizetype bytes)
{
    m_maxBodyBytes = bytes;
}

void HttpServer::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
}

void HttpServer::acceptPendingConnections()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        // Small JSON answers on keep-alive connections would otherwise wait on
        // Nagle's algorithm and make benchmark latencies meaningless.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *connection = new HttpConnection(this, socket);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0) {
            QMetaObject::invokeMethod(
                connection, [connection] { connection->onReadyRead(); }, Qt::QueuedConnection);
        }
    }
}

HttpFault HttpServer::answer(const HttpRequest &request) const
{
    if (m_faultHook) {
        const Handler route = [this](const HttpRequest &r) {
            return dispatch(r);
        };
        if (std::optional<HttpFault> fault = m_faultHook(request, route)) {
            qCInfo(lcSandbox).nospace().noquote()
                << "fault hook: " << request.method << ' ' << pathOf(request) << " -> " << actionName(fault->action)
                << ' ' << fault->response.status;
            return *std::move(fault);
        }
    }
    return HttpFault::answer(dispatch(request));
}

HttpResponse HttpServer::dispatch(const HttpRequest &request) const
{
    if (!m_handler) {
        HttpResponse response;
        response.status = 503;
        return response;
    }
    try {
        HttpResponse response = m_handler(request);
        qCDebug(lcSandbox).nospace().noquote() << request.method << ' ' << pathOf(request) << " -> " << response.status;
        return response;
    } catch (const std::exception &) {
    } catch (...) { }
    // A throwing handler is a sandbox bug; the client still gets a well-formed
    // answer and the connection stays usable.
    HttpResponse response;
    response.status = 500;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    response.body
        = QByteArrayLiteral(R"({"error":{"code":"InternalServerError","message":"Sandbox handler failed."}})");
    return response;
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 100: return QByteArrayLiteral("Continue");
    case 200: return QByteArrayLiteral("OK");
    case 201: return QByteArrayLiteral("Created");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 304: return QByteArrayLiteral("Not Modified");
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 409: return QByteArrayLiteral("Conflict");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Content Too Large");
    case 414: return QByteArrayLiteral("URI Too Long");
    case 415: return QByteArrayLiteral("Unsupported Media Type");
    case 417: return QByteArrayLiteral("Expectation Failed");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 502: return QByteArrayLiteral("Bad Gateway");
    case 503: return QByteArrayLiteral("Service Unavailable");
    case 504: return QByteArrayLiteral("Gateway Timeout");
    case 505: return QByteArrayLiteral("HTTP Version Not Supported");
    default: return QByteArrayLiteral("Unknown");
    }
}

} // namespace ea::sandbox
