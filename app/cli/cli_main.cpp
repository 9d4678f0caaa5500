// enrollment-assigner-cli: a thin main; everything else is in CliApp (ea_cli),
// which the tests run in-process.

#include "cli/CliApp.h"
#include "cli/TerminalPrompt.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_WIN
#define NOMINMAX
#define WIN32_LEAN_AND_MEAN
#include <io.h>
#include <windows.h>
#define EA_FILENO _fileno
#else
#define EA_FILENO fileno
#endif

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same names as the GUI (app/main.cpp): QStandardPaths then gives both
    // the same app-data folder, so they write one audit journal and
    // `history` shows the GUI's writes too.
    QCoreApplication::setOrganizationName(QStringLiteral("Enrollment Assigner"));
    QCoreApplication::setApplicationName(QStringLiteral("Enrollment Assigner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EA_VERSION_STRING));
#ifdef Q_OS_WIN
    // Group names carry accents and emoji; the output is UTF-8.
    SetConsoleOutputCP(CP_UTF8);
#endif

    // Without -v the sign-in's log (each device-code poll, each token request,
    // the keychain's state), the proxy's, and Qt's own uncategorised warnings
    // (QNetworkAccessCache's notes when a proxy refuses a password, say) stay
    // quiet: the commands say what matters in their own words. With -v every
    // subsystem's info is on (ea.cli, ea.service, ea.audit... as README's
    // "Diagnostics" lists), beside the exchanges -v prints. QT_LOGGING_RULES
    // still overrides both.
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.contains(QStringLiteral("-v")) || arguments.contains(QStringLiteral("--verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("ea.*.info=true"));
    else
        QLoggingCategory::setFilterRules(
            QStringLiteral("ea.auth.info=false\nea.auth.warning=false\nea.proxy.info=false\ndefault.warning=false"));

    // Raw descriptors, unbuffered: output appears in order and nothing waits in a buffer at exit.
    QFile out;
    QFile err;
    QFile in;
    out.open(EA_FILENO(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    err.open(EA_FILENO(stderr), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    in.open(EA_FILENO(stdin), QIODevice::ReadOnly, QFileDevice::DontCloseHandle);

    ea::CliApp cli(arguments, &out, &err, &in, QProcessEnvironment::systemEnvironment());
    // CliApp holds its own copy; removed here so no child process (a browser
    // opened for sign-in) inherits the token.
    qunsetenv("GRAPH_ACCESS_TOKEN");
    // A proxy's password is asked for only where someone can type it.
    if (ea::canAskOnTerminal())
        cli.setProxyPrompt(ea::terminalProxyPrompt());
    qunsetenv(ea::CliProxy::kPasswordVariable);
    QObject::connect(&cli, &ea::CliApp::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &cli, &ea::CliApp::start);
    return QCoreApplication::exec();
}
