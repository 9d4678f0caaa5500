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
const QString kConfirmUndo = QStringLiteral("preferences/confirmUndo");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSplitterPrefix = QStringLiteral("window/splitters/");
const QString kHeaderPrefix = QStringLiteral("window/columns/");

int defaultTransferTimeoutSeconds()
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(GraphClient::kDefaultTransferTimeout).count());
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
    bool ok = false;
    const int seconds = m_settings->value(kTransferTimeout).toInt(&ok);
    if (!ok)
        return defaultTransferTimeoutSeconds();
    return qBound(kMinTransferTimeoutSeconds, seconds, kMaxTransferTimeoutSeconds);
}

void AppSettings::setTransferTimeoutSeconds(int seconds)
{
    m_settings->setValue(kTransferTimeout, qBound(kMinTransferTimeoutSeconds, seconds, kMaxTransferTimeoutSeconds));
}

int AppSettings::connectTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings->value(kConnectTimeout).toInt(&ok);
    if (!ok)
        return int(std::chrono::duration_cast<std::chrono::seconds>(GraphClient::kDefaultConnectTimeout).count());
    return qBound(kMinConnectTimeoutSeconds, seconds, kMaxConnectTimeoutSeconds);
}

void AppSettings::setConnectTimeoutSeconds(int seconds)
{
    m_settings->setValue(kConnectTimeout, qBound(kMinConnectTimeoutSeconds, seconds, kMaxConnectTimeoutSeconds));
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
