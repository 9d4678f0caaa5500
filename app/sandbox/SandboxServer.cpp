#include "sandbox/SandboxServer.h"

#include <QRandomGenerator>
#include <QThread>

#include <array>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_tenant(generateAccessToken(), options)
    , m_http(new HttpServer(this))
{
    m_http->setHandler([this](const HttpRequest &request) { return m_tenant.handle(request); });
}

SandboxServer::~SandboxServer()
{
    // The handler captures m_tenant, which is destroyed before QObject
    // deletes children; take the HTTP side down first.
    delete m_http;
}

QString SandboxServer::generateAccessToken()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return u"sandbox."_s
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void SandboxServer::setAccessToken(const QString &token)
{
    m_tenant.setAccessToken(token);
}

QString SandboxServer::accessToken() const
{
    return m_tenant.accessToken();
}

bool SandboxServer::listen(quint16 port)
{
    if (!m_http->listen(port)) {
        m_errorString = m_http->errorString();
        return false;
    }
    m_errorString.clear();
    m_tenant.setFallbackOrigin("http://127.0.0.1:" + QByteArray::number(m_http->port()));
    return true;
}

void SandboxServer::close()
{
    m_http->close();
}

bool SandboxServer::isListening() const
{
    return m_http->isListening();
}

quint16 SandboxServer::port() const
{
    return m_http->port();
}

QUrl SandboxServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_http->port());
    return url;
}

QString SandboxServer::errorString() const
{
    return m_errorString;
}

SandboxTenant &SandboxServer::tenant()
{
    return m_tenant;
}

const SandboxTenant &SandboxServer::tenant() const
{
    return m_tenant;
}

HttpServer &SandboxServer::httpServer()
{
    return *m_http;
}

// ---------------------------------------------------------------------------

SandboxThread::SandboxThread() = default;

SandboxThread::~SandboxThread()
{
    stop();
}

bool SandboxThread::start(const SandboxOptions &options, quint16 port)
{
    stop();
    m_errorString.clear();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"ea-sandbox"_s);
    m_context = std::make_unique<QObject>();
    m_context->moveToThread(m_thread.get());
    m_thread->start();

    bool ok = false;
    // The server must be created on the sandbox thread so its sockets and
    // timers belong to that thread's event loop.
    QMetaObject::invokeMethod(
        m_context.get(),
        [this, &ok, options, port] {
            auto *server = new SandboxServer(options);
            if (server->listen(port)) {
                m_server = server;
                m_url = server->url();
                m_token = server->accessToken();
                ok = true;
            } else {
                m_errorString = server->errorString();
                delete server;
            }
        },
        Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void SandboxThread::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        // Destroyed on its own thread, while that thread's loop still runs.
        QMetaObject::invokeMethod(
            m_context.get(),
            [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    // The thread has finished, so nothing can be delivering events to the
    // context object any more.
    m_context.reset();
    m_thread.reset();
    m_url.clear();
    m_token.clear();
}

bool SandboxThread::isRunning() const
{
    return m_server != nullptr;
}

QUrl SandboxThread::url() const
{
    return m_url;
}

QString SandboxThread::accessToken() const
{
    return m_token;
}

QString SandboxThread::errorString() const
{
    return m_errorString;
}

SandboxTenant *SandboxThread::tenant() const
{
    return m_server ? &m_server->tenant() : nullptr;
}

} // namespace ea::sandbox
