#include "domain/AssignmentTarget.h"

#include "domain/Identifiers.h"
#include "domain/ODataType.h"

namespace ea {

namespace {

const QString kAllDevicesType = QStringLiteral("microsoft.graph.allDevicesAssignmentTarget");
const QString kAllUsersType = QStringLiteral("microsoft.graph.allLicensedUsersAssignmentTarget");
const QString kGroupType = QStringLiteral("microsoft.graph.groupAssignmentTarget");
const QString kExclusionType = QStringLiteral("microsoft.graph.exclusionGroupAssignmentTarget");
const QString kCollectionType = QStringLiteral("microsoft.graph.configurationManagerCollectionAssignmentTarget");
const QString kFilterIdKey = QStringLiteral("deviceAndAppManagementAssignmentFilterId");
const QString kFilterTypeKey = QStringLiteral("deviceAndAppManagementAssignmentFilterType");

QString typeForKind(AssignmentTarget::Kind kind)
{
    switch (kind) {
    case AssignmentTarget::Kind::AllDevices: return kAllDevicesType;
    case AssignmentTarget::Kind::AllLicensedUsers: return kAllUsersType;
    case AssignmentTarget::Kind::IncludeGroup: return kGroupType;
    case AssignmentTarget::Kind::ExcludeGroup: return kExclusionType;
    case AssignmentTarget::Kind::ConfigMgrCollection: return kCollectionType;
    case AssignmentTarget::Kind::Unknown: break;
    }
    return {};
}

} // namespace

AssignmentTarget AssignmentTarget::allDevices()
{
    AssignmentTarget t;
    t.m_kind = Kind::AllDevices;
    return t;
}

AssignmentTarget AssignmentTarget::allLicensedUsers()
{
    AssignmentTarget t;
    t.m_kind = Kind::AllLicensedUsers;
    return t;
}

AssignmentTarget AssignmentTarget::includeGroup(const QString &groupId)
{
    AssignmentTarget t;
    t.m_kind = Kind::IncludeGroup;
    t.m_groupId = groupId;
    return t;
}

AssignmentTarget AssignmentTarget::excludeGroup(const QString &groupId)
{
    AssignmentTarget t;
    t.m_kind = Kind::ExcludeGroup;
    t.m_groupId = groupId;
    return t;
}

AssignmentTarget AssignmentTarget::configMgrCollection(const QString &collectionId)
{
    AssignmentTarget t;
    t.m_kind = Kind::ConfigMgrCollection;
    t.m_collectionId = collectionId;
    return t;
}

void AssignmentTarget::setFilter(const QString &filterId, FilterMode mode)
{
    m_filterId = mode == FilterMode::None ? QString() : filterId;
    m_filterMode = m_filterId.isEmpty() ? FilterMode::None : mode;
}

QString AssignmentTarget::validationProblem(ApiVersion version) const
{
    switch (m_kind) {
    case Kind::Unknown:
        return tr("Choose a target: all devices, all users, a group to include or exclude, "
                  "or a Configuration Manager collection.");
    case Kind::IncludeGroup:
    case Kind::ExcludeGroup:
        if (m_groupId.isEmpty())
            return tr("Pick a group (search by name, or enter its object id).");
        if (!ids::isGuid(m_groupId))
            return tr("The group id '%1' is not a GUID (like 3f2a…-…); copy the group's Object ID from Entra ID.")
                .arg(ids::printable(m_groupId, 60));
        break;
    case Kind::ConfigMgrCollection:
        if (m_collectionId.isEmpty())
            return tr("Enter a Configuration Manager collection id, such as SMS00001.");
        if (!ids::isCollectionId(m_collectionId))
            return tr("The collection id '%1' is not valid: it has 8 characters, a 3-character site code "
                      "followed by 5 hexadecimal digits (for example SMS00001 or JAX0002C).")
                .arg(ids::printable(m_collectionId, 60));
        break;
    case Kind::AllDevices:
    case Kind::AllLicensedUsers: break;
    }
    if (hasFilter()) {
        if (version != ApiVersion::Beta)
            return tr("Assignment filters exist only on the beta API; switch to beta or remove the filter.");
        if (!ids::isGuid(m_filterId))
            return tr("The assignment filter id '%1' is not a GUID.").arg(ids::printable(m_filterId, 60));
    }
    return {};
}

QJsonObject AssignmentTarget::toJson(ApiVersion version) const
{
    QJsonObject o;
    if (m_kind == Kind::Unknown) {
        if (!m_rawType.isEmpty())
            o.insert(odata::kTypeKey, QString(u'#' + m_rawType));
        return o;
    }
    o.insert(odata::kTypeKey, QString(u'#' + typeForKind(m_kind)));
    if (isGroupTarget())
        o.insert(QStringLiteral("groupId"), m_groupId);
    if (m_kind == Kind::ConfigMgrCollection)
        o.insert(QStringLiteral("collectionId"), m_collectionId);
    // v1.0 rejects the filter properties outright, so they are only ever sent to beta.
    if (version == ApiVersion::Beta && hasFilter()) {
        o.insert(kFilterIdKey, m_filterId);
        o.insert(kFilterTypeKey, filterModeName(m_filterMode));
    }
    return o;
}

AssignmentTarget AssignmentTarget::fromJson(const QJsonValue &value)
{
    AssignmentTarget t;
    if (!value.isObject())
        return t;
    const QJsonObject o = value.toObject();
    const QString type = odata::typeOf(o);
    if (type == kAllDevicesType) {
        t.m_kind = Kind::AllDevices;
    } else if (type == kAllUsersType) {
        t.m_kind = Kind::AllLicensedUsers;
    } else if (type == kGroupType) {
        t.m_kind = Kind::IncludeGroup;
        t.m_groupId = o.value(QStringLiteral("groupId")).toString();
    } else if (type == kExclusionType) {
        t.m_kind = Kind::ExcludeGroup;
        t.m_groupId = o.value(QStringLiteral("groupId")).toString();
    } else if (type == kCollectionType) {
        t.m_kind = Kind::ConfigMgrCollection;
        t.m_collectionId = o.value(QStringLiteral("collectionId")).toString();
    } else {
        t.m_rawType = type;
        return t;
    }
    FilterMode mode = FilterMode::None;
    const QString filterId = o.value(kFilterIdKey).toString();
    if (!filterId.isEmpty() && parseFilterMode(o.value(kFilterTypeKey).toString(), &mode))
        t.setFilter(filterId, mode);
    return t;
}

QString AssignmentTarget::kindDisplayName(Kind kind)
{
    switch (kind) {
    case Kind::AllDevices: return tr("All devices");
    case Kind::AllLicensedUsers: return tr("All users");
    case Kind::IncludeGroup: return tr("Included group");
    case Kind::ExcludeGroup: return tr("Excluded group");
    case Kind::ConfigMgrCollection: return tr("Configuration Manager collection");
    case Kind::Unknown: break;
    }
    return tr("Unknown target");
}

QString AssignmentTarget::displayName() const
{
    if (m_kind != Kind::Unknown || m_rawType.isEmpty())
        return kindDisplayName(m_kind);
    const QString prefix = QStringLiteral("microsoft.graph.");
    return tr("Other (%1)").arg(m_rawType.startsWith(prefix) ? m_rawType.mid(prefix.size()) : m_rawType);
}

QString AssignmentTarget::subject() const
{
    if (isGroupTarget())
        return m_groupId;
    if (m_kind == Kind::ConfigMgrCollection)
        return m_collectionId;
    return {};
}

QString AssignmentTarget::filterModeName(FilterMode mode)
{
    switch (mode) {
    case FilterMode::Include: return QStringLiteral("include");
    case FilterMode::Exclude: return QStringLiteral("exclude");
    case FilterMode::None: break;
    }
    return QStringLiteral("none");
}

bool AssignmentTarget::parseFilterMode(const QString &text, FilterMode *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("include"))
        *out = FilterMode::Include;
    else if (t == QLatin1String("exclude"))
        *out = FilterMode::Exclude;
    else if (t == QLatin1String("none") || t.isEmpty())
        *out = FilterMode::None;
    else
        return false;
    return true;
}

bool AssignmentTarget::sameTargetAs(const AssignmentTarget &other) const
{
    if (m_kind != other.m_kind || m_kind == Kind::Unknown)
        return false;
    if (m_groupId.compare(other.m_groupId, Qt::CaseInsensitive) != 0)
        return false;
    if (m_collectionId.compare(other.m_collectionId, Qt::CaseInsensitive) != 0)
        return false;
    return m_filterMode == other.m_filterMode && m_filterId.compare(other.m_filterId, Qt::CaseInsensitive) == 0;
}

bool parseTargetSpec(const QString &text, AssignmentTarget *target, QString *problem)
{
    const QString spec = text.trimmed();
    const qsizetype colon = spec.indexOf(u':');
    const QString kind = (colon < 0 ? spec : spec.left(colon)).toLower();
    const QString value = colon < 0 ? QString() : spec.mid(colon + 1).trimmed();

    AssignmentTarget t;
    if (kind == QLatin1String("all-devices") && colon < 0) {
        t = AssignmentTarget::allDevices();
    } else if (kind == QLatin1String("all-users") && colon < 0) {
        t = AssignmentTarget::allLicensedUsers();
    } else if (kind == QLatin1String("group") && colon >= 0) {
        t = AssignmentTarget::includeGroup(value);
    } else if (kind == QLatin1String("exclude-group") && colon >= 0) {
        t = AssignmentTarget::excludeGroup(value);
    } else if (kind == QLatin1String("collection") && colon >= 0) {
        t = AssignmentTarget::configMgrCollection(value);
    } else {
        *problem = AssignmentTarget::tr("'%1' is not a target. Use all-devices, all-users, group:GROUP_ID, "
                                        "exclude-group:GROUP_ID or collection:COLLECTION_ID.")
                       .arg(ids::printable(spec, 80));
        return false;
    }
    // The shape is checked here with v1.0 rules; a filter is added afterwards.
    const QString shapeProblem = t.validationProblem(ApiVersion::V1);
    if (!shapeProblem.isEmpty()) {
        *problem = shapeProblem;
        return false;
    }
    *target = t;
    problem->clear();
    return true;
}

QString targetSpec(const AssignmentTarget &target)
{
    switch (target.kind()) {
    case AssignmentTarget::Kind::AllDevices: return QStringLiteral("all-devices");
    case AssignmentTarget::Kind::AllLicensedUsers: return QStringLiteral("all-users");
    case AssignmentTarget::Kind::IncludeGroup: return QStringLiteral("group:") + target.groupId();
    case AssignmentTarget::Kind::ExcludeGroup: return QStringLiteral("exclude-group:") + target.groupId();
    case AssignmentTarget::Kind::ConfigMgrCollection: return QStringLiteral("collection:") + target.collectionId();
    case AssignmentTarget::Kind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace ea
