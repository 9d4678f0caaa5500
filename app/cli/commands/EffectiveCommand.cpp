#include "cli/commands/EffectiveCommand.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "service/AssignmentService.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

QJsonObject matchJson(const EffectiveMatch &m)
{
    QJsonObject o {
        {u"configurationId"_s, m.configurationId},
        {u"displayName"_s, m.displayName},
        {u"priority"_s, m.priority},
        {u"reason"_s, m.reasonKey()},
        {u"description"_s, m.describe()},
    };
    if (!m.assignmentId.isEmpty())
        o.insert(u"assignmentId"_s, m.assignmentId);
    if (m.reason == EffectiveMatch::Reason::Group) {
        QJsonObject group {{u"id"_s, m.group.id}, {u"displayName"_s, m.group.displayName}};
        // Graph's transitive read does not say through which groups: only a known path is printed.
        if (m.group.pathKnown)
            group.insert(u"via"_s, QJsonArray::fromStringList(m.group.via));
        o.insert(u"group"_s, group);
    }
    if (!m.collectionId.isEmpty())
        o.insert(u"collectionId"_s, m.collectionId);
    if (m.dependsOnFilter()) {
        QJsonObject filter {{u"id"_s, m.filterId}, {u"mode"_s, AssignmentTarget::filterModeName(m.filterMode)}};
        if (!m.filterName.isEmpty())
            filter.insert(u"displayName"_s, m.filterName);
        o.insert(u"filter"_s, filter);
    }
    return o;
}

QJsonArray matchesJson(const QList<EffectiveMatch> &matches)
{
    QJsonArray out;
    for (const EffectiveMatch &m : matches)
        out.append(matchJson(m));
    return out;
}

} // namespace

QString EffectiveCommand::prepare(const QStringList &)
{
    const CliOptions &o = m_cx.options;
    if (o.effectiveUser.has_value() == o.effectiveGroup.has_value())
        return tr("'effective' needs exactly one of --user UPN_OR_ID and --group GROUP_ID.");
    m_kind = o.effectiveUser ? Principal::Kind::User : Principal::Kind::Group;
    m_principal = (o.effectiveUser ? *o.effectiveUser : *o.effectiveGroup).trimmed();
    return AssignmentService::principalProblem(m_kind, m_principal);
}

GraphRequest EffectiveCommand::firstRequest() const
{
    return service()->principalGroupsRequest(m_kind, m_principal);
}

QString EffectiveCommand::dryRunNote() const
{
    return tr("Without --dry-run this read is followed by one read of every configuration with its assignments "
              "(GET .../deviceEnrollmentConfigurations?$expand=assignments, every page).\n");
}

QString EffectiveCommand::principalLabel() const
{
    return m_kind == Principal::Kind::User ? tr("user %1").arg(m_principal) : tr("group %1").arg(m_principal);
}

void EffectiveCommand::run()
{
    service()->readPrincipal(m_kind, m_principal, this, [this](const Result<PrincipalRead> &groups) {
        if (!groups) {
            if (groups.error().httpStatus == 403)
                m_cx.writeErr(tr("Reading group memberships needs GroupMember.Read.All or Directory.Read.All.\n"));
            return m_cx.failService(groups.error());
        }
        const PrincipalRead principal = groups.value();
        service()->listConfigurationsWithAssignments(
            this, [this, principal](const Result<Listing<EnrollmentConfiguration>> &read) {
                if (!read)
                    return m_cx.failService(read.error());
                QList<EffectiveTypeResult> results
                    = EffectiveConfiguration::resolve(read.value().items, principal.principal);
                // A third, small read only where the answer depends on a filter (beta): names over ids.
                service()->readFilterNames(EffectiveConfiguration::filterIds(results), this,
                    [this, principal, results](const Result<QHash<QString, QString>> &names) mutable {
                        if (names)
                            EffectiveConfiguration::nameFilters(results, names.value());
                        else
                            m_cx.writeErr(tr("Note: the assignment filters could not be read (%1); they are "
                                             "named by id.\n")
                                              .arg(names.error().summary()));
                        print(principal.objects, results);
                    });
            });
    });
}

void EffectiveCommand::print(const QJsonArray &memberOf, const QList<EffectiveTypeResult> &results)
{
    if (m_cx.options.json) {
        QJsonArray types;
        for (const EffectiveTypeResult &r : results) {
            QJsonObject t {
                {u"type"_s, r.typeKey},
                {u"typeName"_s, r.typeName},
                {u"winner"_s, r.winner ? QJsonValue(matchJson(*r.winner)) : QJsonValue(QJsonValue::Null)},
                {u"tiedWithWinner"_s, matchesJson(r.tiedWithWinner)},
                {u"lowerRanked"_s, matchesJson(r.lowerRanked)},
                {u"excluded"_s, matchesJson(r.excluded)},
                {u"default"_s,
                    r.defaultConfiguration ? QJsonValue(matchJson(*r.defaultConfiguration))
                                           : QJsonValue(QJsonValue::Null)},
                {u"defaultApplies"_s, r.defaultApplies},
                {u"notes"_s, QJsonArray::fromStringList(r.notes)},
            };
            if (!r.platform.isEmpty())
                t.insert(u"platform"_s, r.platform);
            types.append(t);
        }
        // The principal's groups as Graph sent them.
        m_cx.writeJson(QJsonObject {
            {u"principal"_s,
                QJsonObject {{u"kind"_s, m_kind == Principal::Kind::User ? u"user"_s : u"group"_s},
                    {u"id"_s, m_principal}, {u"transitiveMemberOf"_s, memberOf}}},
            {u"types"_s, types},
        });
        return m_cx.finish(CliApp::ExitOk);
    }

    QString text = tr("Enrollment configurations for %1 (member of %n group(s), nested ones included)\n", nullptr,
        int(memberOf.size()))
                       .arg(principalLabel());
    const auto line = [&text](const QString &label, const QString &value) {
        text += u"  "_s + label.leftJustified(10) + u' ' + TextTable::terminalSafe(value) + u'\n';
    };
    const auto configuration = [](const EffectiveMatch &m) {
        return tr("“%1” (priority %2, %3)").arg(m.displayName).arg(m.priority).arg(m.configurationId);
    };
    for (const EffectiveTypeResult &r : results) {
        text += u'\n' + TextTable::terminalSafe(r.typeName) + u'\n';
        if (r.winner)
            line(tr("gets"), tr("%1 through %2").arg(configuration(*r.winner), r.winner->describe()));
        else if (r.defaultApplies)
            line(tr("gets"), tr("the default %1").arg(configuration(*r.defaultConfiguration)));
        else
            line(tr("gets"), tr("nothing of this type (none targets it and the tenant lists no default)"));
        for (const EffectiveMatch &m : r.tiedWithWinner)
            line(tr("tied"), tr("%1 through %2").arg(configuration(m), m.describe()));
        for (const EffectiveMatch &m : r.lowerRanked)
            line(tr("also"), tr("%1 through %2").arg(configuration(m), m.describe()));
        for (const EffectiveMatch &m : r.excluded)
            line(tr("excluded"), tr("%1, excluded by %2").arg(configuration(m), m.describe()));
        if (r.defaultConfiguration && !r.defaultApplies)
            line(tr("default"),
                tr("%1, for everyone nothing above applies to").arg(configuration(*r.defaultConfiguration)));
        for (const QString &note : r.notes)
            line(tr("note"), note);
    }
    m_cx.writeOut(text);
    m_cx.finish(CliApp::ExitOk);
}

} // namespace ea
