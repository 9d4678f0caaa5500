#include "domain/EnrollmentConfiguration.h"

#include "domain/GraphDateTime.h"
#include "domain/ODataType.h"
#include "domain/SharedStrings.h"

#include <QJsonArray>

#include <algorithm>

namespace ea {

namespace {

struct KindName
{
    const char16_t *type;
    EnrollmentConfiguration::Kind kind;
};

constexpr KindName kKinds[] = {
    {u"microsoft.graph.deviceEnrollmentLimitConfiguration", EnrollmentConfiguration::Kind::DeviceLimit},
    {u"microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration",
        EnrollmentConfiguration::Kind::PlatformRestrictions},
    {u"microsoft.graph.deviceEnrollmentPlatformRestrictionConfiguration",
        EnrollmentConfiguration::Kind::SinglePlatformRestriction},
    {u"microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration",
        EnrollmentConfiguration::Kind::WindowsHelloForBusiness},
    {u"microsoft.graph.windows10EnrollmentCompletionPageConfiguration",
        EnrollmentConfiguration::Kind::EnrollmentStatusPage},
    {u"microsoft.graph.deviceComanagementAuthorityConfiguration", EnrollmentConfiguration::Kind::CoManagementAuthority},
    {u"microsoft.graph.deviceEnrollmentNotificationConfiguration",
        EnrollmentConfiguration::Kind::EnrollmentNotifications},
    {u"microsoft.graph.windowsRestoreDeviceEnrollmentConfiguration", EnrollmentConfiguration::Kind::WindowsRestore},
};

QDateTime parseDateTime(const QJsonValue &value)
{
    return parseGraphDateTime(value.toString());
}

} // namespace

EnrollmentConfiguration::Kind EnrollmentConfiguration::kindFromODataType(const QString &odataType)
{
    const QString t = odata::normalizedType(odataType);
    for (const KindName &k : kKinds) {
        if (t == QStringView(k.type))
            return k.kind;
    }
    return Kind::Unknown;
}

EnrollmentConfiguration::Kind EnrollmentConfiguration::kind() const
{
    return kindFromODataType(odataType);
}

namespace {

// A known type's name as written in the source (English); tr() translates it.
const char *typeSourceName(EnrollmentConfiguration::Kind kind)
{
    using Kind = EnrollmentConfiguration::Kind;
    switch (kind) {
    case Kind::DeviceLimit: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Device limit");
    case Kind::PlatformRestrictions: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Platform restrictions");
    case Kind::SinglePlatformRestriction:
        return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Platform restriction (single platform)");
    case Kind::WindowsHelloForBusiness:
        return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Windows Hello for Business");
    case Kind::EnrollmentStatusPage: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Enrollment Status Page");
    case Kind::CoManagementAuthority: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Co-management authority");
    case Kind::EnrollmentNotifications: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Enrollment notifications");
    case Kind::WindowsRestore: return QT_TRANSLATE_NOOP("EnrollmentConfiguration", "Windows restore");
    case Kind::Unknown: break;
    }
    return nullptr;
}

} // namespace

QString EnrollmentConfiguration::typeDisplayName() const
{
    if (const char *name = typeSourceName(kind()))
        return tr(name);
    return odataType.isEmpty() ? tr("Unknown type") : tr("Other (%1)").arg(odataType);
}

QString EnrollmentConfiguration::typeSortKey() const
{
    if (const char *name = typeSourceName(kind()))
        return QString::fromLatin1(name);
    // After the known ones ("Other …" in English), by the raw type.
    return u"Other (" + odataType + u')';
}

bool EnrollmentConfiguration::isDefault() const
{
    // Graph marks defaults by priority 0 and a "{tenantId}_Default..." id; the
    // beta type enum says "default..." too. Any one of these is enough.
    if (priority == 0 && id.contains(QLatin1String("_Default"), Qt::CaseInsensitive))
        return true;
    if (id.endsWith(QLatin1String("_WindowsRestore"), Qt::CaseInsensitive))
        return true;
    return configurationType.startsWith(QLatin1String("default"));
}

bool EnrollmentConfiguration::requiresAssignAction() const
{
    return kind() == Kind::EnrollmentStatusPage;
}

QString EnrollmentConfiguration::assignmentGuidance() const
{
    if (isDefault())
        return tr("This is a default policy: it applies to all users and all devices at the lowest priority "
                  "and cannot take assignments. Create a new policy to target specific groups.");
    switch (kind()) {
    case Kind::WindowsHelloForBusiness:
        return tr("Windows Hello for Business enrollment settings apply tenant-wide; assignments here only "
                  "affect which users the policy targets at enrollment.");
    case Kind::DeviceLimit:
    case Kind::PlatformRestrictions:
    case Kind::SinglePlatformRestriction:
        return tr("Enrollment restrictions apply to users: assign them to user groups. Userless enrollment "
                  "gets the default policy. A lower priority number wins.");
    case Kind::EnrollmentNotifications: return tr("Enrollment notifications do not support excluding groups.");
    case Kind::EnrollmentStatusPage:
        return tr("Intune accepts Enrollment Status Page assignments only as a full list: the app reads "
                  "the existing assignments and sends them together with the new one.");
    default: break;
    }
    return {};
}

EnrollmentConfiguration EnrollmentConfiguration::fromJson(const QJsonObject &object)
{
    // Latin-1 keys: Graph's member names are ASCII, which QJsonObject keeps as
    // Latin-1, so each lookup compares bytes with bytes (a list of 10,000
    // configurations makes 100,000 of them).
    EnrollmentConfiguration c;
    c.id = object.value(QLatin1StringView("id")).toString();
    c.odataType = odata::typeOf(object);
    c.displayName = object.value(QLatin1StringView("displayName")).toString();
    c.description = object.value(QLatin1StringView("description")).toString();
    c.priority = object.value(QLatin1StringView("priority")).toInt();
    c.version = object.value(QLatin1StringView("version")).toInt();
    c.createdDateTime = parseDateTime(object.value(QLatin1StringView("createdDateTime")));
    c.lastModifiedDateTime = parseDateTime(object.value(QLatin1StringView("lastModifiedDateTime")));
    c.configurationType = object.value(QLatin1StringView("deviceEnrollmentConfigurationType")).toString();
    c.platformType = object.value(QLatin1StringView("platformType")).toString();
    const QJsonValue assignments = object.value(QLatin1StringView("assignments"));
    if (assignments.isArray()) {
        c.assignments = assignmentsFromJson(assignments.toArray());
        c.assignmentsExpanded = true;
    }
    return c;
}

QList<EnrollmentConfiguration> configurationsFromJson(const QJsonArray &values)
{
    QList<EnrollmentConfiguration> out;
    out.reserve(values.size());
    appendConfigurationsFromJson(values, &out);
    return out;
}

void appendConfigurationsFromJson(
    const QJsonArray &values, QList<EnrollmentConfiguration> *out, SharedStrings *sharedTypes)
{
    for (const QJsonValue &v : values) {
        if (!v.isObject())
            continue;
        EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(v.toObject());
        if (sharedTypes) {
            c.odataType = sharedTypes->shared(c.odataType);
            c.configurationType = sharedTypes->shared(c.configurationType);
        }
        out->append(std::move(c));
    }
}

} // namespace ea
