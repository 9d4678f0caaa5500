#include "cli/CliProxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace ea {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ea::CliProxy", text);
}

const QCommandLineOption &proxyOption()
{
    static const QCommandLineOption o(u"proxy"_s, QString(), u"URL"_s);
    return o;
}
const QCommandLineOption &noProxyOption()
{
    static const QCommandLineOption o(u"no-proxy"_s);
    return o;
}
const QCommandLineOption &proxyUserOption()
{
    static const QCommandLineOption o(u"proxy-user"_s, QString(), u"USER"_s);
    return o;
}
const QCommandLineOption &passwordStdinOption()
{
    static const QCommandLineOption o(u"proxy-password-stdin"_s);
    return o;
}

constexpr qint64 kMaxPasswordBytes = 4096;

} // namespace

void CliProxy::addOptions(QCommandLineParser *parser)
{
    parser->addOptions({proxyOption(), noProxyOption(), proxyUserOption(), passwordStdinOption()});
}

std::vector<std::pair<QString, QString>> CliProxy::optionHelp()
{
    return {
        {u"  --proxy URL"_s, tr("send sign-in and Graph requests through this HTTP proxy (host:port or")},
        {QString(), tr("http://host:port); default: https_proxy/http_proxy/all_proxy if set,")},
        {QString(), tr("else the system's proxy settings; no_proxy lists hosts reached directly")},
        {u"  --no-proxy"_s, tr("connect directly, whatever the variables and the system say")},
        {u"  --proxy-user USER"_s,
            tr("the proxy's user name; the password comes from $%1,").arg(QLatin1String(kPasswordVariable))},
        {QString(), tr("from standard input with --proxy-password-stdin, or from a prompt")},
        {u"  --proxy-password-stdin"_s, tr("read the proxy's password from the first line of standard input")},
    };
}

QString CliProxy::read(const QCommandLineParser &parser, const QProcessEnvironment &environment, QIODevice *in,
    bool stdinTaken, bool canPrompt)
{
    m_environment
        = net::ProxyEnvironment::from([&environment](const QString &name) { return environment.value(name); });
    const bool proxyGiven = parser.isSet(proxyOption());
    if (proxyGiven && parser.isSet(noProxyOption()))
        return tr("--proxy and --no-proxy exclude each other.");
    if (parser.isSet(noProxyOption())) {
        m_settings.mode = net::ProxySettings::Mode::None;
    } else if (proxyGiven) {
        QString problem;
        QString userInAddress;
        const std::optional<QUrl> address
            = net::parseProxyAddress(parser.value(proxyOption()), &problem, &userInAddress);
        if (!address)
            return u"--proxy: "_s + problem;
        m_settings.mode = net::ProxySettings::Mode::Manual;
        m_settings.manualProxy = *address;
        m_user = userInAddress;
    }
    if (parser.isSet(proxyUserOption())) {
        m_user = parser.value(proxyUserOption()).trimmed();
        if (m_user.isEmpty())
            return tr("--proxy-user needs the proxy's user name (DOMAIN\\name or name@domain).");
    }
    if (parser.isSet(passwordStdinOption())) {
        if (m_user.isEmpty())
            return tr("--proxy-password-stdin goes with --proxy-user USER: whose password is it?");
        if (stdinTaken)
            return tr("--proxy-password-stdin and --token-file - both read standard input; give the token from "
                      "a file or from GRAPH_ACCESS_TOKEN instead.");
        if (!in || !in->isReadable())
            return tr("--proxy-password-stdin: standard input cannot be read.");
        QByteArray line = in->readLine(kMaxPasswordBytes + 1);
        if (line.size() > kMaxPasswordBytes)
            return tr("--proxy-password-stdin: the first line of standard input is longer than 4 KiB; that is "
                      "not a password.");
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return tr("--proxy-password-stdin: the first line of standard input is empty.");
        m_password = QString::fromUtf8(line);
    } else if (environment.contains(QLatin1String(kPasswordVariable))) {
        if (m_user.isEmpty())
            return tr("%1 is set but no user name goes with it: add --proxy-user USER.")
                .arg(QLatin1String(kPasswordVariable));
        m_password = environment.value(QLatin1String(kPasswordVariable));
    }
    if (!m_user.isEmpty() && !m_password && !canPrompt)
        return tr("The proxy user %1 needs a password: put it in %2 or pipe it with --proxy-password-stdin (it is "
                  "never taken from the command line).")
            .arg(m_user, QLatin1String(kPasswordVariable));
    return {};
}

std::unique_ptr<net::ProxyAccess> CliProxy::createAccess(const net::ProxyPrompt &terminal) const
{
    auto access = std::make_unique<net::ProxyAccess>(m_settings, m_environment);
    if (!m_user.isEmpty() && m_password)
        access->setCredentials(m_user, *m_password);
    else if (!m_user.isEmpty())
        access->setUserName(m_user);
    if (terminal)
        access->setPrompt(terminal);
    access->install();
    return access;
}

} // namespace ea
