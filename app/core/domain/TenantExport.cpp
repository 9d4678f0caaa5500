#include "domain/TenantExport.h"

#include "domain/AssignmentTarget.h"
#include "domain/CsvText.h"
#include "domain/ODataType.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace ea {

namespace {

const QString kFormatKey = u"format"_s;
const QString kVersionKey = u"version"_s;
const QString kExportedAtKey = u"exportedAt"_s;
const QString kTenantKey = u"tenant"_s;
const QString kGraphVersionKey = u"graphVersion"_s;
const QString kConfigurationsKey = u"configurations"_s;
const QString kGroupsKey = u"groups"_s;
const QString kIdKey = u"id"_s;
const QString kDisplayNameKey = u"displayName"_s;
const QString kPriorityKey = u"priority"_s;
const QString kIsDefaultKey = u"isDefault"_s;
const QString kAssignmentsKey = u"assignments"_s;
const QString kTargetKey = u"target"_s;

// A whole number that fits an int, as JSON writes it (JSON has only doubles).
std::optional<int> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (std::trunc(d) != d || d < -2147483648.0 || d > 2147483647.0)
        return std::nullopt;
    return int(d);
}

// A JSON value named in a message: its type, never its (maybe huge) content.
QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return TenantExport::tr("null");
    case QJsonValue::Bool: return TenantExport::tr("a boolean");
    case QJsonValue::Double: return TenantExport::tr("a number");
    case QJsonValue::String: return TenantExport::tr("a string");
    case QJsonValue::Array: return TenantExport::tr("an array");
    case QJsonValue::Object: return TenantExport::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return TenantExport::tr("missing");
}

// The group a target names: typed for the known kinds, "groupId" for a type
// newer than the app (which may well name a group too).
QString groupIdOf(const QJsonObject &assignment)
{
    const QJsonValue target = assignment.value(kTargetKey);
    const AssignmentTarget t = AssignmentTarget::fromJson(target);
    if (t.isGroupTarget())
        return t.groupId();
    if (t.kind() == AssignmentTarget::Kind::Unknown)
        return target.toObject().value(u"groupId"_s).toString();
    return {};
}

} // namespace

TenantExport TenantExport::fromConfigurationObjects(const QJsonArray &objects)
{
    TenantExport out;
    out.exportedAt = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &v : objects) {
        if (!v.isObject())
            continue;
        const QJsonObject object = v.toObject();
        const EnrollmentConfiguration parsed = EnrollmentConfiguration::fromJson(object);
        ExportedConfiguration c;
        c.id = parsed.id;
        c.odataType = object.value(odata::kTypeKey).toString();
        c.displayName = parsed.displayName;
        c.priority = parsed.priority;
        c.isDefault = parsed.isDefault();
        for (const QJsonValue &a : object.value(kAssignmentsKey).toArray()) {
            if (a.isObject())
                c.assignments.append(a.toObject());
        }
        out.configurations.append(c);
    }
    return out;
}

QStringList TenantExport::referencedGroupIds() const
{
    QStringList out;
    QSet<QString> seen;
    for (const ExportedConfiguration &c : configurations) {
        for (const QJsonObject &a : c.assignments) {
            const QString id = groupIdOf(a);
            if (!id.isEmpty() && !seen.contains(id.toLower())) {
                seen.insert(id.toLower());
                out.append(id);
            }
        }
    }
    return out;
}

QJsonObject TenantExport::toJson() const
{
    QJsonArray configurationArray;
    for (const ExportedConfiguration &c : configurations) {
        QJsonArray assignmentArray;
        for (const QJsonObject &a : c.assignments)
            assignmentArray.append(a);
        QJsonObject o {
            {kIdKey, c.id},
            {odata::kTypeKey, c.odataType},
            {kDisplayNameKey, c.displayName},
            {kPriorityKey, c.priority},
            {kAssignmentsKey, assignmentArray},
        };
        if (c.isDefault)
            o.insert(kIsDefaultKey, true);
        configurationArray.append(o);
    }
    QJsonObject groupObject;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        groupObject.insert(it.key(), it.value().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(it.value()));
    QJsonObject document {
        {kFormatKey, kFormat},
        {kVersionKey, kVersion},
        {kExportedAtKey, exportedAt.toUTC().toString(Qt::ISODate)},
        {kGraphVersionKey, graphVersion},
        {kConfigurationsKey, configurationArray},
        {kGroupsKey, groupObject},
    };
    if (!tenant.isEmpty())
        document.insert(kTenantKey, tenant);
    return document;
}

QByteArray TenantExport::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

const QStringList &TenantExport::csvHeader()
{
    // English and fixed: scripts read the columns by name.
    static const QStringList header {u"configurationId"_s, u"configurationType"_s, u"displayName"_s, u"priority"_s,
        u"intent"_s, u"targetKind"_s, u"groupId"_s, u"groupName"_s, u"collectionId"_s, u"filterId"_s, u"filterType"_s,
        u"assignmentId"_s};
    return header;
}

QString TenantExport::toCsv() const
{
    QString text = csv::row(csvHeader());
    for (const ExportedConfiguration &c : configurations) {
        EnrollmentConfiguration typed;
        typed.odataType = odata::normalizedType(c.odataType);
        const QStringList configurationCells {
            c.id, typed.typeDisplayName(), c.displayName, c.isDefault ? tr("default") : QString::number(c.priority)};
        if (c.assignments.isEmpty()) {
            text += csv::row(configurationCells);
            continue;
        }
        for (const QJsonObject &a : c.assignments) {
            const AssignmentTarget t = AssignmentTarget::fromJson(a.value(kTargetKey));
            const QString groupId = groupIdOf(a);
            const QString filterType
                = a.value(kTargetKey).toObject().value(u"deviceAndAppManagementAssignmentFilterType"_s).toString();
            text += csv::row(configurationCells
                + QStringList {t.kind() == AssignmentTarget::Kind::ExcludeGroup ? u"exclude"_s : u"include"_s,
                    t.displayName(), groupId, groups.value(groupId), t.collectionId(),
                    a.value(kTargetKey).toObject().value(u"deviceAndAppManagementAssignmentFilterId"_s).toString(),
                    filterType, a.value(kIdKey).toString()});
        }
    }
    return text;
}

std::optional<TenantExport> TenantExport::parse(const QByteArray &json, QString *problem)
{
    const auto fail = [problem](const QString &why) -> std::optional<TenantExport> {
        *problem = why;
        return std::nullopt;
    };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(tr("The file is not valid JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return fail(tr("The file is not an Enrollment Assigner export: its top level is %1, not an object.")
                        .arg(jsonTypeName(document.isArray() ? QJsonValue(document.array()) : QJsonValue())));
    const QJsonObject root = document.object();
    if (root.value(kFormatKey).toString() != kFormat)
        return fail(tr("The file is not an Enrollment Assigner export: \"format\" is %1, expected \"%2\".")
                        .arg(root.value(kFormatKey).isString() ? u'"' + root.value(kFormatKey).toString() + u'"'
                                                               : jsonTypeName(root.value(kFormatKey)),
                            kFormat));
    const std::optional<int> version = wholeNumber(root.value(kVersionKey));
    if (!version || *version < 1)
        return fail(
            tr("\"version\" must be a whole number from 1; it is %1.").arg(jsonTypeName(root.value(kVersionKey))));
    if (*version > kVersion)
        return fail(tr("The export is version %1, written by a newer Enrollment Assigner; this one reads version %2.")
                        .arg(*version)
                        .arg(kVersion));

    TenantExport out;
    out.exportedAt = QDateTime::fromString(root.value(kExportedAtKey).toString(), Qt::ISODateWithMs);
    if (!out.exportedAt.isValid())
        return fail(tr("\"exportedAt\" must be a date and time (ISO 8601), such as 2026-12-03T10:00:00Z."));
    out.exportedAt = out.exportedAt.toUTC();
    const QJsonValue tenant = root.value(kTenantKey);
    if (!tenant.isUndefined() && !tenant.isString())
        return fail(tr("\"tenant\" must be a string; it is %1.").arg(jsonTypeName(tenant)));
    out.tenant = tenant.toString();
    out.graphVersion = root.value(kGraphVersionKey).toString();
    // v1.0 hides filters and policy-set sources: only a beta read can be sent back as read.
    if (out.graphVersion != QLatin1String("beta"))
        return fail(tr("\"graphVersion\" must be \"beta\" (assignments read on v1.0 lack their filters and sources)."));

    const QJsonValue configurationsValue = root.value(kConfigurationsKey);
    if (!configurationsValue.isArray())
        return fail(tr("\"configurations\" must be an array; it is %1.").arg(jsonTypeName(configurationsValue)));
    const QJsonArray configurationArray = configurationsValue.toArray();
    QSet<QString> ids;
    for (qsizetype i = 0; i < configurationArray.size(); ++i) {
        const QString where = u"configurations[%1]"_s.arg(i);
        const QJsonValue v = configurationArray.at(i);
        if (!v.isObject())
            return fail(tr("%1 must be an object; it is %2.").arg(where, jsonTypeName(v)));
        const QJsonObject o = v.toObject();
        ExportedConfiguration c;
        c.id = o.value(kIdKey).toString();
        if (c.id.isEmpty())
            return fail(tr("%1 has no \"id\".").arg(where));
        if (ids.contains(c.id.toLower()))
            return fail(tr("%1: the configuration %2 is in the file twice.").arg(where, c.id));
        ids.insert(c.id.toLower());
        c.odataType = o.value(odata::kTypeKey).toString();
        if (c.odataType.isEmpty())
            return fail(tr("%1 (%2) has no \"@odata.type\".").arg(where, c.id));
        if (!o.value(kDisplayNameKey).isString())
            return fail(tr("%1 (%2): \"displayName\" must be a string; it is %3.")
                            .arg(where, c.id, jsonTypeName(o.value(kDisplayNameKey))));
        c.displayName = o.value(kDisplayNameKey).toString();
        const std::optional<int> priority = wholeNumber(o.value(kPriorityKey));
        if (!priority || *priority < 0)
            return fail(tr("%1 (%2): \"priority\" must be a whole number from 0; it is %3.")
                            .arg(where, c.id, jsonTypeName(o.value(kPriorityKey))));
        c.priority = *priority;
        const QJsonValue isDefault = o.value(kIsDefaultKey);
        if (!isDefault.isUndefined() && !isDefault.isBool())
            return fail(tr("%1 (%2): \"isDefault\" must be true or false.").arg(where, c.id));
        c.isDefault = isDefault.toBool();
        const QJsonValue assignments = o.value(kAssignmentsKey);
        if (!assignments.isArray())
            return fail(
                tr("%1 (%2): \"assignments\" must be an array; it is %3.").arg(where, c.id, jsonTypeName(assignments)));
        const QJsonArray assignmentArray = assignments.toArray();
        for (qsizetype j = 0; j < assignmentArray.size(); ++j) {
            if (!assignmentArray.at(j).isObject())
                return fail(tr("%1.assignments[%2] must be an object; it is %3.")
                                .arg(where)
                                .arg(j)
                                .arg(jsonTypeName(assignmentArray.at(j))));
            c.assignments.append(assignmentArray.at(j).toObject());
        }
        out.configurations.append(c);
    }

    const QJsonValue groupsValue = root.value(kGroupsKey);
    if (!groupsValue.isObject())
        return fail(tr("\"groups\" must be an object (group id: name); it is %1.").arg(jsonTypeName(groupsValue)));
    const QJsonObject groupObject = groupsValue.toObject();
    for (auto it = groupObject.begin(); it != groupObject.end(); ++it) {
        if (!it.value().isString() && !it.value().isNull())
            return fail(tr("groups.%1 must be a name or null; it is %2.").arg(it.key(), jsonTypeName(it.value())));
        out.groups.insert(it.key(), it.value().toString());
    }
    problem->clear();
    return out;
}

} // namespace ea
