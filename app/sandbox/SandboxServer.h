#pragma once

#include "sandbox/HttpServer.h"
#include "sandbox/SandboxTenant.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace ea::sandbox {

// The sandbox tenant served over HTTP on 127.0.0.1. Lives on the thread that
// creates it; tests use it directly and inspect tenant() afterwards.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Replaces the random token; call before handing the token out.
    void setAccessToken(const QString &token);
    QString accessToken() const;

    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:PORT with no path: clients append /v1.0 or /beta.
    QUrl url() const;
    QString errorString() const;

    SandboxTenant &tenant();
    const SandboxTenant &tenant() const;
    HttpServer &httpServer();

    // "sandbox." + 32 random bytes, base64url.
    static QString generateAccessToken();

private:
    SandboxTenant m_tenant;
    HttpServer *m_http = nullptr;
    QString m_errorString;
};

// Runs a SandboxServer on its own thread so a GUI in the same process never
// stalls while the sandbox serializes 10,000 configurations. Not a QObject:
// it only owns the thread.
class SandboxThread
{
public:
    SandboxThread();
    ~SandboxThread(); // stops the server and joins the thread
    SandboxThread(const SandboxThread &) = delete;
    SandboxThread &operator=(const SandboxThread &) = delete;

    // Blocks until the server listens (or failed to); generating the data
    // set happens on the sandbox thread, but start() waits for it.
    bool start(const SandboxOptions &options = {}, quint16 port = 0);
    void stop();
    bool isRunning() const;

    QUrl url() const;
    QString accessToken() const;
    QString errorString() const;
    // Thread-safe to inspect (the tenant locks internally); null before start().
    SandboxTenant *tenant() const;

private:
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread; target of calls into it
    SandboxServer *m_server = nullptr; // owned by the sandbox thread
    QUrl m_url;
    QString m_token;
    QString m_errorString;
};

} // namespace ea::sandbox
