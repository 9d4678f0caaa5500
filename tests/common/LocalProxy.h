#pragma once

// A real HTTP proxy for tests: Debian's squid on 127.0.0.1, optionally with
// basic authentication (squid's basic_ncsa_auth), which answers 407 both
// without credentials and with wrong ones, as corporate proxies do.
// .ci/install-deps installs it; a test that needs it fails (never skips)
// when it is missing.

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

class LocalProxy
{
public:
    LocalProxy() = default;
    LocalProxy(const LocalProxy &) = delete;
    LocalProxy &operator=(const LocalProxy &) = delete;
    ~LocalProxy() { stop(); }

    // Starts squid; `user`/`password` non-empty: basic authentication is
    // required. Returns false with errorString() set when it cannot.
    bool start(const QString &user = {}, const QString &password = {})
    {
        const QString squid = QStandardPaths::findExecutable(
            QStringLiteral("squid"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (squid.isEmpty())
            return fail(QStringLiteral("squid is not installed (.ci/install-deps installs it)"));
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary folder"));
        // Running as root, squid drops to the 'proxy' user, which must reach its logs.
        QFile::setPermissions(m_dir.path(),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::ExeOther);
        for (const QString &name : {QStringLiteral("access.log"), QStringLiteral("cache.log")}) {
            QFile log(m_dir.filePath(name));
            if (!log.open(QIODevice::WriteOnly))
                return fail(log.errorString());
            log.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::WriteGroup
                | QFile::ReadOther | QFile::WriteOther);
        }
        // A free port: bound and released at once (squid cannot report the port it took).
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return fail(probe.errorString());
            m_port = probe.serverPort();
        }
        QString conf = QStringLiteral("http_port 127.0.0.1:%1\n"
                                      "pid_filename %2/squid.pid\n"
                                      "access_log stdio:%2/access.log\n"
                                      "cache_log %2/cache.log\n"
                                      "cache deny all\ncache_mem 8 MB\ncache_dir null /tmp\ncoredump_dir %2\n"
                                      "shutdown_lifetime 0 seconds\nvisible_hostname ea-test-proxy\npinger_enable off\n"
                                      "acl CONNECT method CONNECT\n")
                           .arg(m_port)
                           .arg(m_dir.path());
        if (!user.isEmpty()) {
            // basic_ncsa_auth reads an htpasswd file; openssl makes the MD5 ($apr1$) hash it accepts.
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"), {QStringLiteral("passwd"), QStringLiteral("-apr1"), password});
            if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0)
                return fail(QStringLiteral("openssl passwd failed: ") + openssl.errorString());
            const QByteArray hash = openssl.readAllStandardOutput().trimmed();
            QFile passwd(m_dir.filePath(QStringLiteral("passwd")));
            if (!passwd.open(QIODevice::WriteOnly) || passwd.write(user.toUtf8() + ':' + hash + '\n') < 0)
                return fail(passwd.errorString());
            passwd.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            conf += QStringLiteral("auth_param basic program /usr/lib/squid/basic_ncsa_auth %1\n"
                                   "auth_param basic children 2 startup=1\nauth_param basic realm ea-test\n"
                                   "acl authed proxy_auth REQUIRED\nhttp_access allow localhost authed\n")
                        .arg(passwd.fileName());
        } else {
            conf += QStringLiteral("http_access allow localhost\n");
        }
        conf += QStringLiteral("http_access deny all\n");
        QFile file(m_dir.filePath(QStringLiteral("squid.conf")));
        if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) < 0)
            return fail(file.errorString());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        file.close();
        m_process.setProgram(squid);
        m_process.setArguments({QStringLiteral("-N"), QStringLiteral("-f"), file.fileName()});
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return fail(m_process.errorString());
        // Ready when it accepts a connection.
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(200))
                return true;
            if (m_process.state() != QProcess::Running)
                return fail(QStringLiteral("squid exited: ") + QString::fromUtf8(m_process.readAll()) + cacheLog());
            QThread::msleep(50);
        }
        return fail(QStringLiteral("squid did not listen on port %1: %2").arg(m_port).arg(cacheLog()));
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString label() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString errorString() const { return m_error; }
    // squid's access log: one line per request it answered, e.g.
    // "… TCP_MISS/200 512 GET http://127.0.0.1:41234/v1.0/… alice HIER_DIRECT/127.0.0.1 application/json"
    // "… TCP_DENIED/407 3521 GET http://127.0.0.1:41234/v1.0/… - HIER_NONE/- text/html"
    // squid writes it when a request ends; give it a moment after the client finished.
    QString log() const { return read(QStringLiteral("access.log")); }
    QString cacheLog() const { return read(QStringLiteral("cache.log")); }
    // Requests whose log line contains every one of `parts`.
    int count(const QStringList &parts) const
    {
        int n = 0;
        const QStringList lines = log().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines)
            n += std::all_of(parts.begin(), parts.end(), [&line](const QString &p) { return line.contains(p); });
        return n;
    }
    // Requests the proxy forwarded (not refused with 407) whose line contains `text`.
    int forwarded(const QString &text) const { return count({text, QStringLiteral(" HIER_DIRECT/")}); }
    int refused(const QString &text) const { return count({text, QStringLiteral("TCP_DENIED/407")}); }

private:
    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }
    QString read(const QString &name) const
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // Under /tmp whatever TMPDIR or HOME a test set: squid, dropping to the
    // 'proxy' user, must reach every folder above it.
    QTemporaryDir m_dir {QStringLiteral("/tmp/ea-squid-XXXXXX")};
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
