#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

class QLabel;
class QTableView;
class QWidget;

namespace ea {
class GroupDirectory;
struct GroupName;
} // namespace ea

namespace ea::ui {

// Where a pane's read stands: nothing asked, on its way, read, or failed.
enum class LoadState { None, Loading, Loaded, Failed };

// A pane's bold heading ("Current assignments").
QLabel *sectionLabel(const QString &text, QWidget *parent);

// The height of a table that shows this many rows (and its header) without scrolling.
int tableHeightForRows(const QTableView *view, int rows);

// The names of these groups this session already knows (from searches and
// earlier reads), keyed by lower-case id; the rest are left out.
QHash<QString, GroupName> knownGroupNames(const GroupDirectory *groups, const QStringList &ids);

} // namespace ea::ui
