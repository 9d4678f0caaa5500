#include "domain/PlanFile.h"

#include "domain/Identifiers.h"
#include "domain/InputFile.h"
#include "domain/TenantExport.h"

#include <QHash>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>

namespace ea {

namespace {

struct Record
{
    int line = 0;
    QStringList fields;
};

// RFC 4180 records with the line each starts on. Returns false with a
// problem for an unterminated quote (the rest of the file is one field then,
// and nothing after it can be trusted).
bool splitCsv(const QString &text, QList<Record> *records, PlanProblem *problem)
{
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        Record record;
        record.line = line;
        QString field;
        bool quoted = false;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i >= n) {
                record.fields.append(quoted ? field : field.trimmed());
                break;
            }
            const QChar c = text.at(i);
            if (c == u'"' && field.trimmed().isEmpty() && !quoted) {
                // An opening quote: everything up to the closing one is data.
                field.clear();
                quoted = true;
                const int startLine = line;
                ++i;
                for (;;) {
                    if (i >= n) {
                        *problem = {startLine, PlanFile::tr("a quoted field is never closed")};
                        return false;
                    }
                    const QChar q = text.at(i);
                    if (q == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (q == u'\n')
                        ++line;
                    field += q;
                    ++i;
                }
                continue;
            }
            if (c == u',') {
                record.fields.append(quoted ? field : field.trimmed());
                field.clear();
                quoted = false;
                ++i;
                continue;
            }
            if (c == u'\r' || c == u'\n') {
                record.fields.append(quoted ? field : field.trimmed());
                if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                    ++i;
                ++i;
                ++line;
                endOfRecord = true;
                continue;
            }
            if (quoted) {
                // Text after a closing quote ("a"b): not CSV.
                if (!c.isSpace()) {
                    *problem = {line, PlanFile::tr("text after a closing quote")};
                    return false;
                }
                ++i;
                continue;
            }
            field += c;
            ++i;
        }
        records->append(record);
    }
    return true;
}

bool isBlankOrComment(const Record &r)
{
    if (r.fields.size() == 1 && r.fields.first().isEmpty())
        return true;
    return !r.fields.isEmpty() && r.fields.first().startsWith(u'#');
}

enum Column { Configuration, Action, Target, Filter, FilterMode, ColumnCount };

const char *const kColumnNames[ColumnCount] = {"configuration", "action", "target", "filter", "filterMode"};

// A key that compares like AssignmentTarget::sameTargetAs (ids case-insensitive), with the configuration.
QString rowKey(const PlanRow &row)
{
    const AssignmentTarget &t = row.target;
    return (row.configurationId + u'|' + targetSpec(t) + u'|' + t.filterId() + u'|'
        + AssignmentTarget::filterModeName(t.filterMode()))
        .toLower();
}

// The properties of an entry and of its target that a row carries; anything else with a value would
// be lost by recreating the entry from a row. Annotations ("@odata.type", "…@odata.…") are Graph's.
QStringList uncarriedProperties(const Assignment &a)
{
    static const QStringList kEntryKeys {
        QStringLiteral("id"), QStringLiteral("target"), QStringLiteral("source"), QStringLiteral("sourceId")};
    static const QStringList kTargetKeys {QStringLiteral("deviceAndAppManagementAssignmentFilterId"),
        QStringLiteral("deviceAndAppManagementAssignmentFilterType")};
    QStringList out;
    for (auto it = a.raw.begin(); it != a.raw.end(); ++it) {
        if (!it.key().contains(u'@') && !kEntryKeys.contains(it.key()) && !it.value().isNull())
            out << it.key();
    }
    const QJsonObject target = a.raw.value(QStringLiteral("target")).toObject();
    const QString subjectKey = a.target.isGroupTarget()                  ? QStringLiteral("groupId")
        : a.target.kind() == AssignmentTarget::Kind::ConfigMgrCollection ? QStringLiteral("collectionId")
                                                                         : QString();
    for (auto it = target.begin(); it != target.end(); ++it) {
        if (!it.key().contains(u'@') && !kTargetKeys.contains(it.key()) && it.key() != subjectKey
            && !it.value().isNull())
            out << QStringLiteral("target.") + it.key();
    }
    return out;
}

// Past the white space (and a byte-order mark) at the start: does the text open JSON?
bool looksLikeJson(const QByteArray &bytes)
{
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (
        i < bytes.size() && (bytes.at(i) == ' ' || bytes.at(i) == '\t' || bytes.at(i) == '\r' || bytes.at(i) == '\n'))
        ++i;
    return i < bytes.size() && (bytes.at(i) == '{' || bytes.at(i) == '[');
}

} // namespace

QString PlanRow::actionName(Action action)
{
    return action == Action::Add ? QStringLiteral("add") : QStringLiteral("remove");
}

QString PlanRow::describe() const
{
    QString text = actionName(action) + u' ' + targetSpec(target);
    if (target.hasFilter())
        text += QStringLiteral(" (filter %1 %2)")
                    .arg(target.filterId(), AssignmentTarget::filterModeName(target.filterMode()));
    return text;
}

QString PlanRow::place() const
{
    return line > 0 ? PlanFile::tr("line %1").arg(line) : origin;
}

PlanProblem PlanRow::problem(const QString &message) const
{
    return {line, line > 0 || origin.isEmpty() ? message : PlanFile::tr("%1: %2").arg(origin, message)};
}

QString PlanProblem::text() const
{
    return line > 0 ? PlanFile::tr("line %1: %2").arg(line).arg(message) : message;
}

ParsedPlan PlanFile::parseCsv(const QByteArray &utf8)
{
    ParsedPlan plan;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(utf8);
    if (decoder.hasError()) {
        plan.problems.append({0, tr("The plan is not UTF-8 text.")});
        return plan;
    }
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1); // a byte-order mark, as spreadsheet programs write

    QList<Record> records;
    PlanProblem broken;
    if (!splitCsv(text, &records, &broken)) {
        plan.problems.append(broken);
        return plan;
    }
    qsizetype next = 0;
    while (next < records.size() && isBlankOrComment(records.at(next)))
        ++next;
    if (next == records.size()) {
        plan.problems.append({0,
            tr("The plan is empty: it needs the header %1 and one row per change.")
                .arg(QStringLiteral("configuration,action,target,filter,filterMode"))});
        return plan;
    }

    // The header names the columns.
    const Record &header = records.at(next++);
    int columnOf[ColumnCount] = {-1, -1, -1, -1, -1};
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i);
        int found = -1;
        for (int c = 0; c < ColumnCount; ++c) {
            if (name.compare(QLatin1String(kColumnNames[c]), Qt::CaseInsensitive) == 0)
                found = c;
        }
        if (found < 0 || columnOf[found] >= 0) {
            plan.problems.append({header.line,
                found < 0 ? tr("'%1' is not a column of a plan (configuration, action, target, filter, filterMode)")
                                .arg(ids::printable(name, 40))
                          : tr("the column '%1' appears twice").arg(name)});
            continue;
        }
        columnOf[found] = i;
    }
    for (const Column required : {Configuration, Action, Target}) {
        if (columnOf[required] < 0)
            plan.problems.append(
                {header.line, tr("the header has no '%1' column").arg(QLatin1String(kColumnNames[required]))});
    }
    if (!plan.problems.isEmpty())
        return plan;

    for (; next < records.size(); ++next) {
        const Record &r = records.at(next);
        if (isBlankOrComment(r))
            continue;
        if (plan.rows.size() + plan.problems.size() >= kMaxRows) {
            plan.problems.append({r.line, tr("a plan has at most %1 rows").arg(kMaxRows)});
            break;
        }
        if (r.fields.size() != header.fields.size()) {
            plan.problems.append(
                {r.line, tr("%1 fields where the header has %2").arg(r.fields.size()).arg(header.fields.size())});
            continue;
        }
        const auto field = [&](Column c) {
            return columnOf[c] < 0 ? QString() : r.fields.at(columnOf[c]);
        };
        PlanRow row;
        row.line = r.line;
        row.configurationId = field(Configuration);
        QStringList rowProblems;
        if (!ids::isConfigurationId(row.configurationId))
            rowProblems
                << tr("'%1' is not an enrollment configuration id").arg(ids::printable(row.configurationId, 80));
        const QString action = field(Action).toLower();
        if (action == QLatin1String("add"))
            row.action = PlanRow::Action::Add;
        else if (action == QLatin1String("remove"))
            row.action = PlanRow::Action::Remove;
        else
            rowProblems << tr("action '%1' is not add or remove").arg(ids::printable(field(Action), 40));
        QString targetProblem;
        if (!parseTargetSpec(field(Target), &row.target, &targetProblem))
            rowProblems << targetProblem;
        const QString filterId = field(Filter);
        const QString modeText = field(FilterMode);
        AssignmentTarget::FilterMode mode = AssignmentTarget::FilterMode::Include;
        if (!modeText.isEmpty()
            && (!AssignmentTarget::parseFilterMode(modeText, &mode) || mode == AssignmentTarget::FilterMode::None))
            rowProblems << tr("filter mode '%1' is not include or exclude").arg(ids::printable(modeText, 40));
        else if (!modeText.isEmpty() && filterId.isEmpty())
            rowProblems << tr("a filter mode without a filter id");
        if (!filterId.isEmpty() && !ids::isGuid(filterId))
            rowProblems << tr("the filter id '%1' is not a GUID").arg(ids::printable(filterId, 80));
        if (rowProblems.isEmpty() && !filterId.isEmpty())
            row.target.setFilter(filterId.toLower(), mode);
        for (const QString &p : std::as_const(rowProblems))
            plan.problems.append({r.line, p});
        if (rowProblems.isEmpty())
            plan.rows.append(row);
    }
    if (plan.rows.isEmpty() && plan.problems.isEmpty())
        plan.problems.append({0, tr("The plan has a header but no rows.")});
    plan.problems += crossRowProblems(plan.rows);
    std::stable_sort(plan.problems.begin(), plan.problems.end(),
        [](const PlanProblem &a, const PlanProblem &b) { return a.line < b.line; });
    return plan;
}

ParsedPlan PlanFile::readFile(const QString &path)
{
    QString problem;
    const std::optional<QByteArray> bytes = InputFile::read(path, tr("The plan"), &problem);
    if (!bytes) {
        ParsedPlan plan;
        plan.problems.append({0, problem});
        return plan;
    }
    return parse(*bytes);
}

ParsedPlan PlanFile::parse(const QByteArray &bytes)
{
    return looksLikeJson(bytes) ? parseExport(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes)
                                : parseCsv(bytes);
}

QString PlanFile::rowProblemOf(const Assignment &a)
{
    if (a.source.compare(QStringLiteral("policySets"), Qt::CaseInsensitive) == 0)
        return tr("it comes from policy set %1, which manages it; assign the policy set instead").arg(a.sourceId);
    if (a.target.kind() == AssignmentTarget::Kind::Unknown) {
        // The same test a full-list write makes: an entry without a target type cannot even be sent back.
        if (a.target.rawODataType().isEmpty())
            return tr("its target was empty when read; no row can recreate it");
        return tr("its target type %1 is one this app does not model; add it in the Intune admin center")
            .arg(a.target.rawODataType());
    }
    const QJsonObject target = a.raw.value(QStringLiteral("target")).toObject();
    const QString filterId = target.value(QStringLiteral("deviceAndAppManagementAssignmentFilterId")).toString();
    if (!filterId.isEmpty() && !a.target.hasFilter())
        return tr("its filter %1 has the mode '%2', which is neither include nor exclude")
            .arg(filterId,
                ids::printable(
                    target.value(QStringLiteral("deviceAndAppManagementAssignmentFilterType")).toString(), 40));
    const QStringList extra = uncarriedProperties(a);
    if (!extra.isEmpty())
        return tr("it has properties a row cannot carry (%1); restore sends it back as exported")
            .arg(extra.join(QStringLiteral(", ")));
    return {};
}

ParsedPlan PlanFile::parseExport(const QByteArray &utf8)
{
    ParsedPlan plan;
    QString notAnExport;
    const std::optional<TenantExport> file = TenantExport::parse(utf8, &notAnExport);
    if (!file) {
        plan.problems.append({0, notAnExport});
        return plan;
    }
    for (const ExportedConfiguration &c : file->configurations) {
        const QString configuration = tr("'%1' (%2)").arg(ids::printable(c.displayName, 80), ids::printable(c.id, 160));
        if (!ids::isConfigurationId(c.id)) {
            plan.problems.append({0,
                tr("the configuration %1: '%2' is not an enrollment configuration id")
                    .arg(configuration, ids::printable(c.id, 160))});
            continue;
        }
        // The first entry of each target on this configuration: a second one is the same row.
        QHash<QString, qsizetype> firstOf;
        for (qsizetype i = 0; i < c.assignments.size(); ++i) {
            const Assignment a = Assignment::fromJson(c.assignments.at(i));
            PlanRow row;
            row.origin = tr("assignment %1 of %2").arg(i + 1).arg(configuration);
            row.configurationId = c.id;
            row.action = PlanRow::Action::Add;
            row.target = a.target;
            const auto leaveOut = [&](const QString &why) {
                plan.leftOut.append({tr("%1, %2").arg(row.origin, a.describe()), why});
            };
            if (c.isDefault) {
                // The runner would refuse the row; saying so here keeps the rest of the plan runnable.
                leaveOut(tr("a default configuration takes no assignments (Intune keeps its own)"));
                continue;
            }
            if (const QString why = rowProblemOf(a); !why.isEmpty()) {
                leaveOut(why);
                continue;
            }
            // A malformed group, collection or filter id: the file is damaged, not merely beyond a row.
            // Beta: a filter's API version is the session's to rule on (PlanRunner::inputProblems).
            if (const QString invalid = a.target.validationProblem(ApiVersion::Beta); !invalid.isEmpty()) {
                plan.problems.append(row.problem(invalid));
                continue;
            }
            const QString key = rowKey(row);
            if (const auto first = firstOf.constFind(key); first != firstOf.cend()) {
                leaveOut(tr("the same target and filter as assignment %1; one row adds it once").arg(*first + 1));
                continue;
            }
            if (plan.rows.size() >= kMaxRows) {
                plan.problems.append({0, tr("a plan has at most %1 rows").arg(kMaxRows)});
                return plan;
            }
            firstOf.insert(key, i);
            plan.rows.append(row);
        }
    }
    if (plan.rows.isEmpty() && plan.problems.isEmpty())
        plan.problems.append({0,
            tr("The export holds no assignment a plan can add (%n left out, listed).", nullptr,
                int(plan.leftOut.size()))});
    plan.problems += crossRowProblems(plan.rows);
    return plan;
}

QList<PlanProblem> PlanFile::crossRowProblems(const QList<PlanRow> &rows)
{
    QList<PlanProblem> problems;
    // The first row of each (configuration, target) pair.
    QHash<QString, qsizetype> firstOf;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const PlanRow &row = rows.at(i);
        const QString key = rowKey(row);
        const auto it = firstOf.constFind(key);
        if (it == firstOf.cend()) {
            firstOf.insert(key, i);
            continue;
        }
        const PlanRow &first = rows.at(*it);
        const QString where = first.place().isEmpty() ? tr("another row") : first.place();
        QString problem;
        if (first.action == row.action)
            problem = tr("the same change as %1").arg(where);
        else if (first.action == PlanRow::Action::Add)
            problem = tr("conflicts with %1, which adds the same target to the same configuration").arg(where);
        else
            problem = tr("conflicts with %1, which removes the same target from the same configuration").arg(where);
        problems.append(row.problem(problem));
    }
    return problems;
}

} // namespace ea
