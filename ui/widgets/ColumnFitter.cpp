#include "widgets/ColumnFitter.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace ea::ui {

namespace {
constexpr int kMeasuredRows = 100;
} // namespace

ColumnFitter::ColumnFitter(QTableView *view, int fillColumn, int fillMinimumChars)
    : QObject(view)
    , m_view(view)
    , m_fillColumn(fillColumn)
    , m_fillMinimumChars(fillMinimumChars)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    // The cells measured: the rows in view and this many around them. Qt's
    // default (1,000) made one turn of the event loop lay out the text of
    // 4,000 cells when 10,000 configurations arrived, the longest stall while
    // loading (issue 15, P3); the widths are capped per column anyway.
    header->setResizeContentsPrecision(kMeasuredRows);
    m_viewport = view->viewport();
    m_viewport->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_active = false; // the admin's widths (or remembered ones) stay
    });
    // The cells change: measure them again.
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::refit);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::refit);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::refit);
    connect(model, &QAbstractItemModel::dataChanged, this, &ColumnFitter::refit);
}

void ColumnFitter::setMaximumChars(int column, int chars)
{
    m_maximumChars.insert(column, chars);
}

void ColumnFitter::setShrinkable(int column, int minimumChars)
{
    m_minimumChars.insert(column, minimumChars);
}

void ColumnFitter::setMaximumWidth(int column, int pixels)
{
    m_maximumWidth.insert(column, pixels);
}

void ColumnFitter::setActive(bool active)
{
    m_active = active;
    refit();
}

void ColumnFitter::setColumnHidden(int column, bool hidden)
{
    QScopedValueRollback<bool> fitting(m_fitting, true);
    m_view->setColumnHidden(column, hidden);
}

int ColumnFitter::chars(int n) const
{
    return m_view->fontMetrics().averageCharWidth() * n;
}

void ColumnFitter::refit()
{
    if (!m_active)
        return;
    measure();
    distribute();
}

void ColumnFitter::measure()
{
    m_content.clear();
    const QHeaderView *header = m_view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c))
            continue;
        // The cells (the view looks at up to resizeContentsPrecision rows) and the header's title.
        // (QTableView makes it protected; QAbstractItemView has it public.)
        const QAbstractItemView *view = m_view;
        int width = std::max(view->sizeHintForColumn(c), header->sectionSizeHint(c));
        if (m_maximumChars.contains(c))
            width = std::min(width, chars(m_maximumChars.value(c)));
        if (m_maximumWidth.contains(c))
            width = std::min(width, m_maximumWidth.value(c));
        m_content.insert(c, width);
    }
}

void ColumnFitter::distribute()
{
    if (!m_active || m_content.isEmpty())
        return;
    QHeaderView *header = m_view->horizontalHeader();
    // As if the vertical scroll bar were always there: widths that depend on
    // it would show it, hide it, show it… (each changes the viewport's width).
    const QScrollBar *vertical = m_view->verticalScrollBar();
    const int available = m_view->viewport()->width()
        - (vertical->isVisibleTo(m_view) ? 0
                                         : m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, vertical));
    const int fillMinimum = std::min(m_content.value(m_fillColumn), chars(m_fillMinimumChars));

    QHash<int, int> widths = m_content;
    int others = 0;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (it.key() != m_fillColumn)
            others += it.value();
    }
    // Too narrow: the shrinkable columns give way, each in proportion to what it can give.
    int missing = fillMinimum - (available - others);
    if (missing > 0) {
        int canGive = 0;
        for (auto it = m_minimumChars.cbegin(); it != m_minimumChars.cend(); ++it) {
            if (widths.contains(it.key()))
                canGive += std::max(0, widths.value(it.key()) - chars(it.value()));
        }
        const int give = std::min(missing, canGive);
        for (auto it = m_minimumChars.cbegin(); it != m_minimumChars.cend() && canGive > 0; ++it) {
            if (!widths.contains(it.key()))
                continue;
            const int spare = std::max(0, widths.value(it.key()) - chars(it.value()));
            const int taken = int(qint64(give) * spare / canGive);
            widths[it.key()] -= taken;
            others -= taken;
        }
    }
    widths[m_fillColumn] = std::max(fillMinimum, available - others);

    QScopedValueRollback<bool> fitting(m_fitting, true);
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (header->sectionSize(it.key()) != it.value())
            header->resizeSection(it.key(), it.value());
    }
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    // Never m_view->viewport() here: while the view is being destroyed its
    // viewport still sends events, and the view is no longer a scroll area.
    if (event->type() == QEvent::Resize && watched == m_viewport && m_active) {
        if (m_content.isEmpty())
            measure();
        distribute();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ea::ui
