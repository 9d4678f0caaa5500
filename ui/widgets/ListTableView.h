#pragma once

class QTableView;

namespace ea::ui {

// The look and keyboard behaviour every read-only list table in the app
// shares: whole rows, one at a time, no editing, Tab leaves the table, row
// height from the font (usable at 200 % scaling). Callers then size their
// own columns.
void setUpListTableView(QTableView *view);

} // namespace ea::ui
