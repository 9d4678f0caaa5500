#pragma once

#include "domain/GraphError.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace ea::ui {

// The inline error panel: one line that says what failed and why, one that
// says what to try, and on request the details an admin needs for a support ticket (HTTP status, Graph
// code, message, request-id, client-request-id).
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // what: the action that failed ("Could not create the assignment").
    void showError(const QString &what, const GraphError &error);
    void dismiss();

    QString summaryText() const;
    QString suggestionText() const;
    QString detailsText() const;

    // What to try next for this failure; empty when there is nothing useful to say.
    static QString suggestion(const GraphError &error);

private:
    QLabel *m_icon;
    QLabel *m_summary;
    QLabel *m_suggestion;
    QToolButton *m_detailsButton;
    QPushButton *m_copyButton;
    QToolButton *m_dismissButton;
    QPlainTextEdit *m_details;
};

} // namespace ea::ui
