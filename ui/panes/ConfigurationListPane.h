#pragma once

#include "domain/EnrollmentConfiguration.h"
#include "graph/Result.h"
#include "panes/PaneParts.h"
#include "service/AssignmentService.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace ea::ui {

class ColumnFitter;
class ConfigurationFilterModel;
class ConfigurationTableModel;

// The left pane: the tenant's enrollment configurations, a filter above them
// and how many there are below. It reads them itself and reports which one
// is chosen; the window shows its messages in the status bar.
class ConfigurationListPane final : public QWidget
{
    Q_OBJECT
public:
    // service may be null (not signed in): the list stays empty.
    explicit ConfigurationListPane(AssignmentService *service, QWidget *parent = nullptr);

    // Reads the list again; the chosen configuration stays chosen if it is still there.
    void reload();
    bool isLoading() const { return !m_load.isNull(); }
    void cancelLoad();
    // While a write runs, the choice stays as it is.
    void setBusy(bool busy);
    void focusFilter();

    QLineEdit *filterEdit() const { return m_filterEdit; }
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    // Another configuration is chosen, or the chosen one was read again
    // (null: none, or it is gone).
    void currentConfigurationChanged(const ea::EnrollmentConfiguration *configuration);
    // For the status bar: progress, throttling waits and the outcome (timeout 0: until replaced).
    void statusMessage(const QString &text, int timeoutMs);
    void loadFailed(const QString &title, const ea::GraphError &error);
    void loadingChanged();
    void loadFinished(bool ok);

private:
    void onLoaded(quint64 generation, const Result<QList<EnrollmentConfiguration>> &result);
    void fitTypeColumn(const QList<EnrollmentConfiguration> &configurations);
    void onSelectionChanged();
    void updateStatus();

    AssignmentService *m_service;
    ConfigurationTableModel *m_configurations;
    ConfigurationFilterModel *m_proxy;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_view = nullptr;
    ColumnFitter *m_columns = nullptr;
    QLabel *m_status = nullptr;
    LoadState m_state = LoadState::None;
    QPointer<Operation> m_load;
    quint64 m_generation = 0;
    QString m_currentId; // the configuration last reported as chosen
};

} // namespace ea::ui
