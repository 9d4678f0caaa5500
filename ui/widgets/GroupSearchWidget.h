#pragma once

#include "domain/Group.h"
#include "graph/Result.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace ea {
class AssignmentService;
class Operation;
struct GroupSearchResult;
} // namespace ea

namespace ea::ui {

class GroupResultModel;

// Type the start of a group name, pick from live results; or paste a group
// object id. Searches are debounced, at most one is in flight (a new text
// cancels the previous one), and a result for any text other than the
// current one is dropped, so stale results are never shown.
class GroupSearchWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit GroupSearchWidget(QWidget *parent = nullptr);

    void setService(AssignmentService *service);
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }
    // Why names cannot be searched (e.g. the sign-in lacks Group.Read.All);
    // empty: they can. A pasted group object id works either way.
    void setSearchUnavailableReason(const QString &reason);
    QString searchUnavailableReason() const { return m_unavailableReason; }
    QString statusText() const;

    QString selectedGroupId() const { return m_selectedId; }
    // Empty when the id was pasted rather than picked.
    QString selectedGroupName() const { return m_selectedName; }
    void clear();

    bool isSearchPending() const;
    QLineEdit *searchEdit() const { return m_edit; }
    QTableView *resultsView() const { return m_view; }
    GroupResultModel *resultsModel() const { return m_model; }

Q_SIGNALS:
    void selectionChanged();
    // Every group a search returned: the window remembers names for display.
    void groupsSeen(const QList<ea::Group> &groups);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged();
    void startSearch();
    void onSearchFinished(quint64 generation, const Result<GroupSearchResult> &result);
    void cancelSearch();
    void pickRow(int row);
    void setSelected(const QString &id, const QString &name, bool byPaste);
    void updateSelectedLabel();
    void setStatus(const QString &text, bool isError = false, const QString &toolTip = {});

    AssignmentService *m_service = nullptr;
    QLineEdit *m_edit;
    QLabel *m_status;
    QTableView *m_view;
    GroupResultModel *m_model;
    QLabel *m_selectedLabel;
    QTimer m_debounce;
    QPointer<Operation> m_search;
    quint64 m_generation = 0;
    QString m_selectedId;
    QString m_selectedName;
    bool m_selectedByPaste = false;
    QString m_unavailableReason;
};

} // namespace ea::ui
