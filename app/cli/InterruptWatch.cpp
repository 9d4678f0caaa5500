#include "cli/InterruptWatch.h"

#include <QCoreApplication>
#include <QPointer>

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

namespace ea {

namespace {

QPointer<InterruptWatch> g_watch; // the one watching, if any

#ifdef Q_OS_UNIX
// Self-pipe: a signal handler may only write(); the event loop reads the other end.
int g_pipe[2] = {-1, -1};
struct sigaction g_previous = {};

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
}
#endif

#ifdef Q_OS_WIN
BOOL WINAPI onConsoleControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE;
    // Runs on a thread of its own: a queued call is safe from there.
    if (QCoreApplication *app = QCoreApplication::instance())
        QMetaObject::invokeMethod(
            app,
            [] {
                if (g_watch)
                    g_watch->interrupt();
            },
            Qt::QueuedConnection);
    return TRUE;
}
#endif

} // namespace

InterruptWatch::InterruptWatch(QObject *parent)
    : QObject(parent)
{ }

InterruptWatch::~InterruptWatch()
{
    stop();
}

bool InterruptWatch::start()
{
    if (m_watching || g_watch)
        return m_watching;
#ifdef Q_OS_UNIX
    if (g_pipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto readBytes = ::read(g_pipe[0], &byte, 1);
        interrupt();
    });
    m_notifier = notifier;
    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGINT, &action, &g_previous) != 0)
        return false;
#elif defined(Q_OS_WIN)
    if (!SetConsoleCtrlHandler(onConsoleControl, TRUE))
        return false;
#else
    return false;
#endif
    g_watch = this;
    m_watching = true;
    return true;
}

void InterruptWatch::stop()
{
    if (!m_watching)
        return;
    m_watching = false;
    g_watch = nullptr;
#ifdef Q_OS_UNIX
    ::sigaction(SIGINT, &g_previous, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
#elif defined(Q_OS_WIN)
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
#endif
}

void InterruptWatch::interrupt()
{
    // Once: the next Ctrl+C is the platform's again.
    stop();
    Q_EMIT interrupted();
}

} // namespace ea
