// The group report as files for people: CSV (through the one CSV writer)
// and a self-contained HTML page for a change ticket.

#include "domain/CsvText.h"
#include "domain/GroupReport.h"

using namespace Qt::StringLiterals;

namespace ea {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString cellsRow(const QStringList &cells, const char *tag = "td")
{
    const QString t = QLatin1String(tag);
    QString html = u"<tr>"_s;
    for (const QString &c : cells)
        html += u'<' + t + u'>' + esc(c) + u"</"_s + t + u'>';
    return html + u"</tr>\n"_s;
}

// Plain and printable: a ticket system may show it in a narrow frame, and a
// printout should keep the table lines.
const char *const kStyle
    = R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;color:#1b1b1b;background:#fff}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border:1px solid #c8c8c8;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right}tr.wins td{background:#eaf5ea}tr.excluded td{background:#fbeaea}
.id{font-family:ui-monospace,Consolas,monospace;font-size:.9em;color:#555}ul{margin:.3em 0}footer{margin-top:2em;color:#666;font-size:.85em})";

} // namespace

QStringList GroupReport::csvHeader()
{
    return {tr("Type"), tr("Configuration"), tr("Configuration id"), tr("Priority"), tr("Intent"), tr("Group"),
        tr("Group id"), tr("Reaches the group"), tr("Filter"), tr("Filter id"), tr("Filter mode"),
        tr("For the members"), tr("Assignment id")};
}

QString GroupReport::toCsv() const
{
    QString text = csv::row(csvHeader());
    for (const GroupReportRow &r : rows) {
        text += csv::row({r.typeName, r.configurationName, r.configurationId, QString::number(r.priority),
            r.intentText(), r.group.displayName, r.group.id, r.throughText(), r.filterName, r.filterId,
            r.filterId.isEmpty() ? QString() : AssignmentTarget::filterModeName(r.filterMode), r.standingText(),
            r.assignmentId});
    }
    return text;
}

QString GroupReport::toHtml() const
{
    const QString title
        = tr("Enrollment configurations for group %1").arg(groupName.isEmpty() ? groupId : u'“' + groupName + u'”');
    QString html = u"<!DOCTYPE html>\n<html lang=\""_s + esc(tr("en", "HTML language code of the report"))
        + u"\">\n<head>\n<meta charset=\"utf-8\">\n"_s
        // Nothing may load or run, even if a name slipped through unescaped.
        + u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"_s
        + u"<title>"_s + esc(title) + u"</title>\n<style>\n"_s + QLatin1String(kStyle)
        + u"\n</style>\n</head>\n<body>\n"_s;
    html += u"<h1>"_s + esc(title) + u"</h1>\n<dl>\n"_s;
    const auto fact = [&html](const QString &term, const QString &value, bool id = false) {
        html += u"<dt>"_s + esc(term) + u"</dt><dd"_s + (id ? u" class=\"id\""_s : QString()) + u'>' + esc(value)
            + u"</dd>\n"_s;
    };
    fact(tr("Group"), groupName.isEmpty() ? tr("(name not known)") : groupName);
    fact(tr("Group id"), groupId, true);
    fact(tr("Tenant"), tenant);
    fact(tr("Generated"), generatedAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s));
    QStringList parentNames;
    for (const PrincipalGroup &g : parents)
        parentNames << g.label();
    fact(tr("Nested in"), parentNames.isEmpty() ? tr("no other group") : parentNames.join(u", "_s));
    fact(tr("Read"), tr("%n enrollment configuration(s) with their assignments", nullptr, configurationCount));
    html += u"</dl>\n"_s;

    html += u"<h2>"_s + esc(tr("What the members get, per type")) + u"</h2>\n<table>\n"_s;
    html += cellsRow({tr("Type"), tr("Gets")}, "th");
    for (const EffectiveTypeResult &t : types) {
        html += cellsRow({t.typeName, winnerText(t)});
    }
    html += u"</table>\n"_s;

    html += u"<h2>"_s + esc(tr("Assignments that include or exclude the group or a parent group")) + u"</h2>\n"_s;
    if (rows.isEmpty()) {
        html += u"<p>"_s + esc(tr("No enrollment configuration names the group or a group it is nested in."))
            + u"</p>\n"_s;
    } else {
        html += u"<table>\n"_s
            + cellsRow({tr("Type"), tr("Configuration"), tr("Priority"), tr("Intent"), tr("Reaches the group"),
                           tr("Filter"), tr("For the members")},
                "th");
        for (const GroupReportRow &r : rows) {
            const QString rowClass = r.standing == GroupReportRow::Standing::Wins ? u" class=\"wins\""_s
                : r.standing == GroupReportRow::Standing::Excluded                ? u" class=\"excluded\""_s
                                                                                  : QString();
            html += u"<tr"_s + rowClass + u"><td>"_s + esc(r.typeName) + u"</td><td>"_s + esc(r.configurationName)
                + u"<br><span class=\"id\">"_s + esc(r.configurationId) + u"</span></td><td class=\"num\">"_s
                + QString::number(r.priority) + u"</td><td>"_s + esc(r.intentText()) + u"</td><td>"_s
                + esc(r.throughText()) + u"</td><td>"_s + esc(r.filterText()) + u"</td><td>"_s + esc(r.standingText())
                + u"</td></tr>\n"_s;
        }
        html += u"</table>\n"_s;
    }
    QStringList allNotes = notes;
    for (const EffectiveTypeResult &t : types) {
        for (const QString &n : t.notes)
            allNotes << t.typeName + u": "_s + n;
    }
    if (!allNotes.isEmpty()) {
        html += u"<h2>"_s + esc(tr("Notes")) + u"</h2>\n<ul>\n"_s;
        for (const QString &n : allNotes)
            html += u"<li>"_s + esc(n) + u"</li>\n"_s;
        html += u"</ul>\n"_s;
    }
    html += u"<footer>"_s + esc(tr("Made by Enrollment Assigner from Microsoft Graph reads; nothing was changed."))
        + u"</footer>\n</body>\n</html>\n"_s;
    return html;
}

} // namespace ea
