#include "cli/TerminalPrompt.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_WIN
#define NOMINMAX
#define WIN32_LEAN_AND_MEAN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace ea {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ea::TerminalPrompt", text);
}

void writeError(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

} // namespace

#ifdef Q_OS_WIN

bool standardErrorIsTerminal()
{
    return _isatty(_fileno(stderr));
}

bool canAskOnTerminal()
{
    return _isatty(_fileno(stdin)) && _isatty(_fileno(stderr));
}

std::optional<QString> askOnTerminal(const QString &question, bool echo)
{
    writeError(question);
    const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool console = GetConsoleMode(input, &mode);
    if (console && !echo)
        SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
    wchar_t buffer[1024];
    DWORD read = 0;
    const bool ok = ReadConsoleW(input, buffer, DWORD(std::size(buffer) - 1), &read, nullptr);
    if (console && !echo) {
        SetConsoleMode(input, mode);
        writeError(QStringLiteral("\n"));
    }
    if (!ok || read == 0)
        return std::nullopt;
    QString line = QString::fromWCharArray(buffer, int(read));
    while (line.endsWith(u'\n') || line.endsWith(u'\r'))
        line.chop(1);
    return line;
}

#else

bool standardErrorIsTerminal()
{
    return isatty(fileno(stderr));
}

bool canAskOnTerminal()
{
    return isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
}

std::optional<QString> askOnTerminal(const QString &question, bool echo)
{
    writeError(question);
    termios saved {};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    // Byte by byte from the descriptor: nothing beyond the line is consumed.
    QByteArray line;
    bool gotLine = false;
    char c = 0;
    while (line.size() < 4096) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n <= 0)
            break;
        if (c == '\n') {
            gotLine = true;
            break;
        }
        line.append(c);
    }
    if (terminal && !echo)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!gotLine && line.isEmpty())
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromLocal8Bit(line);
}

#endif

net::ProxyPrompt terminalProxyPrompt()
{
    return [](const net::ProxyAuthRequest &request) -> std::optional<net::ProxyCredentials> {
        writeError(request.refused
                ? tr("The proxy %1 refused the user name or password of %2. Try again, or press Ctrl+D to stop.\n")
                      .arg(request.proxy, request.user)
                : tr("The proxy %1 asks for a user name and password.\n").arg(request.proxy));
        QString user = request.user;
        if (user.isEmpty() || request.refused) {
            const std::optional<QString> typed
                = askOnTerminal(user.isEmpty() ? tr("User name: ") : tr("User name [%1]: ").arg(user), true);
            if (!typed)
                return std::nullopt;
            if (!typed->trimmed().isEmpty())
                user = typed->trimmed();
            if (user.isEmpty())
                return std::nullopt;
        }
        const std::optional<QString> password = askOnTerminal(tr("Password for %1: ").arg(user), false);
        if (!password)
            return std::nullopt;
        return net::ProxyCredentials {user, *password, false};
    };
}

} // namespace ea
