#pragma once

#include "domain/Assignment.h"
#include "domain/AssignmentListDiff.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/TenantExport.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ea {

// What a restore does to one configuration of the file, decided from the
// file and the tenant's list as read now (both on beta, raw).
struct RestoreStep
{
    enum class Action {
        Unchanged, // the live list is the file's: nothing is sent
        Replace, // one full-list write (POST …/assign) of the file's list
        NotInTenant, // the file names a configuration the tenant no longer has: left out
        DefaultDiffers, // a default's list differs, and Intune takes no changes to a default's: left out
        UnreadableEntry, // the file has an entry whose target was empty when exported: sending it would break it
    };
    Action action = Action::Unchanged;
    QString configurationId;
    QString displayName; // as the tenant has it, or as exported when it is gone
    QString typeName; // "Device limit (default)"; empty when it is not in the tenant
    // The list to send: the file's entries exactly as exported, except that
    // one the tenant holds with the same content under a new id is sent as
    // the tenant has it (so a second restore does not replace it again).
    QList<Assignment> wanted;
    QList<Assignment> live; // as read before planning
    // missing: in the file, not live (added back); unexpected: live, not in
    // the file (deleted by the write); changed: the same entry, a property differs.
    AssignmentListDiff difference;
    int unchangedCount = 0; // entries the same in both

    // "add 2, remove 1, change 0, keep 3"
    QString summary() const;
    // "unchanged", "replace", "not-in-tenant", "default-differs", "unreadable-entry"
    static QString actionName(Action action);
};

// A restore of an export file into the tenant: per configuration of the file,
// in its order, what differs and the one write that makes it the file's.
// Configurations the tenant has and the file does not are not touched.
struct RestorePlan
{
    Q_DECLARE_TR_FUNCTIONS(RestorePlan)
public:
    QList<RestoreStep> steps;

    int writeCount() const; // Replace steps
    // "3 configurations: 1 to replace, 2 unchanged; 1 not in the tenant"
    QString summary() const;

    // `live`: every configuration of the tenant with its assignments (read on beta).
    static RestorePlan make(const TenantExport &file, const QList<EnrollmentConfiguration> &live);
};

} // namespace ea
