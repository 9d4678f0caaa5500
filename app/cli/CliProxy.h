#pragma once

#include "net/ProxyAccess.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

class QCommandLineParser;
class QIODevice;

namespace ea {

// The CLI's proxy options: --proxy URL, --no-proxy, --proxy-user USER and
// --proxy-password-stdin, and the usual variables (https_proxy, no_proxy...).
// The password never comes from argv: EA_PROXY_PASSWORD, standard input
// (--proxy-password-stdin) or, on a terminal, a prompt without echo.
class CliProxy
{
public:
    static constexpr const char *kPasswordVariable = "EA_PROXY_PASSWORD";

    static void addOptions(QCommandLineParser *parser);
    static std::vector<std::pair<QString, QString>> optionHelp();

    // Reads the options; a non-empty return is a usage problem (exit 2, nothing sent).
    // `stdinTaken`: standard input already carries the token (--token-file -);
    // `canPrompt`: a terminal can be asked for a missing password.
    QString read(const QCommandLineParser &parser, const QProcessEnvironment &environment, QIODevice *in,
        bool stdinTaken, bool canPrompt);

    // The policy for this run, installed as the process's one. `terminal`
    // asks on the terminal when the proxy wants credentials the options did
    // not give (empty when standard input is not a terminal).
    std::unique_ptr<net::ProxyAccess> createAccess(const net::ProxyPrompt &terminal) const;

    const net::ProxySettings &settings() const { return m_settings; }

private:
    net::ProxySettings m_settings;
    net::ProxyEnvironment m_environment;
    QString m_user;
    std::optional<QString> m_password;
};

} // namespace ea
