#pragma once

#include "domain/EnrollmentConfiguration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace ea {

// One configuration of an export: who it is, and its assignments exactly as
// Graph returned them on beta.
struct ExportedConfiguration
{
    QString id;
    QString odataType; // as read ("#microsoft.graph.…")
    QString displayName;
    int priority = 0;
    bool isDefault = false;
    // Each assignment object as read: filters, policy-set sources and target
    // types newer than the app included. A restore sends these back; the app
    // never rebuilds them from its own fields.
    QList<QJsonObject> assignments;
};

// The versioned document `export` writes and `restore` reads:
//
//   {"format": "enrollment-assigner-export", "version": 1,
//    "exportedAt": "2026-12-03T10:00:00Z", "tenant": "…", "graphVersion": "beta",
//    "configurations": [{"id", "@odata.type", "displayName", "priority", "isDefault",
//                        "assignments": [ …as read… ]}],
//    "groups": {"groupId": "display name" | null}}
//
// "groups" names every group the assignments refer to, as far as the
// directory knew them when exported; null: the group was not found (deleted,
// or not readable). The names are for people: a restore matches by id.
class TenantExport
{
    Q_DECLARE_TR_FUNCTIONS(TenantExport)
public:
    static inline const QString kFormat = QStringLiteral("enrollment-assigner-export");
    static constexpr int kVersion = 1;

    QDateTime exportedAt; // UTC
    QString tenant; // tenant id or profile label; empty when unknown
    QString graphVersion = QStringLiteral("beta");
    QList<ExportedConfiguration> configurations;
    QMap<QString, QString> groups; // group id -> display name; empty: not found (written as null)

    // From configurations read with their assignments (Listing::objects of
    // listConfigurationsWithAssignments): each object's "assignments" as read.
    static TenantExport fromConfigurationObjects(const QJsonArray &objects);

    // Every group id an assignment's target names (include and exclude; for a
    // target type the app does not know, its "groupId"), each once, in order.
    QStringList referencedGroupIds() const;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const; // indented, UTF-8, ends with a newline
    // One row per assignment, and one for each configuration without any
    // (columns: csvHeader()), through csv::row.
    QString toCsv() const;
    static const QStringList &csvHeader();

    // Reads a document written by toJson(). Checks the format, the version
    // and every field a restore relies on; on failure returns nullopt and sets
    // *problem to what is wrong and where ("configurations[2].assignments[0]
    // is not an object").
    static std::optional<TenantExport> parse(const QByteArray &json, QString *problem);
};

} // namespace ea
