#include "widgets/GroupSearchWidget.h"

#include "Theme.h"
#include "domain/Identifiers.h"
#include "models/GroupResultModel.h"
#include "service/AssignmentService.h"
#include "widgets/LineEditActions.h"
#include "widgets/ListTableView.h"
#include "widgets/WrappingLabel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

constexpr int kDebounceMs = 300;
constexpr int kVisibleResultRows = 4;

// A group object id as Entra ID shows it, also with braces or spaces around it.
QString pastedGroupId(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(u'{') && t.endsWith(u'}'))
        t = t.mid(1, t.size() - 2);
    return ids::isGuid(t) ? t.toLower() : QString();
}

} // namespace

GroupSearchWidget::GroupSearchWidget(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_status(new WrappingLabel(this))
    , m_view(new QTableView(this))
    , m_model(new GroupResultModel(this))
    , m_selectedLabel(new WrappingLabel(this))
{
    setObjectName(QStringLiteral("groupSearch"));

    m_edit->setObjectName(QStringLiteral("groupSearchEdit"));
    m_edit->setAccessibleName(tr("Group search"));
    m_edit->setAccessibleDescription(tr("Type the start of a group name, or paste a group object id"));
    m_edit->setPlaceholderText(tr("Start of a group name, or a group object id"));
    enableNamedClearButton(m_edit, tr("Clear the group search"));
    m_edit->setMaxLength(ids::kMaxSearchTextLength);
    m_edit->installEventFilter(this);

    m_status->setObjectName(QStringLiteral("groupSearchStatus"));
    m_status->setTextFormat(Qt::PlainText);

    m_view->setObjectName(QStringLiteral("groupResultsView"));
    m_view->setAccessibleName(tr("Matching groups"));
    m_view->setModel(m_model);
    setUpListTableView(m_view);
    m_view->horizontalHeader()->setSectionResizeMode(GroupResultModel::NameColumn, QHeaderView::Stretch);
    // Names come first; the id (which tells same-named groups apart) is elided if need be (tooltip has it).
    m_view->horizontalHeader()->setSectionResizeMode(GroupResultModel::IdColumn, QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(
        GroupResultModel::IdColumn, m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000000…00000000")) + 16);
    m_view->setTextElideMode(Qt::ElideRight);
    const int rowHeight = m_view->verticalHeader()->defaultSectionSize();
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height() + rowHeight * 2 + 4);
    m_view->setMaximumHeight(m_view->horizontalHeader()->sizeHint().height() + rowHeight * kVisibleResultRows + 4);

    m_selectedLabel->setObjectName(QStringLiteral("selectedGroupLabel"));
    m_selectedLabel->setTextFormat(Qt::RichText);
    m_selectedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_status);
    layout->addWidget(m_view);
    layout->addWidget(m_selectedLabel);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &GroupSearchWidget::startSearch);
    connect(m_edit, &QLineEdit::textChanged, this, &GroupSearchWidget::onTextChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            pickRow(rows.constFirst().row());
    });

    setStatus(tr("Type the start of a group name to search, or paste a group object id."));
    updateSelectedLabel();
}

void GroupSearchWidget::setService(AssignmentService *service)
{
    cancelSearch();
    m_service = service;
}

void GroupSearchWidget::clear()
{
    m_edit->clear(); // cancels any search through onTextChanged
    setSelected({}, {}, false);
}

bool GroupSearchWidget::isSearchPending() const
{
    return m_debounce.isActive() || !m_search.isNull();
}

bool GroupSearchWidget::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field moves into the results, as in a completer.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_view->setFocus(Qt::TabFocusReason);
            if (!m_view->selectionModel()->hasSelection())
                m_view->selectRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GroupSearchWidget::cancelSearch()
{
    // The generation makes a cancelled (or any earlier) search's answer void
    // even if it arrives after a newer one started.
    ++m_generation;
    if (m_search)
        m_search->cancel();
    m_search = nullptr;
}

void GroupSearchWidget::onTextChanged()
{
    m_debounce.stop();
    cancelSearch();

    const QString text = m_edit->text();
    const QString pasted = pastedGroupId(text);
    if (!pasted.isEmpty()) {
        m_model->clear();
        setSelected(pasted, {}, true);
        setStatus(tr("Group object id entered: it is used as typed."));
        return;
    }
    if (m_selectedByPaste)
        setSelected({}, {}, false);

    QString problem;
    const QString searchText = ids::sanitizeSearchText(text, &problem);
    if (!problem.isEmpty()) {
        m_model->clear();
        setStatus(problem, true);
        return;
    }
    if (searchText.isEmpty()) {
        m_model->clear();
        setStatus(tr("Type the start of a group name to search, or paste a group object id."));
        return;
    }
    if (!m_unavailableReason.isEmpty()) {
        m_model->clear();
        setStatus(m_unavailableReason, true);
        return;
    }
    setStatus(tr("Searching for groups starting with “%1”…").arg(searchText));
    m_debounce.start();
}

void GroupSearchWidget::setSearchUnavailableReason(const QString &reason)
{
    if (reason == m_unavailableReason)
        return;
    m_unavailableReason = reason;
    m_edit->setPlaceholderText(reason.isEmpty() ? tr("Start of a group name, or a group object id")
                                                : tr("Group object id (name search is unavailable)"));
    onTextChanged(); // the status says which applies to what is typed now
    if (!reason.isEmpty() && m_edit->text().trimmed().isEmpty())
        setStatus(reason, true);
}

QString GroupSearchWidget::statusText() const
{
    return m_status->text();
}

void GroupSearchWidget::startSearch()
{
    if (!m_service) {
        setStatus(tr("Not signed in: there is no tenant to search."), true);
        return;
    }
    cancelSearch();
    const quint64 generation = m_generation;
    m_search = m_service->findGroups(m_edit->text(), this,
        [this, generation](const Result<GroupSearchResult> &result) { onSearchFinished(generation, result); });
}

void GroupSearchWidget::onSearchFinished(quint64 generation, const Result<GroupSearchResult> &result)
{
    if (generation != m_generation)
        return; // superseded by a newer text
    m_search = nullptr;

    QString problem;
    const QString current = ids::sanitizeSearchText(m_edit->text(), &problem);
    if (!result) {
        if (result.error().kind == GraphError::Kind::Cancelled)
            return;
        m_model->clear();
        setStatus(tr("Group search failed: %1").arg(result.error().summary()), true, result.error().details());
        return;
    }
    const GroupSearchResult &found = result.value();
    if (found.text != current)
        return; // an answer for text that is no longer in the box

    m_model->setGroups(found.groups);
    Q_EMIT groupsSeen(found.groups);
    if (found.groups.isEmpty())
        setStatus(tr("No group name starts with “%1”. The search matches the start of a name: check the "
                     "spelling, or paste the group's object id.")
                      .arg(found.text));
    else if (found.hasMore)
        setStatus(tr("The first %1 groups starting with “%2”; type more of the name to narrow them down.")
                      .arg(found.groups.size())
                      .arg(found.text));
    else if (found.groups.size() == 1)
        setStatus(tr("One group starts with “%1”. Click it to pick it.").arg(found.text));
    else
        setStatus(tr("%1 groups start with “%2”. Click one to pick it.").arg(found.groups.size()).arg(found.text));

    // Keep showing the pick if it is among the new results.
    const int row = m_selectedId.isEmpty() ? -1 : m_model->rowOf(m_selectedId);
    if (row >= 0) {
        const QSignalBlocker blocker(m_view->selectionModel());
        m_view->selectRow(row);
    }
}

void GroupSearchWidget::pickRow(int row)
{
    const Group *group = m_model->groupAt(row);
    if (!group)
        return;
    setSelected(group->id, group->displayName, false);
}

void GroupSearchWidget::setSelected(const QString &id, const QString &name, bool byPaste)
{
    const bool changed = id != m_selectedId || name != m_selectedName;
    m_selectedId = id;
    m_selectedName = name;
    m_selectedByPaste = byPaste && !id.isEmpty();
    updateSelectedLabel();
    if (changed)
        Q_EMIT selectionChanged();
}

void GroupSearchWidget::updateSelectedLabel()
{
    // The id on a line of its own, a little smaller: a GUID does not wrap.
    QString text;
    if (m_selectedId.isEmpty())
        text = tr("No group picked yet.");
    else if (m_selectedName.isEmpty())
        text = tr("Picked group object id:<br><small>%1</small>").arg(m_selectedId.toHtmlEscaped());
    else
        text = tr("Picked group: <b>%1</b><br><small>%2</small>")
                   .arg(m_selectedName.toHtmlEscaped(), m_selectedId.toHtmlEscaped());
    m_selectedLabel->setText(text);
    m_selectedLabel->setToolTip(m_selectedId);
    m_selectedLabel->setAccessibleName(m_selectedId.isEmpty() ? tr("No group picked yet.")
            : m_selectedName.isEmpty()                        ? tr("Picked group object id: %1").arg(m_selectedId)
                                                              : tr("Picked group: %1").arg(m_selectedName));
    m_selectedLabel->setAccessibleDescription(m_selectedId);
}

void GroupSearchWidget::setStatus(const QString &text, bool isError, const QString &toolTip)
{
    m_status->setText(text);
    m_status->setToolTip(toolTip);
    m_status->setStyleSheet(isError ? theme::textStyleSheet(theme::Tone::Error) : QString());
}

} // namespace ea::ui
