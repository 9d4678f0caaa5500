#pragma once

#include "domain/GraphError.h"
#include "domain/GroupReport.h"

#include <QDialog>

#include <optional>

class QPushButton;
class QTreeWidget;

namespace ea {
class ReportService;
class Session;
} // namespace ea

namespace ea::ui {

class DialogStatus;
class ErrorBanner;
class GroupSearchWidget;

// The group report (issue 17): for a group picked by name or pasted by id,
// every enrollment configuration that includes or excludes it or a group it
// is nested in, and per type which one its members get, the same as the
// CLI's `report`. Saves the report as CSV or as a self-contained HTML page
// for a change ticket. Reads only: nothing here writes to the tenant.
class GroupReportDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit GroupReportDialog(Session *session, QWidget *parent = nullptr);

    // Enters the group id and asks, as pressing Show would.
    void ask(const QString &groupId);

    QTreeWidget *resultTree() const { return m_tree; }
    QString statusText() const;
    const std::optional<GroupReport> &report() const { return m_report; }
    // The shown report to `path`, whole or not at all (QSaveFile).
    bool saveCsv(const QString &path, QString *problem) const;
    bool saveHtml(const QString &path, QString *problem) const;

Q_SIGNALS:
    // The report is shown (ok) or an error is (not ok).
    void reportShown(bool ok);

private:
    void start();
    void setBusy(bool busy, const QString &status);
    void fail(const GraphError &error);
    void showReport(const GroupReport &report);
    void updateButtons();
    void saveWithDialog(bool html);
    bool save(const QString &path, const QString &text, QString *problem) const;

    ReportService *m_reports = nullptr;
    GroupSearchWidget *m_group;
    QPushButton *m_showButton;
    QPushButton *m_cancelButton;
    DialogStatus *m_status;
    ErrorBanner *m_error;
    QTreeWidget *m_tree;
    QPushButton *m_saveCsvButton;
    QPushButton *m_saveHtmlButton;
    std::optional<GroupReport> m_report;
};

} // namespace ea::ui
