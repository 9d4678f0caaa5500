#include "widgets/PriorityDialog.h"

#include "service/AssignmentService.h"
#include "widgets/CopyAsMenu.h"
#include "widgets/DialogStatus.h"
#include "widgets/ErrorBanner.h"
#include "widgets/WrappingLabel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kDefaultRole = Qt::UserRole + 2;

QString timeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QLocale::LongFormat);
}

} // namespace

PriorityDialog::PriorityDialog(AssignmentService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("priorityDialog"));
    setWindowTitle(tr("Priority order"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("Among the configurations of one type that target a user, the lowest "
                                       "priority number wins; the default applies last, to everyone else. Arrange "
                                       "the order on the right; Apply sends one setPriority request per move and "
                                       "reads the order again after each."),
        this);
    intro->setObjectName(QStringLiteral("priorityIntro"));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("priorityType"));
    m_type->setAccessibleName(tr("Configuration type"));
    auto *typeLabel = new QLabel(tr("&Type:"), this);
    typeLabel->setBuddy(m_type);
    m_reloadButton = new QPushButton(tr("&Reload"), this);
    m_reloadButton->setObjectName(QStringLiteral("priorityReloadButton"));
    m_reloadButton->setToolTip(tr("Read every order from the tenant again"));
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(typeLabel);
    typeRow->addWidget(m_type, 1);
    typeRow->addWidget(m_reloadButton);

    m_status = new DialogStatus(this, QStringLiteral("priority"));
    m_status->label()->setTextFormat(Qt::PlainText); // configuration names are text, whatever they hold
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->addBusyBar(tr("Working"));
    m_error = new ErrorBanner(this);

    m_tenantCaption = new QLabel(tr("In the tenant:"), this);
    m_tenant = new QListWidget(this);
    m_tenant->setObjectName(QStringLiteral("priorityTenantList"));
    m_tenant->setAccessibleName(tr("The order as read from the tenant"));
    m_tenant->setSelectionMode(QAbstractItemView::NoSelection);
    m_tenant->setFocusPolicy(Qt::TabFocus);
    m_tenantCaption->setBuddy(m_tenant);
    // Long names end in "…" (the tooltip has them whole) rather than scrolling sideways.
    m_tenant->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *plannedCaption = new QLabel(tr("&Your order (drag, or Ctrl+Up / Ctrl+Down):"), this);
    m_planned = new QListWidget(this);
    m_planned->setObjectName(QStringLiteral("priorityPlannedList"));
    m_planned->setAccessibleName(tr("The order you arrange"));
    m_planned->setDragDropMode(QAbstractItemView::InternalMove);
    m_planned->setDefaultDropAction(Qt::MoveAction);
    plannedCaption->setBuddy(m_planned);
    m_planned->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const auto &[key, delta] : {std::pair {Qt::Key_Up, -1}, std::pair {Qt::Key_Down, 1}}) {
        auto *action = new QAction(m_planned);
        action->setShortcut(QKeySequence(Qt::CTRL | key));
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, delta = delta] { moveSelected(delta); });
        m_planned->addAction(action);
    }
    m_upButton = new QPushButton(tr("Move &up"), this);
    m_upButton->setObjectName(QStringLiteral("priorityUpButton"));
    m_downButton = new QPushButton(tr("Move &down"), this);
    m_downButton->setObjectName(QStringLiteral("priorityDownButton"));
    m_resetButton = new QPushButton(tr("R&eset"), this);
    m_resetButton->setObjectName(QStringLiteral("priorityResetButton"));
    m_resetButton->setToolTip(tr("Arrange the order as the tenant has it"));
    auto *moveColumn = new QVBoxLayout;
    moveColumn->addWidget(m_upButton);
    moveColumn->addWidget(m_downButton);
    moveColumn->addWidget(m_resetButton);
    moveColumn->addStretch(1);

    auto *lists = new QGridLayout;
    lists->addWidget(m_tenantCaption, 0, 0);
    lists->addWidget(plannedCaption, 0, 1);
    lists->addWidget(m_tenant, 1, 0);
    lists->addWidget(m_planned, 1, 1);
    lists->addLayout(moveColumn, 1, 2);
    lists->setColumnStretch(0, 1);
    lists->setColumnStretch(1, 1);

    m_stepsCaption = new QLabel(this);
    m_stepsCaption->setObjectName(QStringLiteral("priorityStepsCaption"));
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("priorityStepList"));
    m_steps->setAccessibleName(tr("The setPriority requests Apply sends, in order"));
    m_stepsCaption->setBuddy(m_steps);
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("priorityRequestPreview"));
    m_preview->setAccessibleName(tr("Request preview"));
    m_preview->setAccessibleDescription(tr("The selected request: method, URL and JSON body"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyAs = new CopyAsMenu(
        [this]() -> std::optional<RequestPreview> {
            const int row = m_steps->currentRow();
            if (!m_service || row < 0 || row >= m_plan.size())
                return std::nullopt;
            const PriorityMove &move = m_plan.at(row);
            return m_service->preview(m_service->setPriorityRequest(move.configurationId, move.priority));
        },
        this);
    m_copyAs->setObjectName(QStringLiteral("priorityCopyAsMenu"));
    auto *copyButton = new QPushButton(tr("&Copy as"), this);
    copyButton->setObjectName(QStringLiteral("priorityCopyAsButton"));
    copyButton->setAccessibleName(tr("Copy the selected request as"));
    m_copyAs->addButton(copyButton);
    auto *stepsHeader = new QHBoxLayout;
    stepsHeader->addWidget(m_stepsCaption, 1);
    stepsHeader->addWidget(copyButton);
    auto *stepsRow = new QHBoxLayout;
    stepsRow->addWidget(m_steps, 1);
    stepsRow->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::ApplyRole);
    m_applyButton->setObjectName(QStringLiteral("priorityApplyButton"));
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("priorityCancelButton"));
    m_cancelButton->setToolTip(tr("Stop after the request in flight; the order is read again"));
    m_status->setCancelButton(m_cancelButton);
    // Closing the dialog stops a run between requests: nothing is sent unseen.
    m_status->cancelWhenClosed();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(typeRow);
    layout->addLayout(m_status->row());
    layout->addWidget(m_error);
    layout->addLayout(lists, 3);
    layout->addLayout(stepsHeader);
    layout->addLayout(stepsRow, 2);
    layout->addWidget(buttons);
    resize(980, 640);

    connect(m_type, &QComboBox::currentIndexChanged, this, &PriorityDialog::showType);
    connect(m_reloadButton, &QPushButton::clicked, this, &PriorityDialog::reload);
    connect(m_upButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_resetButton, &QPushButton::clicked, this, [this] {
        if (const PriorityOrder *order = currentOrder())
            setPlanned(order->rankedIds());
    });
    connect(m_planned, &QListWidget::currentRowChanged, this, &PriorityDialog::updateButtons);
    // A drop moves rows in the model; the defaults go back to the end and the plan follows.
    connect(m_planned->model(), &QAbstractItemModel::rowsMoved, this,
        [this] { QMetaObject::invokeMethod(this, &PriorityDialog::keepDefaultsLast, Qt::QueuedConnection); });
    connect(m_steps, &QListWidget::currentRowChanged, this, &PriorityDialog::showStep);
    connect(m_applyButton, &QPushButton::clicked, this, &PriorityDialog::apply);
    setBusy(false, tr("Reading the orders…"));
}

QString PriorityDialog::statusText() const
{
    return m_status->text();
}

void PriorityDialog::showOrderOf(const QString &configurationId)
{
    m_undo.reset();
    m_pendingSelect = configurationId;
    reload();
}

void PriorityDialog::planUndo(const QString &configurationId, const QString &configurationName, int previousPriority,
    const QStringList &orderBefore, const QDateTime &changedAt)
{
    m_undo = Undo {configurationId, previousPriority, orderBefore, changedAt};
    m_pendingSelect = configurationId;
    setWindowTitle(tr("Undo priority change: %1").arg(configurationName));
    reload();
}

void PriorityDialog::reload()
{
    if (!m_service || m_status->isRunning())
        return;
    if (m_pendingSelect.isEmpty() && currentOrder() && !currentOrder()->ranked.isEmpty())
        m_pendingSelect = currentOrder()->ranked.constFirst().id;
    m_error->dismiss();
    m_status->track(
        m_service->listConfigurationsForOrder(this, [this](const Result<Listing<EnrollmentConfiguration>> &r) {
            m_status->track(nullptr);
            if (!r) {
                setBusy(false, QString());
                m_error->showError(tr("Could not read the enrollment configurations"), r.error());
                Q_EMIT loaded(false);
                return;
            }
            m_readAt = QDateTime::currentDateTime();
            showOrders(PriorityOrder::allOf(r.value().items,
                           [](const PriorityOrderKey &key) { return PriorityOrder::hasOrder(key.kind); }),
                std::exchange(m_pendingSelect, QString()));
            Q_EMIT loaded(true);
        }));
    setBusy(true, tr("Reading the orders…"));
}

void PriorityDialog::showOrders(const QList<PriorityOrder> &orders, const QString &selectId)
{
    const QStringList arranged = plannedIds();
    m_orders = orders;
    int select = 0;
    const QSignalBlocker blocker(m_type);
    m_type->clear();
    for (int i = 0; i < m_orders.size(); ++i) {
        const PriorityOrder &order = m_orders.at(i);
        m_type->addItem(tr("%1 (%n ranked)", nullptr, int(order.ranked.size())).arg(order.typeName()));
        if (!selectId.isEmpty() && order.find(selectId))
            select = i;
    }
    m_type->setCurrentIndex(m_orders.isEmpty() ? -1 : select);
    setBusy(false, m_orders.isEmpty() ? tr("The tenant has no configuration type with a priority order.") : QString());
    showType(m_type->currentIndex());

    const PriorityOrder *order = currentOrder();
    if (!order)
        return;
    // The same members as before the read (a reload after a step or a refusal): keep the admin's arrangement.
    const QStringList ranked = order->rankedIds();
    if (!m_undo && !arranged.isEmpty()
        && QSet(arranged.cbegin(), arranged.cend()) == QSet(ranked.cbegin(), ranked.cend()))
        setPlanned(arranged);
    if (m_undo) {
        QStringList wanted = ranked;
        const auto from = wanted.indexOf(m_undo->configurationId);
        if (from < 0) {
            m_status->setText(tr("The configuration whose priority changed is no longer in this order (it may have "
                                 "been deleted): there is nothing to undo."));
            m_undo.reset();
            return;
        }
        wanted.move(from, std::clamp<qsizetype>(m_undo->previousPriority - 1, 0, wanted.size() - 1));
        setPlanned(wanted);
        m_status->setText(m_plan.isEmpty()
                ? tr("“%1” is already at priority %2: there is nothing to undo.")
                      .arg(nameOf(m_undo->configurationId))
                      .arg(m_undo->previousPriority)
                : tr("Undo of the change at %1: “%2” goes back to priority %3. Check the request, then Apply.")
                      .arg(QLocale().toString(m_undo->changedAt.toLocalTime(), QLocale::ShortFormat),
                          nameOf(m_undo->configurationId))
                      .arg(m_undo->previousPriority));
    }
}

void PriorityDialog::showType(int index)
{
    Q_UNUSED(index);
    fillTenantList();
    const PriorityOrder *order = currentOrder();
    setPlanned(order ? order->rankedIds() : QStringList());
    if (order && order->ranked.size() < 2)
        m_status->setText(tr("%1 has %n configuration(s) that can be ordered: there is nothing to rearrange.", nullptr,
            int(order->ranked.size()))
                              .arg(order->typeName()));
}

const PriorityOrder *PriorityDialog::currentOrder() const
{
    const int index = m_type->currentIndex();
    return index >= 0 && index < m_orders.size() ? &m_orders.at(index) : nullptr;
}

QString PriorityDialog::nameOf(const QString &id) const
{
    const PriorityOrder *order = currentOrder();
    const EnrollmentConfiguration *c = order ? order->find(id) : nullptr;
    return c ? c->displayName : id;
}

void PriorityDialog::fillTenantList()
{
    m_tenant->clear();
    const PriorityOrder *order = currentOrder();
    m_tenantCaption->setText(
        m_readAt.isValid() ? tr("In the tenant (read at %1):").arg(timeText(m_readAt)) : tr("In the tenant:"));
    if (!order)
        return;
    for (const EnrollmentConfiguration &c : order->ranked)
        m_tenant->addItem(tr("%1. %2").arg(c.priority).arg(c.displayName));
    for (const EnrollmentConfiguration &c : order->defaults)
        m_tenant->addItem(tr("Default: %1 (applies last)").arg(c.displayName));
    for (int row = 0; row < m_tenant->count(); ++row)
        m_tenant->item(row)->setToolTip(m_tenant->item(row)->text());
}

QStringList PriorityDialog::plannedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_planned->count(); ++row) {
        if (!m_planned->item(row)->data(kDefaultRole).toBool())
            ids << m_planned->item(row)->data(kIdRole).toString();
    }
    return ids;
}

void PriorityDialog::setPlanned(const QStringList &ids)
{
    const QString current = m_planned->currentItem() ? m_planned->currentItem()->data(kIdRole).toString() : QString();
    m_planned->clear();
    const PriorityOrder *order = currentOrder();
    if (!order) {
        updatePlan();
        return;
    }
    for (const QString &id : ids) {
        auto *item = new QListWidgetItem(m_planned);
        item->setData(kIdRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        if (id == current)
            m_planned->setCurrentItem(item);
    }
    // Shown, selectable for screen readers, never draggable or a drop target.
    for (const EnrollmentConfiguration &c : order->defaults) {
        auto *item = new QListWidgetItem(tr("Default: %1 (applies last)").arg(c.displayName), m_planned);
        item->setToolTip(tr("A default applies last, to everyone no other configuration of its type reaches; its "
                            "priority cannot be changed."));
        item->setData(kIdRole, c.id);
        item->setData(kDefaultRole, true);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    }
    updatePlan();
}

void PriorityDialog::keepDefaultsLast()
{
    setPlanned(plannedIds()); // rebuilt from the ranked rows as they now stand: the defaults follow them
}

void PriorityDialog::moveSelected(int delta)
{
    const QStringList ids = plannedIds();
    const int row = m_planned->currentRow();
    const int to = row + delta;
    if (m_status->isRunning() || row < 0 || row >= ids.size() || to < 0 || to >= ids.size())
        return;
    QStringList moved = ids;
    moved.move(row, to);
    setPlanned(moved);
    m_planned->setCurrentRow(to);
}

void PriorityDialog::updatePlan()
{
    const PriorityOrder *order = currentOrder();
    const QStringList planned = plannedIds();
    m_plan = order ? order->movesTo(planned) : QList<PriorityMove>();
    // The ones a request moves stand out; the ones in between shift by themselves.
    QSet<QString> moved;
    for (const PriorityMove &move : std::as_const(m_plan))
        moved.insert(move.configurationId);
    const QStringList tenantIds = order ? order->rankedIds() : QStringList();
    for (int row = 0; row < planned.size(); ++row) {
        const QString &id = planned.at(row);
        const bool moves = moved.contains(id);
        QString text = tr("%1. %2").arg(row + 1).arg(nameOf(id));
        if (moves)
            text += u' ' + tr("(now %1)").arg(tenantIds.indexOf(id) + 1);
        m_planned->item(row)->setText(text);
        m_planned->item(row)->setToolTip(text);
        QFont font = m_planned->font();
        font.setBold(moves);
        m_planned->item(row)->setFont(font);
    }

    m_steps->clear();
    for (int i = 0; i < m_plan.size(); ++i) {
        const PriorityMove &move = m_plan.at(i);
        m_steps->addItem(tr("%1. “%2” to priority %3").arg(i + 1).arg(nameOf(move.configurationId)).arg(move.priority));
    }
    m_stepsCaption->setText(m_plan.isEmpty()
            ? tr("Requests to send: none (your order is the tenant's).")
            : tr("Requests to &send, one at a time: %n setPriority", nullptr, int(m_plan.size())));
    if (!m_plan.isEmpty())
        m_steps->setCurrentRow(0);
    showStep(m_steps->currentRow());
    updateButtons();
}

void PriorityDialog::showStep(int row)
{
    if (!m_service || row < 0 || row >= m_plan.size()) {
        m_preview->clear();
        m_copyAs->updateActions();
        return;
    }
    const PriorityMove &move = m_plan.at(row);
    const RequestPreview preview
        = m_service->preview(m_service->setPriorityRequest(move.configurationId, move.priority));
    m_preview->setPlainText(QString::fromLatin1(preview.method) + u' ' + preview.url.toString(QUrl::FullyEncoded)
        + u'\n' + QString::fromUtf8(preview.body));
    m_copyAs->updateActions();
}

void PriorityDialog::updateButtons()
{
    const bool idle = m_service && !m_status->isRunning();
    const int row = m_planned->currentRow();
    const auto ranked = plannedIds().size();
    m_upButton->setEnabled(idle && row > 0 && row < ranked);
    m_downButton->setEnabled(idle && row >= 0 && row + 1 < ranked);
    m_resetButton->setEnabled(idle && !m_plan.isEmpty());
    m_applyButton->setEnabled(idle && !m_plan.isEmpty());
    m_type->setEnabled(idle && !m_orders.isEmpty());
    m_reloadButton->setEnabled(idle);
    m_planned->setDragEnabled(idle);
}

void PriorityDialog::setBusy(bool busy, const QString &status)
{
    m_status->setBusy(busy, status);
    updateButtons();
}

void PriorityDialog::apply()
{
    const PriorityOrder *order = currentOrder();
    if (!m_service || m_status->isRunning() || !order || m_plan.isEmpty())
        return;
    m_error->dismiss();
    const QStringList shown = order->rankedIds();
    Operation *running = m_service->reorder(
        shown.constFirst(), shown, plannedIds(), this, [this](const PriorityChange &change) { stepDone(change); },
        [this](const Result<PriorityReorder> &r) {
            m_status->track(nullptr);
            r ? applyDone(r.value()) : applyFailed(r.error());
        });
    m_status->track(running);
    m_status->showStatusOf(running);
    setBusy(true, tr("Reading the order before the first request…"));
}

void PriorityDialog::stepDone(const PriorityChange &change)
{
    Q_EMIT wrote();
    if (change.afterReadError)
        return;
    const int index = m_type->currentIndex();
    if (index >= 0 && index < m_orders.size() && m_orders.at(index).key == change.after.key) {
        const QStringList arranged = plannedIds();
        m_orders[index] = change.after;
        m_readAt = QDateTime::currentDateTime();
        fillTenantList();
        setPlanned(arranged); // the requests still to send, from the order as re-read
    }
}

void PriorityDialog::applyDone(const PriorityReorder &run)
{
    setBusy(false, QString());
    const auto sent = int(run.steps.size());
    const auto planned = int(run.plan.size());
    if (run.stepError) {
        m_error->showError(
            tr("Request %1 of %2 did not complete; the ones before it were applied").arg(sent + 1).arg(planned),
            *run.stepError);
        m_status->setText(tr("%1 of %n request(s) were applied. The tenant's order as last read is on the left; "
                             "Reload before trying again.",
            nullptr, planned)
                              .arg(sent));
        Q_EMIT applied(false);
        return;
    }
    if (run.divergedAt >= 0) {
        const PriorityChange &step = run.steps.at(run.divergedAt);
        QStringList plannedNames, readNames;
        for (const QString &id : run.plan.at(run.divergedAt).idsAfter)
            plannedNames << nameOf(id);
        for (const QString &id : step.after.rankedIds())
            readNames << nameOf(id);
        m_status->setText(tr("After request %1 of %2 the order read back is not the one planned. Planned: %3. "
                             "Read: %4. Nothing more was sent (someone else may be changing this order): check the "
                             "order on the left, arrange again and Apply.")
                              .arg(run.divergedAt + 1)
                              .arg(planned)
                              .arg(plannedNames.join(QStringLiteral(", ")), readNames.join(QStringLiteral(", "))));
        Q_EMIT applied(false);
        return;
    }
    QString text
        = tr("Done: %n setPriority request(s) sent; the order read at %1 is the one you arranged.", nullptr, sent)
              .arg(timeText(m_readAt));
    if (m_undo) {
        const QString when = QLocale().toString(m_undo->changedAt.toLocalTime(), QLocale::ShortFormat);
        text += u' '
            + (run.last.rankedIds() == m_undo->orderBefore
                    ? tr("It is the order from before the change at %1 again.").arg(when)
                    : tr("It is not the whole order from before the change at %1: other changes were made to this "
                         "order since; check it.")
                          .arg(when));
        m_undo.reset();
    }
    m_status->setText(text);
    Q_EMIT applied(true);
}

void PriorityDialog::applyFailed(const GraphError &error)
{
    setBusy(false, QString());
    m_error->showError(tr("Nothing was sent"), error);
    Q_EMIT applied(false);
    if (error.code == refusal::kOrderChanged)
        reload(); // shows the order as it is now; the arrangement stays where the members are the same
}

} // namespace ea::ui
