// enrollment-assigner-cli: a thin main; everything else is in CliApp (ea_cli),
// which the tests run in-process.

#include "cli/CliApp.h"

#include <QCoreApplication>
#include <QFile>
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

    // Raw descriptors, unbuffered: output appears in order and nothing waits in a buffer at exit.
    QFile out;
    QFile err;
    QFile in;
    out.open(EA_FILENO(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    err.open(EA_FILENO(stderr), QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    in.open(EA_FILENO(stdin), QIODevice::ReadOnly, QFileDevice::DontCloseHandle);

    ea::CliApp cli(QCoreApplication::arguments(), &out, &err, &in, QProcessEnvironment::systemEnvironment());
    QObject::connect(&cli, &ea::CliApp::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &cli, &ea::CliApp::start);
    return QCoreApplication::exec();
}
