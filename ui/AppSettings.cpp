#include "AppSettings.h"

#include "graph/GraphClient.h"

#include <QSettings>

#include <chrono>

namespace ea::ui {

namespace {

// The keys, in one place. "auth/" belongs to auth::ProfileStore.
const QString kApiVersion = QStringLiteral("preferences/apiVersion");
const QString kTransferTimeout = QStringLiteral("preferences/transferTimeoutSeconds");
const QString kConnectTimeout = QStringLiteral("preferences/connectTimeoutSeconds");
const QString kConfirmRemove = QStringLiteral("preferences/confirmRemove");
const QString kProxyMode = QStringLiteral("network/proxyMode");
const QString kProxyAddress = QStringLiteral("network/proxyAddress");
const QString kConfirmUndo = QStringLiteral("preferences/confirmUndo");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSplitterPrefix = QStringLiteral("window/splitters/");
const QString kHeaderPrefix = QStringLiteral("window/columns/");

int wholeSeconds(std::chrono::milliseconds duration)
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(duration).count());
}

// A timeout in seconds, held to its bounds (the file may be hand-edited);
// the default when it was never set or is not a number.
int readSeconds(const QSettings &settings, const QString &key, std::chrono::milliseconds fallback, int min, int max)
{
    bool ok = false;
    const int seconds = settings.value(key).toInt(&ok);
    return ok ? qBound(min, seconds, max) : wholeSeconds(fallback);
}

} // namespace

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings)
{ }

ApiVersion AppSettings::defaultApiVersion() const
{
    ApiVersion version = ApiVersion::V1;
    if (!parseApiVersion(m_settings->value(kApiVersion).toString(), &version))
        return ApiVersion::V1;
    return version;
}

void AppSettings::setDefaultApiVersion(ApiVersion version)
{
    m_settings->setValue(kApiVersion, apiVersionPath(version));
}

int AppSettings::transferTimeoutSeconds() const
{
    return readSeconds(*m_settings, kTransferTimeout, GraphClient::kDefaultTransferTimeout, kMinTransferTimeoutSeconds,
        kMaxTransferTimeoutSeconds);
}

void AppSettings::setTransferTimeoutSeconds(int seconds)
{
    m_settings->setValue(kTransferTimeout, qBound(kMinTransferTimeoutSeconds, seconds, kMaxTransferTimeoutSeconds));
}

int AppSettings::connectTimeoutSeconds() const
{
    return readSeconds(*m_settings, kConnectTimeout, GraphClient::kDefaultConnectTimeout, kMinConnectTimeoutSeconds,
        kMaxConnectTimeoutSeconds);
}

void AppSettings::setConnectTimeoutSeconds(int seconds)
{
    m_settings->setValue(kConnectTimeout, qBound(kMinConnectTimeoutSeconds, seconds, kMaxConnectTimeoutSeconds));
}

net::ProxySettings AppSettings::proxySettings() const
{
    net::ProxySettings proxy;
    // An unknown or damaged value falls back to the system's settings, never to "direct".
    if (!net::parseModeKey(m_settings->value(kProxyMode).toString(), &proxy.mode))
        proxy.mode = net::ProxySettings::Mode::System;
    QString problem;
    const std::optional<QUrl> address = net::parseProxyAddress(m_settings->value(kProxyAddress).toString(), &problem);
    if (address)
        proxy.manualProxy = *address;
    else if (proxy.mode == net::ProxySettings::Mode::Manual)
        proxy.mode = net::ProxySettings::Mode::System;
    return proxy;
}

void AppSettings::setProxySettings(const net::ProxySettings &proxy)
{
    m_settings->setValue(kProxyMode, net::modeKey(proxy.mode));
    // The address is kept when another mode is chosen, to switch back easily.
    if (proxy.manualProxy.isValid())
        m_settings->setValue(kProxyAddress, proxy.manualProxy.authority());
}

bool AppSettings::confirmRemove() const
{
    return m_settings->value(kConfirmRemove, true).toBool();
}

void AppSettings::setConfirmRemove(bool ask)
{
    m_settings->setValue(kConfirmRemove, ask);
}

bool AppSettings::confirmUndo() const
{
    return m_settings->value(kConfirmUndo, true).toBool();
}

void AppSettings::setConfirmUndo(bool ask)
{
    m_settings->setValue(kConfirmUndo, ask);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kWindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kWindowGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kWindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kWindowState, state);
}

QByteArray AppSettings::splitterState(const QString &splitterName) const
{
    return m_settings->value(kSplitterPrefix + splitterName).toByteArray();
}

void AppSettings::setSplitterState(const QString &splitterName, const QByteArray &state)
{
    m_settings->setValue(kSplitterPrefix + splitterName, state);
}

QByteArray AppSettings::headerState(const QString &viewName) const
{
    return m_settings->value(kHeaderPrefix + viewName).toByteArray();
}

void AppSettings::setHeaderState(const QString &viewName, const QByteArray &state)
{
    m_settings->setValue(kHeaderPrefix + viewName, state);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace ea::ui
