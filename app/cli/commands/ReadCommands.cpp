#include "cli/commands/ReadCommands.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

QString formatDateTime(const QDateTime &when)
{
    // Default policies carry 0001-01-01: that is "never", not a date.
    if (!when.isValid() || when.date().year() <= 1)
        return QStringLiteral("-");
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

// --- configs ------------------------------------------------------------------

namespace cli {

namespace {

using Kind = EnrollmentConfiguration::Kind;

struct TypeWord
{
    const char *word;
    Kind kind;
};

constexpr TypeWord kTypeWords[] = {
    {"limit", Kind::DeviceLimit},
    {"platform-restrictions", Kind::PlatformRestrictions},
    {"platform-restriction", Kind::SinglePlatformRestriction},
    {"esp", Kind::EnrollmentStatusPage},
    {"notifications", Kind::EnrollmentNotifications},
    {"co-management", Kind::CoManagementAuthority},
    {"windows-hello", Kind::WindowsHelloForBusiness},
    {"windows-restore", Kind::WindowsRestore},
};

TextTable newConfigurationsTable()
{
    return TextTable({CliCommand::tr("ID"), CliCommand::tr("TYPE"), CliCommand::tr("PRIORITY"), CliCommand::tr("NAME"),
        CliCommand::tr("LAST MODIFIED")});
}

// withPlatform: in an order's listing the platform says which order a single-platform restriction is in.
void addConfigurationRow(TextTable &table, const EnrollmentConfiguration &c, const QString &priority, bool withPlatform)
{
    QString type = c.kind() == Kind::Unknown && !c.odataType.isEmpty()
        ? CliCommand::tr("Other (%1)").arg(c.odataType.section(u'.', -1))
        : c.typeDisplayName();
    if (withPlatform && c.kind() == Kind::SinglePlatformRestriction && !c.platformType.isEmpty())
        type = CliCommand::tr("%1: %2").arg(type, c.platformType);
    if (c.isDefault())
        type = CliCommand::tr("%1 (default)").arg(type);
    table.addRow({c.id, type, priority, c.displayName, formatDateTime(c.lastModifiedDateTime)});
}

} // namespace

bool parseConfigurationType(const QString &word, PriorityOrderKey *key)
{
    const QString name = word.section(u':', 0, 0).trimmed().toLower();
    const QString platform = word.section(u':', 1).trimmed();
    for (const TypeWord &t : kTypeWords) {
        if (name != QLatin1String(t.word))
            continue;
        if (!platform.isEmpty() && t.kind != Kind::SinglePlatformRestriction)
            return false;
        *key = PriorityOrderKey {t.kind, platform, {}};
        return true;
    }
    return false;
}

QString configurationTypeWord(const PriorityOrderKey &key)
{
    for (const TypeWord &t : kTypeWords) {
        if (t.kind != key.kind)
            continue;
        const QString word = QString::fromLatin1(t.word);
        return key.platform.isEmpty() ? word : word + u':' + key.platform;
    }
    return {};
}

QString configurationTypeWords()
{
    QStringList words;
    for (const TypeWord &t : kTypeWords)
        words << QString::fromLatin1(t.word);
    return words.join(u", "_s);
}

QString configurationsTable(const QList<EnrollmentConfiguration> &configurations)
{
    TextTable table = newConfigurationsTable();
    for (const EnrollmentConfiguration &c : configurations)
        addConfigurationRow(table, c, QString::number(c.priority), false);
    return table.toString();
}

QString ordersTable(const QList<PriorityOrder> &orders)
{
    TextTable table = newConfigurationsTable();
    for (const PriorityOrder &order : orders) {
        for (const EnrollmentConfiguration &c : order.ranked)
            addConfigurationRow(table, c, QString::number(c.priority), true);
        // Graph says 0; what an admin needs to know is that it applies after every other.
        for (const EnrollmentConfiguration &c : order.defaults)
            addConfigurationRow(table, c, CliCommand::tr("last"), true);
    }
    return table.toString();
}

} // namespace cli

QString ConfigsCommand::prepare(const QStringList &)
{
    if (!m_cx.options.configType)
        return {};
    PriorityOrderKey key;
    if (!cli::parseConfigurationType(*m_cx.options.configType, &key))
        return tr("'%1' is not a configuration type; --type takes one of: %2 (platform-restriction:PLATFORM "
                  "for one platform, such as platform-restriction:windows).")
            .arg(TextTable::terminalSafe(m_cx.options.configType->left(60)), cli::configurationTypeWords());
    m_type = key;
    return {};
}

GraphRequest ConfigsCommand::firstRequest() const
{
    return m_type ? service()->listConfigurationsForOrderRequest() : service()->listConfigurationsRequest();
}

void ConfigsCommand::run()
{
    if (m_type)
        return runForType();
    if (m_cx.options.json) {
        // Graph's objects as received; the typed values would go unread.
        service()->listConfigurationObjects(this, [this](const Result<QJsonArray> &read) {
            if (!read)
                return m_cx.failService(read.error());
            m_cx.writeJson(read.value());
            m_cx.finish(CliApp::ExitOk);
        });
        return;
    }
    service()->listConfigurations(this, [this](const Result<QList<EnrollmentConfiguration>> &read) {
        if (!read)
            return m_cx.failService(read.error());
        const QList<EnrollmentConfiguration> &configurations = read.value();
        if (configurations.isEmpty()) {
            m_cx.writeOut(tr("No enrollment configurations.\n"));
            return m_cx.finish(CliApp::ExitOk);
        }
        m_cx.writeOut(cli::configurationsTable(configurations));
        m_cx.finish(CliApp::ExitOk);
    });
}

void ConfigsCommand::runForType()
{
    // Read on beta: single-platform restrictions show their platform there, and each platform has its own order.
    service()->listConfigurationsForOrder(this, [this](const Result<Listing<EnrollmentConfiguration>> &read) {
        if (!read)
            return m_cx.failService(read.error());
        const PriorityOrderKey wanted = *m_type;
        const QList<PriorityOrder> orders
            = PriorityOrder::allOf(read.value().items, [&wanted](const PriorityOrderKey &key) {
                  return key.kind == wanted.kind
                      && (wanted.platform.isEmpty() || key.platform.compare(wanted.platform, Qt::CaseInsensitive) == 0);
              });
        if (m_cx.options.json) {
            // Graph's objects as received, in the order of the table.
            QHash<QString, QJsonObject> objects;
            for (const QJsonValue &v : read.value().objects)
                objects.insert(v.toObject().value(u"id"_s).toString(), v.toObject());
            QJsonArray array;
            for (const PriorityOrder &order : orders) {
                for (const auto *list : {&order.ranked, &order.defaults}) {
                    for (const EnrollmentConfiguration &c : *list)
                        array.append(objects.value(c.id));
                }
            }
            m_cx.writeJson(array);
            return m_cx.finish(CliApp::ExitOk);
        }
        if (orders.isEmpty()) {
            m_cx.writeOut(tr("No enrollment configurations of type %1.\n").arg(cli::configurationTypeWord(wanted)));
            return m_cx.finish(CliApp::ExitOk);
        }
        m_cx.writeOut(cli::ordersTable(orders));
        m_cx.finish(CliApp::ExitOk);
    });
}

// --- assignments --------------------------------------------------------------

QString AssignmentsCommand::prepare(const QStringList &args)
{
    m_cx.configurationId = args.at(0);
    return AssignmentService::configurationIdProblem(m_cx.configurationId);
}

GraphRequest AssignmentsCommand::firstRequest() const
{
    return service()->listAssignmentsRequest(m_cx.configurationId);
}

void AssignmentsCommand::run()
{
    service()->listAssignmentsAsRead(m_cx.configurationId, this, [this](const Result<Listing<Assignment>> &read) {
        if (!read)
            return m_cx.failService(read.error());
        // Graph's objects as received: names are the CLI's addition to the table, not to Graph's data.
        if (m_cx.options.json) {
            m_cx.writeJson(read.value().objects);
            return m_cx.finish(CliApp::ExitOk);
        }
        const QList<Assignment> assignments = read.value().items;
        QStringList groupIds;
        for (const Assignment &a : assignments) {
            if (a.target.isGroupTarget() && !a.target.groupId().isEmpty())
                groupIds << a.target.groupId();
        }
        if (groupIds.isEmpty()) {
            printAssignments(assignments, nullptr);
            return m_cx.finish(CliApp::ExitOk);
        }
        m_cx.session->groups()->resolve(
            groupIds, this, [this, assignments](const Result<QHash<QString, GroupName>> &names) {
                if (!names) {
                    // The assignments were read; only the names are missing. Not a failure.
                    const GraphError &e = names.error();
                    QString note = tr("Note: the group names could not be read (%1); the table shows group ids only.")
                                       .arg(TextTable::terminalSafe(e.summary()));
                    if (e.httpStatus == 403)
                        note += u' '
                            + tr("Reading names needs GroupMember.Read.All, Group.Read.All or Directory.Read.All.");
                    m_cx.writeErr(note + u'\n');
                    printAssignments(assignments, nullptr);
                } else {
                    printAssignments(assignments, &names.value());
                }
                m_cx.finish(CliApp::ExitOk);
            });
    });
}

void AssignmentsCommand::printAssignments(const QList<Assignment> &assignments, const QHash<QString, GroupName> *names)
{
    if (assignments.isEmpty())
        return m_cx.writeOut(tr("No assignments.\n"));
    bool anyFilter = false;
    bool anySource = false;
    bool anyGroup = false;
    for (const Assignment &a : assignments) {
        anyFilter = anyFilter || a.target.hasFilter();
        // Only beta has `source`; v1.0 leaves it out.
        anySource = anySource || !a.source.isEmpty();
        anyGroup = anyGroup || a.target.isGroupTarget();
    }
    const bool withNames = names && anyGroup;
    QStringList headers = {tr("ID"), tr("TARGET"), tr("GROUP / COLLECTION")};
    if (withNames)
        headers << tr("GROUP NAME");
    if (anyFilter)
        headers << tr("FILTER");
    if (anySource)
        headers << tr("SOURCE");
    TextTable table(headers);
    for (const Assignment &a : assignments) {
        QString kind = a.target.kindDisplayName();
        if (a.target.kind() == AssignmentTarget::Kind::Unknown && !a.target.rawODataType().isEmpty())
            kind += u" ("_s + a.target.rawODataType() + u')';
        QStringList row = {a.id, kind, a.target.subject().isEmpty() ? u"-"_s : a.target.subject()};
        if (withNames) {
            QString name = u"-"_s;
            if (a.target.isGroupTarget()) {
                const GroupName group = names->value(a.target.groupId().toLower());
                if (group.deleted)
                    name = tr("(deleted group)");
                else if (!group.displayName.isEmpty())
                    name = group.displayName;
                else
                    name = tr("(unknown)");
            }
            row << name;
        }
        if (anyFilter) {
            row << (a.target.hasFilter()
                    ? AssignmentTarget::filterModeName(a.target.filterMode()) + u' ' + a.target.filterId()
                    : u"-"_s);
        }
        if (anySource) {
            if (a.source == QLatin1String("policySets"))
                row << tr("policy set %1").arg(a.sourceId);
            else if (a.source == QLatin1String("direct"))
                row << tr("direct");
            else
                row << (a.source.isEmpty() ? u"-"_s : a.source);
        }
        table.addRow(row);
    }
    m_cx.writeOut(table.toString());
}

// --- groups -------------------------------------------------------------------

QString GroupsCommand::prepare(const QStringList &args)
{
    QString problem;
    m_searchText = ids::sanitizeSearchText(args.at(0), &problem);
    if (problem.isEmpty() && m_searchText.isEmpty())
        problem = tr("Give the start of a group name to search for.");
    return problem;
}

GraphRequest GroupsCommand::firstRequest() const
{
    return service()->findGroupsRequest(m_searchText);
}

void GroupsCommand::run()
{
    service()->findGroups(m_searchText, this, [this](const Result<GroupSearchResult> &found) {
        if (!found)
            return m_cx.failService(found.error());
        const GroupSearchResult &result = found.value();
        if (result.hasMore) {
            m_cx.writeErr(tr("More groups start with '%1' than the first %2 shown; type more of the name.\n")
                              .arg(TextTable::terminalSafe(m_searchText))
                              .arg(result.objects.size()));
        }
        if (m_cx.options.json) {
            m_cx.writeJson(result.objects);
            return m_cx.finish(CliApp::ExitOk);
        }
        const QList<Group> &groups = result.groups;
        if (groups.isEmpty()) {
            m_cx.writeOut(tr("No group's name starts with '%1'.\n").arg(TextTable::terminalSafe(m_searchText)));
            return m_cx.finish(CliApp::ExitOk);
        }
        TextTable table({tr("ID"), tr("NAME")});
        for (const Group &g : groups)
            table.addRow({g.id, g.displayName});
        m_cx.writeOut(table.toString());
        m_cx.finish(CliApp::ExitOk);
    });
}

// --- filters ------------------------------------------------------------------

QString FiltersCommand::prepare(const QStringList &)
{
    if (m_cx.options.apiVersion != ApiVersion::Beta)
        return tr("Assignment filters exist only on the beta API; add --api beta.");
    return {};
}

GraphRequest FiltersCommand::firstRequest() const
{
    return service()->listAssignmentFiltersRequest();
}

void FiltersCommand::run()
{
    service()->listAssignmentFiltersAsRead(this, [this](const Result<Listing<AssignmentFilter>> &read) {
        if (!read)
            return m_cx.failService(read.error());
        if (m_cx.options.json) {
            m_cx.writeJson(read.value().objects);
            return m_cx.finish(CliApp::ExitOk);
        }
        const QList<AssignmentFilter> &filters = read.value().items;
        if (filters.isEmpty()) {
            m_cx.writeOut(tr("No assignment filters.\n"));
            return m_cx.finish(CliApp::ExitOk);
        }
        TextTable table({tr("ID"), tr("NAME"), tr("PLATFORM"), tr("RULE")});
        for (const AssignmentFilter &f : filters)
            table.addRow({f.id, f.displayName, f.platform, f.rule});
        m_cx.writeOut(table.toString());
        m_cx.finish(CliApp::ExitOk);
    });
}

} // namespace ea
