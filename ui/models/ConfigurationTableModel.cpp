#include "models/ConfigurationTableModel.h"

#include <QFont>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <numeric>

namespace ea::ui {

ConfigurationTableModel::ConfigurationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ConfigurationTableModel::setConfigurations(QList<EnrollmentConfiguration> configurations)
{
    // Each type once, by @odata.type: the rows share its strings, and the
    // type's place in the Type column's order is worked out here, once, so a
    // sort compares two numbers instead of two names without regard to case.
    struct TypeInfo
    {
        QString name;
        QString key;
        int rank = 0;
    };
    QList<TypeInfo> types;
    QHash<QString, qsizetype> typeOfOData;
    QList<qsizetype> typeOfRow;
    typeOfRow.reserve(configurations.size());
    for (const EnrollmentConfiguration &c : std::as_const(configurations)) {
        auto found = typeOfOData.constFind(c.odataType);
        if (found == typeOfOData.cend()) {
            found = typeOfOData.insert(c.odataType, types.size());
            types.append({c.typeDisplayName(), c.typeSortKey()});
        }
        typeOfRow.append(*found);
    }
    QList<qsizetype> byKey(types.size());
    std::iota(byKey.begin(), byKey.end(), 0);
    const auto keyOrder = [&types](qsizetype l, qsizetype r) {
        return types.at(l).key.compare(types.at(r).key, Qt::CaseInsensitive);
    };
    std::sort(byKey.begin(), byKey.end(), [&keyOrder](qsizetype l, qsizetype r) { return keyOrder(l, r) < 0; });
    for (qsizetype i = 1; i < byKey.size(); ++i) // names equal but for case share a rank
        types[byKey.at(i)].rank = types.at(byKey.at(i - 1)).rank + (keyOrder(byKey.at(i - 1), byKey.at(i)) != 0);

    QList<RowKeys> keys;
    keys.reserve(configurations.size());
    for (qsizetype row = 0; row < configurations.size(); ++row) {
        const EnrollmentConfiguration &c = configurations.at(row);
        const TypeInfo &type = types.at(typeOfRow.at(row));
        const bool isDefault = c.isDefault();
        keys.append(
            {type.name, type.key, type.rank, isDefault ? std::numeric_limits<int>::max() : c.priority, isDefault});
    }
    beginResetModel();
    m_configurations = std::move(configurations);
    m_keys = std::move(keys);
    endResetModel();
}

bool ConfigurationTableModel::typeOrderLess(int leftRow, int rightRow) const
{
    const RowKeys &l = m_keys.at(leftRow);
    const RowKeys &r = m_keys.at(rightRow);
    if (l.typeRank != r.typeRank)
        return l.typeRank < r.typeRank;
    return l.sortPriority < r.sortPriority;
}

void ConfigurationTableModel::clear()
{
    setConfigurations({});
}

const EnrollmentConfiguration *ConfigurationTableModel::configurationAt(int row) const
{
    if (row < 0 || row >= m_configurations.size())
        return nullptr;
    return &m_configurations.at(row);
}

int ConfigurationTableModel::rowOf(const QString &configurationId) const
{
    for (qsizetype i = 0; i < m_configurations.size(); ++i) {
        if (m_configurations.at(i).id == configurationId)
            return int(i);
    }
    return -1;
}

int ConfigurationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_configurations.size());
}

int ConfigurationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigurationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EnrollmentConfiguration &c = m_configurations.at(index.row());
    const RowKeys &keys = m_keys.at(index.row());
    const bool isDefault = keys.isDefault;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return c.displayName.isEmpty() ? tr("(no name)") : c.displayName;
        case TypeColumn: return keys.typeName;
        case PriorityColumn: return isDefault ? tr("Default") : QString::number(c.priority);
        case LastModifiedColumn:
            return c.lastModifiedDateTime.isValid()
                ? QLocale().toString(c.lastModifiedDateTime.toLocalTime().date(), QLocale::ShortFormat)
                : QString();
        default: break;
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = c.displayName + u'\n' + keys.typeName + u'\n' + tr("Id: %1").arg(c.id);
        if (c.lastModifiedDateTime.isValid())
            tip += u'\n'
                + tr("Last modified: %1")
                      .arg(QLocale().toString(c.lastModifiedDateTime.toLocalTime(), QLocale::LongFormat));
        if (isDefault)
            tip += u'\n' + tr("Default policy: applies to all users and all devices and cannot take assignments.");
        if (!c.description.isEmpty())
            tip += u'\n' + c.description;
        return tip;
    }
    case Qt::FontRole:
        if (isDefault) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PriorityColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole: return c.id;
    case IsDefaultRole: return isDefault;
    case SortRole:
        switch (index.column()) {
        case NameColumn: return c.displayName;
        // By type (its English name: the same order in every language), and within a
        // type by priority: the order in which Intune applies them.
        case TypeColumn:
            return QString(
                keys.typeKey + u'\n' + QStringLiteral("%1").arg(keys.sortPriority, 10, 10, QLatin1Char('0')));
        // Defaults apply last (lowest precedence), so they sort after every numbered priority.
        case PriorityColumn: return keys.sortPriority;
        case LastModifiedColumn: return c.lastModifiedDateTime;
        default: break;
        }
        break;
    case SearchRole: return QString(c.displayName + u'\n' + keys.typeName + u'\n' + c.id);
    default: break;
    }
    return {};
}

QVariant ConfigurationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case PriorityColumn: return tr("Priority");
    case LastModifiedColumn: return tr("Last modified");
    default: break;
    }
    return {};
}

ConfigurationFilterModel::ConfigurationFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConfigurationTableModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(ConfigurationTableModel::SearchRole);
}

bool ConfigurationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // An empty filter box accepts everything; no need to build each row's search text.
    if (filterRegularExpression().pattern().isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return sourceModel()->data(index, filterRole()).toString().contains(filterRegularExpression());
}

bool ConfigurationFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == ConfigurationTableModel::TypeColumn && right.column() == ConfigurationTableModel::TypeColumn) {
        if (const auto *model = qobject_cast<const ConfigurationTableModel *>(sourceModel()))
            return model->typeOrderLess(left.row(), right.row());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ea::ui
