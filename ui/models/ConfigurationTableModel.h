#pragma once

#include "domain/EnrollmentConfiguration.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSortFilterProxyModel>

namespace ea::ui {

// The tenant's enrollment configurations, one per row. Default policies are
// marked (priority "Default", italic, tooltip) because they cannot take
// assignments and every tenant has several with the same display name.
class ConfigurationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, PriorityColumn, LastModifiedColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        IsDefaultRole,
        SortRole, // a value that sorts naturally (numbers, dates; defaults last by priority)
        SearchRole, // the text the filter box matches: name, type and id
    };

    explicit ConfigurationTableModel(QObject *parent = nullptr);

    void setConfigurations(QList<EnrollmentConfiguration> configurations);
    void clear();
    const QList<EnrollmentConfiguration> &configurations() const { return m_configurations; }
    // nullptr when row is out of range.
    const EnrollmentConfiguration *configurationAt(int row) const;
    // -1 when there is none with that id.
    int rowOf(const QString &configurationId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The Type column's order: by the type's English name (the same order in
    // every language), within a type by priority, defaults last. What SortRole says, without building its strings (a
    // sort of 10,000 rows asks for it about 270,000 times).
    bool typeOrderLess(int leftRow, int rightRow) const;

private:
    // Worked out once per row when the list is set, not on every data() call.
    struct RowKeys
    {
        QString typeName; // shared between the rows of one type
        QString typeKey; // the English name: the order is the same in every language
        int typeRank; // the type's place when the types are ordered by typeKey (case aside)
        int sortPriority; // defaults sort after every numbered priority
        bool isDefault;
    };

    QList<EnrollmentConfiguration> m_configurations;
    QList<RowKeys> m_keys;
};

// Filters on name, type and id (case-insensitive, fixed string) and sorts by
// ConfigurationTableModel::SortRole.
class ConfigurationFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConfigurationFilterModel(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace ea::ui
