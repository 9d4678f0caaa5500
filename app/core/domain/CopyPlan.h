#pragma once

#include "domain/Assignment.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/PlanFile.h"
#include "domain/TenantExport.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace ea {

// How a source group is found in the target tenant: by the mapping file, or
// by its display name (exactly one group of that name); otherwise why not.
struct GroupMatch
{
    QString targetGroupId; // empty: not found
    QString problem; // "no group named “Sales” in the target tenant", "3 groups are named “Sales”"
};

// Copying the assignments of one configuration to another of the same type:
// in the same tenant every target is copied as it is; across tenants a group
// is matched (mapping file, else exactly one group of the same display name),
// and what cannot be matched is listed and left out, never created. The
// result is a bulk plan's rows (add, on the target configuration), so it runs
// with PlanRunner: what the target has already is skipped there, a full-list
// type gets one write.
struct CopyPlan
{
    Q_DECLARE_TR_FUNCTIONS(CopyPlan)
public:
    QList<PlanRow> rows;
    QList<LeftOutEntry> skipped; // what no row can carry, and why (entry: Assignment::describe())

    // `source`: the source configuration's assignments (as read on beta, or
    // as exported). `groups`: for a copy across tenants, each source group's
    // match (by source group id, lower case); empty and `sameTenant` for a
    // copy within one tenant.
    static CopyPlan make(const QList<Assignment> &source, const QString &targetConfigurationId, bool sameTenant,
        const QHash<QString, GroupMatch> &groups = {});

    // A group map file: one SOURCE_GROUP_ID,TARGET_GROUP_ID per line (object
    // ids); blank lines, lines starting with # and a first line naming the
    // columns are skipped. Keyed by the source id in lower case. Every bad
    // line is reported with its number.
    static QHash<QString, QString> parseGroupMap(const QByteArray &utf8, QList<PlanProblem> *problems);
};

// What to copy where, as the admin chose it (the CLI's copy arguments, the
// GUI's Copy dialog).
struct CopyRequest
{
    Q_DECLARE_TR_FUNCTIONS(CopyRequest)
public:
    QString sourceId;
    // Empty: with an export, the configuration here of the source's type and
    // display name; within one tenant it must be given.
    QString targetId;
    // Set: the source is a configuration of this export (another tenant
    // profile's, as a rule) and groups are matched here; unset: the source
    // is in this tenant and every target is copied as it is.
    std::optional<TenantExport> file;
    QHash<QString, QString> groupMap; // with `file`: source group id (lower case) -> target group id

    // What is wrong before anything is read (an id's shape, the same
    // configuration twice, a source the file does not have); empty when none.
    QString problem() const;
};

// The two ends of a copy, found in the tenant as read.
struct CopyEnds
{
    Q_DECLARE_TR_FUNCTIONS(CopyEnds)
public:
    QString sourceName;
    QString sourceType; // without '#', as EnrollmentConfiguration::odataType
    QList<Assignment> assignments; // the source's, as read (or as exported)
    EnrollmentConfiguration target;
    QString problem; // set: no copy can be made, and why (names as read: make them safe to print)

    // `tenant`: this tenant's configurations with their assignments (beta).
    // The target must be of the source's type and not a default policy.
    static CopyEnds resolve(const CopyRequest &request, const QList<EnrollmentConfiguration> &tenant);
};

// A copy worked out against the tenant: the ends, and the rows to run.
struct PlannedCopy
{
    CopyEnds ends;
    CopyPlan plan;
};

} // namespace ea
