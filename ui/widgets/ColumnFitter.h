#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QTableView;
class QWidget;

namespace ea::ui {

// Sizes a table's columns from what they show, in the language shown (German
// type names are long), and gives the rest of the width to one column (the
// name). When the view is too narrow, the columns that may shrink (ids) give
// way down to their minimum first; past that the view scrolls sideways rather
// than cut the fill column to nothing.
//
// It refits when the rows or the view's width change, until a column is sized
// another way: the admin drags it, or a remembered layout is restored (the
// header then emits sectionResized while the fitter is not at work).
class ColumnFitter final : public QObject
{
    Q_OBJECT
public:
    ColumnFitter(QTableView *view, int fillColumn, int fillMinimumChars);

    // At most this many characters wide (the cell is elided, its tooltip has it).
    void setMaximumChars(int column, int chars);
    // May give way down to this many characters when the view is narrow.
    void setShrinkable(int column, int minimumChars);

    // Hides or shows a column without taking it for the admin's sizing.
    void setColumnHidden(int column, bool hidden);
    // At most this many pixels wide (what the owner measured).
    void setMaximumWidth(int column, int pixels);

    bool isActive() const { return m_active; }
    // Inactive, it leaves the widths to others (a remembered layout).
    void setActive(bool active);
    // Measures the cells again and refits (after the rows or the hidden columns change).
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void measure();
    void distribute();
    int chars(int n) const;

    QTableView *m_view;
    QPointer<QWidget> m_viewport; // the one whose resizes are watched
    int m_fillColumn;
    int m_fillMinimumChars;
    QHash<int, int> m_maximumChars;
    QHash<int, int> m_minimumChars;
    QHash<int, int> m_maximumWidth;
    QHash<int, int> m_content; // measured width per visible column
    bool m_active = true;
    bool m_fitting = false;
};

} // namespace ea::ui
