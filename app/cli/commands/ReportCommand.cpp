#include "cli/commands/ReportCommand.h"

#include "cli/CliApp.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "service/AssignmentService.h"

#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

QString ReportCommand::prepare(const QStringList &)
{
    if (!m_cx.options.effectiveGroup)
        return tr("'report' needs --group GROUP_ID (the group's object id; find it with 'groups').");
    m_groupId = m_cx.options.effectiveGroup->trimmed();
    const QString format = m_cx.options.outputFormat.value_or(m_cx.options.json ? u"json"_s : u"text"_s).toLower();
    if (format == QLatin1String("text"))
        m_format = Format::Text;
    else if (format == QLatin1String("csv"))
        m_format = Format::Csv;
    else if (format == QLatin1String("html"))
        m_format = Format::Html;
    else if (format == QLatin1String("json"))
        m_format = Format::Json;
    else
        return tr("'%1' is not a report format; use text, csv, html or json.")
            .arg(TextTable::terminalSafe(format.left(40)));
    if (const QString problem = AssignmentService::principalProblem(Principal::Kind::Group, m_groupId);
        !problem.isEmpty())
        return problem;
    return m_cx.outputPathProblem();
}

GraphRequest ReportCommand::firstRequest() const
{
    return service()->principalGroupsRequest(Principal::Kind::Group, m_groupId);
}

QString ReportCommand::dryRunNote() const
{
    return tr("Without --dry-run this read is followed by one read of every configuration with its assignments "
              "on beta (GET .../deviceEnrollmentConfigurations?$expand=assignments, every page), the assignment "
              "filters when an assignment of the group has one, and the group's name.\n");
}

void ReportCommand::run()
{
    auto *reports = new ReportService(m_cx.session, this);
    reports->groupReport(m_groupId, this, [this](const Result<GroupReport> &read) {
        if (!read) {
            if (read.error().httpStatus == 403)
                m_cx.writeErr(tr("Reading group memberships needs GroupMember.Read.All or Directory.Read.All.\n"));
            return m_cx.failService(read.error());
        }
        const GroupReport &report = read.value();
        QByteArray bytes;
        switch (m_format) {
        case Format::Text: bytes = text(report).toUtf8(); break;
        case Format::Csv: bytes = report.toCsv().toUtf8(); break;
        case Format::Html: bytes = report.toHtml().toUtf8(); break;
        case Format::Json:
            bytes = cli::withUtf8SurrogatePairs(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
            break;
        }
        if (!m_cx.writeDocument(bytes))
            return;
        if (m_cx.options.outputPath)
            m_cx.writeErr(tr("Wrote the report on %1 to %2.\n")
                              .arg(report.groupLabel(), QDir::toNativeSeparators(*m_cx.options.outputPath)));
        m_cx.finish(CliApp::ExitOk);
    });
}

QString ReportCommand::text(const GroupReport &report) const
{
    QString out = tr("Group report for %1\n").arg(TextTable::terminalSafe(report.groupLabel()));
    out += tr("Tenant %1, %2\n")
               .arg(TextTable::terminalSafe(report.tenant),
                   report.generatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
    QStringList parents;
    for (const PrincipalGroup &g : report.parents)
        parents << u'“' + g.label() + u'”';
    out += parents.isEmpty() ? tr("Nested in no other group.\n")
                             : tr("Nested in %1.\n").arg(TextTable::terminalSafe(parents.join(u", "_s)));
    out += tr("%n configuration(s) read with their assignments.\n", nullptr, report.configurationCount);

    out += u'\n' + tr("What the members get, per type:") + u'\n';
    TextTable types({tr("Type"), tr("Gets")});
    for (const EffectiveTypeResult &t : report.types)
        types.addRow({t.typeName, GroupReport::winnerText(t)});
    out += types.toString();

    out += u'\n' + tr("Assignments that include or exclude the group or a parent group:") + u'\n';
    if (report.rows.isEmpty()) {
        out += tr("  none\n");
    } else {
        TextTable rows({tr("Type"), tr("Configuration"), tr("Priority"), tr("Intent"), tr("Reaches the group"),
            tr("Filter"), tr("For the members")});
        for (const GroupReportRow &r : report.rows)
            rows.addRow({r.typeName, r.configurationName, QString::number(r.priority), r.intentText(), r.throughText(),
                r.filterText(), r.standingText()});
        out += rows.toString();
    }
    for (const QString &note : report.notes)
        out += u'\n' + tr("Note: %1").arg(TextTable::terminalSafe(note)) + u'\n';
    return out;
}

} // namespace ea
