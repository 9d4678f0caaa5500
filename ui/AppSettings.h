#pragma once

#include "domain/ApiVersion.h"
#include "net/ProxySettings.h"

#include <QByteArray>
#include <QString>

class QSettings;

namespace ea::ui {

// The GUI's preferences and remembered layout, typed, over the one QSettings
// the app shares with auth::ProfileStore (which keeps the tenant profiles
// under "auth/"; nothing here touches those keys). Every key the GUI stores is
// spelled in AppSettings.cpp only.
class AppSettings
{
public:
    // settings: not owned; it must outlive this wrapper.
    explicit AppSettings(QSettings *settings);

    // Preferences (the Preferences dialog).
    ApiVersion defaultApiVersion() const;
    void setDefaultApiVersion(ApiVersion version);
    // How long one Graph call may take before it is given up, in seconds.
    int transferTimeoutSeconds() const;
    void setTransferTimeoutSeconds(int seconds);
    static constexpr int kMinTransferTimeoutSeconds = 5;
    static constexpr int kMaxTransferTimeoutSeconds = 600;
    // How long connecting (TCP, proxy, TLS) may take; a call given up then
    // is known not to have been sent.
    int connectTimeoutSeconds() const;
    void setConnectTimeoutSeconds(int seconds);
    static constexpr int kMinConnectTimeoutSeconds = 2;
    static constexpr int kMaxConnectTimeoutSeconds = 120;
    // How sign-in and Graph requests leave the computer (default: the system's settings).
    net::ProxySettings proxySettings() const;
    void setProxySettings(const net::ProxySettings &proxy);
    // Whether Remove and Undo ask before they send. The full-list question
    // is always asked: it shows what Intune will delete.
    bool confirmRemove() const;
    void setConfirmRemove(bool ask);
    bool confirmUndo() const;
    void setConfirmUndo(bool ask);

    // Layout of the main window: QMainWindow::saveGeometry/saveState,
    // QSplitter::saveState and QHeaderView::saveState (column widths, order
    // and sort indicator), by the widget's objectName. Empty when never saved.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState(const QString &splitterName) const;
    void setSplitterState(const QString &splitterName, const QByteArray &state);
    QByteArray headerState(const QString &viewName) const;
    void setHeaderState(const QString &viewName, const QByteArray &state);

    void sync();

private:
    QSettings *m_settings;
};

} // namespace ea::ui
