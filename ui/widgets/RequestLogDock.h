#pragma once

#include "graph/RequestExport.h"

#include <QDockWidget>

#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace ea {
class GraphClient;
}

namespace ea::ui {

class CopyAsMenu;
class RequestLogModel;

// The request log: every call of the session (method, URL, status, duration,
// retry, request-id, client-request-id) in a table, the selected call's
// headers and bodies beside it. Copy request-id is what a support ticket
// needs; Copy as repeats the call elsewhere; Export writes JSON lines. The
// token never reaches it: GraphClient redacts before recording.
class RequestLogDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit RequestLogDock(QWidget *parent = nullptr);

    void attach(GraphClient *client);
    RequestLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    CopyAsMenu *copyAsMenu() const { return m_copyAs; }
    QAction *copyRequestIdAction() const { return m_copyRequestId; }

    // The selected row's request, if any.
    std::optional<RequestPreview> selectedRequest() const;
    // Writes every logged exchange as JSON lines (atomically); false with *problem set on failure.
    bool exportTo(const QString &path, QString *problem) const;

public Q_SLOTS:
    void copyRequestId();
    void exportWithDialog();
    void clear();

Q_SIGNALS:
    // For the status bar: what was copied or written.
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scrollToNewestLater();
    void updateSelection();
    void updateSummary();
    void showContextMenu(const QPoint &position);
    int selectedRow() const;

    RequestLogModel *m_model;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_summary = nullptr;
    CopyAsMenu *m_copyAs = nullptr;
    QAction *m_copyRequestId = nullptr;
    QPushButton *m_copyRequestIdButton = nullptr;
    QPushButton *m_copyAsButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    bool m_following = true; // the newest call was in view when the log was last seen
};

} // namespace ea::ui
