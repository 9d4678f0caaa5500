// enrollment-assigner-sandbox: the sandbox tenant as a standalone process,
// for the CLI, manual testing and benchmarks. Prints one JSON line with the
// URL and token, then serves until SIGINT/SIGTERM.

#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <limits>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int ExitBadArguments = 2;
constexpr int ExitListenFailed = 1;

void printError(const QString &message)
{
    std::fputs(qUtf8Printable(message + u'\n'), stderr);
    std::fflush(stderr);
}

#ifdef Q_OS_UNIX
// Self-pipe: a signal handler may only write(); the event loop reads the
// other end and quits normally, so destructors run and the port is released.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

bool installQuitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto readBytes = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return true;
}
#elif defined(Q_OS_WIN)
BOOL WINAPI onConsoleControl(DWORD)
{
    // Runs on a separate thread: a queued call is safe from there.
    if (QCoreApplication *app = QCoreApplication::instance())
        QMetaObject::invokeMethod(
            app, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    return TRUE;
}

bool installQuitOnSignals(QCoreApplication &)
{
    return SetConsoleCtrlHandler(onConsoleControl, TRUE) != 0;
}
#else
bool installQuitOnSignals(QCoreApplication &)
{
    return true;
}
#endif

bool readCount(const QCommandLineParser &parser, const QString &name, int min, int max, int *out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        printError(u"enrollment-assigner-sandbox: --"_s + name + u" must be an integer between "_s
            + QString::number(min) + u" and "_s + QString::number(max) + u", got '"_s + parser.value(name) + u"'."_s);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"enrollment-assigner-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(EA_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves an in-memory fake Microsoft Graph tenant on 127.0.0.1 for Enrollment Assigner. "
        "Prints {\"url\":...,\"token\":...} on one line, then serves until interrupted."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addOption({u"port"_s, u"TCP port on 127.0.0.1 (default: any free port)."_s, u"N"_s});
    parser.addOption({u"configs"_s, u"Extra generated enrollment configurations."_s, u"N"_s});
    parser.addOption({u"groups"_s, u"Extra generated groups."_s, u"N"_s});
    parser.addOption({u"page-size"_s, u"Default page size of the configuration list (1-999)."_s, u"N"_s});
    parser.addOption({u"seed"_s, u"Seed for the generated extras."_s, u"N"_s});
    parser.addOption({u"write-limit"_s,
        u"Emulate Intune's write limit: 429 past N writes per SECONDS (sliding), some without Retry-After "
        "(Intune: 100/20)."_s,
        u"N/SECONDS"_s});
    parser.addOption({u"request-limit"_s,
        u"Emulate the limit on all requests, reads included: N per the same window (Intune: 1000)."_s, u"N"_s});

    // parse() rather than process(): bad arguments must exit 2, not 1.
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(u"enrollment-assigner-sandbox: "_s + parser.errorText());
        return ExitBadArguments;
    }
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            u"enrollment-assigner-sandbox: unexpected argument '"_s + parser.positionalArguments().first() + u"'."_s);
        return ExitBadArguments;
    }

    ea::sandbox::SandboxOptions options;
    int port = 0;
    int seed = int(options.seed);
    if (!readCount(parser, u"port"_s, 0, 65535, &port)
        || !readCount(parser, u"configs"_s, 0, 1'000'000, &options.extraConfigurations)
        || !readCount(parser, u"groups"_s, 0, 10'000'000, &options.extraGroups)
        || !readCount(parser, u"page-size"_s, 1, 999, &options.pageSize)
        || !readCount(parser, u"seed"_s, 0, std::numeric_limits<int>::max(), &seed))
        return ExitBadArguments;
    options.seed = quint32(seed);
    if (parser.isSet(u"write-limit"_s)) {
        const QStringList parts = parser.value(u"write-limit"_s).split(u'/');
        bool okWrites = false;
        bool okSeconds = false;
        const int writes = parts.value(0).toInt(&okWrites);
        const int seconds = parts.size() == 2 ? parts.value(1).toInt(&okSeconds) : 20;
        if (!okWrites || (parts.size() == 2 && !okSeconds) || parts.size() > 2 || writes < 1 || seconds < 1
            || seconds > 3600) {
            printError(u"enrollment-assigner-sandbox: --write-limit is N or N/SECONDS (like 100/20), got '"_s
                + parser.value(u"write-limit"_s) + u"'."_s);
            return ExitBadArguments;
        }
        options.throttling.writeLimit = writes;
        options.throttling.windowMs = seconds * 1000;
    }
    if (!readCount(parser, u"request-limit"_s, 0, 1'000'000, &options.throttling.requestLimit))
        return ExitBadArguments;

    installQuitOnSignals(app);

    ea::sandbox::SandboxServer server(options);
    if (!server.listen(quint16(port))) {
        printError(u"enrollment-assigner-sandbox: cannot listen on 127.0.0.1:"_s + QString::number(port) + u": "_s
            + server.errorString());
        return ExitListenFailed;
    }

    // Hand-built so the key order is url, token (QJsonDocument would sort
    // them); neither value can contain characters that need escaping.
    const QByteArray line = "{\"url\":\"" + server.url().toString(QUrl::FullyEncoded).toUtf8() + "\",\"token\":\""
        + server.accessToken().toUtf8() + "\"}\n";
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);

    return QCoreApplication::exec();
}
