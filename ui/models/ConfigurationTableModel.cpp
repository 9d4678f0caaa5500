#include "models/ConfigurationTableModel.h"

#include <QFont>
#include <QHash>
#include <QLocale>

#include <limits>

namespace ea::ui {

ConfigurationTableModel::ConfigurationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ConfigurationTableModel::setConfigurations(QList<EnrollmentConfiguration> configurations)
{
    QList<RowKeys> keys;
    keys.reserve(configurations.size());
    // By @odata.type, so rows share their strings.
    QHash<QString, std::pair<QString, QString>> typeNames;
    for (const EnrollmentConfiguration &c : std::as_const(configurations)) {
        auto name = typeNames.constFind(c.odataType);
        if (name == typeNames.cend())
            name = typeNames.insert(c.odataType, {c.typeDisplayName(), c.typeSortKey()});
        const bool isDefault = c.isDefault();
        keys.append({name->first, name->second, isDefault ? std::numeric_limits<int>::max() : c.priority, isDefault});
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
    if (const int byName = l.typeKey.compare(r.typeKey, Qt::CaseInsensitive))
        return byName < 0;
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
