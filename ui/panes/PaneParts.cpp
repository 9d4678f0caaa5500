#include "PaneParts.h"

#include "service/GroupDirectory.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace ea::ui {

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

int tableHeightForRows(const QTableView *view, int rows)
{
    return view->horizontalHeader()->sizeHint().height() + view->verticalHeader()->defaultSectionSize() * rows
        + 2 * view->frameWidth() + 2;
}

QHash<QString, GroupName> knownGroupNames(const GroupDirectory *groups, const QStringList &ids)
{
    QHash<QString, GroupName> known;
    for (const QString &id : ids) {
        if (groups->isKnown(id))
            known.insert(id.toLower(), groups->known(id));
    }
    return known;
}

} // namespace ea::ui
