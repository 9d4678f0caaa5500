#pragma once

// Runs enrollment-assigner-cli in-process (CliApp over buffers), as the CLI
// tests do: the arguments, the environment and standard input in; the exit
// code, standard output and standard error out. runCliOnSandbox() is the
// usual call: the CLI pointed at a test's sandbox tenant.

#include "cli/CliApp.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>

#include <functional>

namespace ea::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false; // finished exactly once within the time given
};

// `setUp` configures the app before it starts (sign-in storage, a proxy prompt).
inline CliRun runCli(const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinData = {},
    const std::function<void(CliApp &)> &setUp = {}, int timeoutMs = 20000)
{
    QBuffer out;
    QBuffer err;
    QBuffer in;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    in.setData(stdinData);
    in.open(QIODevice::ReadOnly);
    CliRun result;
    {
        CliApp app(QStringList {QStringLiteral("enrollment-assigner-cli")} + args, &out, &err, &in, env);
        if (setUp)
            setUp(app);
        QSignalSpy spy(&app, &CliApp::finished);
        app.start();
        result.finished = spy.wait(timeoutMs);
        if (result.finished) {
            result.exitCode = spy.first().first().toInt();
            // Exactly once.
            QTest::qWait(10);
            if (spy.size() != 1)
                result.finished = false;
        }
    }
    result.out = QString::fromUtf8(out.data());
    result.err = QString::fromUtf8(err.data());
    return result;
}

// The sandbox's token where a user supplies one (GRAPH_ACCESS_TOKEN), never on the command line.
inline QProcessEnvironment sandboxTokenEnv(const ea::sandbox::SandboxServer &server)
{
    QProcessEnvironment env;
    env.insert(QLatin1String(CliApp::kTokenVariable), server.accessToken());
    return env;
}

// The global options that point the CLI at the sandbox and keep its journal in
// the test's folder: a test never writes the user's journal.
inline QStringList sandboxOptions(const ea::sandbox::SandboxServer &server, const QString &journalPath)
{
    return {QStringLiteral("--graph-url"), server.url().toString(), QStringLiteral("--journal"), journalPath};
}

// `args` (a command and its options) run against the sandbox with its token.
inline CliRun runCliOnSandbox(
    const ea::sandbox::SandboxServer &server, const QString &journalPath, const QStringList &args)
{
    return runCli(sandboxOptions(server, journalPath) + args, sandboxTokenEnv(server));
}

} // namespace ea::test

#define RUN_EXPECT(r, code)                                                                                            \
    do {                                                                                                               \
        QVERIFY2((r).finished, qPrintable((r).err));                                                                   \
        QVERIFY2((r).exitCode == (code),                                                                               \
            qPrintable(QStringLiteral("exit %1, expected %2\nstdout:\n%3\nstderr:\n%4")                                \
                           .arg((r).exitCode)                                                                          \
                           .arg(code)                                                                                  \
                           .arg((r).out, (r).err)));                                                                   \
    } while (false)
