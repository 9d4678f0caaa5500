#pragma once

#include "domain/Assignment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ea {

// A deviceEnrollmentConfiguration of any subtype. Unknown (future) subtypes
// are kept with their raw @odata.type so they are still listed.
class EnrollmentConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(EnrollmentConfiguration)
public:
    enum class Kind {
        Unknown,
        DeviceLimit, // deviceEnrollmentLimitConfiguration
        PlatformRestrictions, // deviceEnrollmentPlatformRestrictionsConfiguration (all platforms)
        SinglePlatformRestriction, // deviceEnrollmentPlatformRestrictionConfiguration (beta)
        WindowsHelloForBusiness, // deviceEnrollmentWindowsHelloForBusinessConfiguration
        EnrollmentStatusPage, // windows10EnrollmentCompletionPageConfiguration
        CoManagementAuthority, // deviceComanagementAuthorityConfiguration (beta)
        EnrollmentNotifications, // deviceEnrollmentNotificationConfiguration (beta)
        WindowsRestore, // windowsRestoreDeviceEnrollmentConfiguration (beta)
    };

    QString id;
    QString odataType; // without '#'
    QString displayName;
    QString description;
    int priority = 0;
    int version = 0;
    QDateTime createdDateTime;
    QDateTime lastModifiedDateTime;
    QString configurationType; // beta: deviceEnrollmentConfigurationType
    QString platformType; // beta single-platform restrictions: each platform has its own priority order
    QList<Assignment> assignments; // filled only when read with $expand=assignments
    bool assignmentsExpanded = false;

    Kind kind() const;
    static Kind kindFromODataType(const QString &odataType);
    // "Device limit", "Enrollment Status Page", ... or the raw type for unknown ones.
    QString typeDisplayName() const;
    // The type's English name whatever the language shown: lists sort by it,
    // so that their order is the same in every language.
    QString typeSortKey() const;

    // The priority-0 policies every tenant has ("All users and all devices").
    // They apply to everyone and cannot take assignments.
    bool isDefault() const;
    // Intune refuses POST .../assignments for this type ("No method match
    // route template"); only the replace-all `assign` action works.
    bool requiresAssignAction() const;
    // Guidance an admin needs before assigning this kind (may be empty).
    QString assignmentGuidance() const;

    static EnrollmentConfiguration fromJson(const QJsonObject &object);
};

QList<EnrollmentConfiguration> configurationsFromJson(const QJsonArray &values);
class SharedStrings;

// Appends the configurations of `values` (one page of a long list); with
// `sharedTypes`, the rows share their type names.
void appendConfigurationsFromJson(
    const QJsonArray &values, QList<EnrollmentConfiguration> *out, SharedStrings *sharedTypes = nullptr);

} // namespace ea
