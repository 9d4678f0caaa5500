#include "cli/commands/ReadCommands.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "domain/Identifiers.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

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

GraphRequest ConfigsCommand::firstRequest() const
{
    return service()->listConfigurationsRequest();
}

void ConfigsCommand::run()
{
    service()->listConfigurationsAsRead(this, [this](const Result<Listing<EnrollmentConfiguration>> &read) {
        if (!read)
            return m_cx.failService(read.error());
        if (m_cx.options.json) {
            m_cx.writeJson(read.value().objects);
            return m_cx.finish(CliApp::ExitOk);
        }
        const QList<EnrollmentConfiguration> &configurations = read.value().items;
        if (configurations.isEmpty()) {
            m_cx.writeOut(tr("No enrollment configurations.\n"));
            return m_cx.finish(CliApp::ExitOk);
        }
        TextTable table({tr("ID"), tr("TYPE"), tr("PRIORITY"), tr("NAME"), tr("LAST MODIFIED")});
        for (const EnrollmentConfiguration &c : configurations) {
            QString type = c.kind() == EnrollmentConfiguration::Kind::Unknown && !c.odataType.isEmpty()
                ? tr("Other (%1)").arg(c.odataType.section(u'.', -1))
                : c.typeDisplayName();
            if (c.isDefault())
                type = tr("%1 (default)").arg(type);
            table.addRow(
                {c.id, type, QString::number(c.priority), c.displayName, formatDateTime(c.lastModifiedDateTime)});
        }
        m_cx.writeOut(table.toString());
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
