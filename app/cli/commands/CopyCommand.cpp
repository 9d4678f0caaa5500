#include "cli/commands/CopyCommand.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "domain/Identifiers.h"
#include "domain/ODataType.h"
#include "service/AssignmentService.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

// An export or a group map is text; a much larger file is the wrong one.
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

QString readSmallFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return CliCommand::tr("%1 cannot be read: %2").arg(TextTable::terminalSafe(path), file.errorString());
    if (file.size() > kMaxFileBytes)
        return CliCommand::tr("%1 is larger than %2 MB; is it the right file?")
            .arg(TextTable::terminalSafe(path))
            .arg(kMaxFileBytes / (1024 * 1024));
    *bytes = file.readAll();
    return {};
}

QString label(const EnrollmentConfiguration &c)
{
    return u"'"_s + c.displayName + u"' ("_s + c.id + u')';
}

} // namespace

QString CopyCommand::prepare(const QStringList &args)
{
    m_sourceId = args.at(0);
    m_targetId = args.value(1);
    for (const QString &id : {m_sourceId, m_targetId}) {
        if (id.isEmpty())
            continue;
        if (const QString problem = AssignmentService::configurationIdProblem(id); !problem.isEmpty())
            return problem;
    }
    if (!m_cx.options.copyFrom) {
        if (m_targetId.isEmpty())
            return tr("Within one tenant, give the configuration to copy to: copy SOURCE_ID TARGET_ID.");
        if (m_sourceId.compare(m_targetId, Qt::CaseInsensitive) == 0)
            return tr("The source and the target are the same configuration; nothing to copy.");
        return {};
    }
    m_path = *m_cx.options.copyFrom;
    QByteArray bytes;
    if (const QString problem = readSmallFile(m_path, &bytes); !problem.isEmpty())
        return problem;
    QString problem;
    m_file = TenantExport::parse(bytes, &problem);
    if (!m_file)
        return tr("%1 is not an export: %2").arg(TextTable::terminalSafe(m_path), problem);
    const bool inFile = std::any_of(m_file->configurations.cbegin(), m_file->configurations.cend(),
        [this](const ExportedConfiguration &c) { return c.id.compare(m_sourceId, Qt::CaseInsensitive) == 0; });
    if (!inFile)
        return tr("The export %1 has no configuration %2.").arg(TextTable::terminalSafe(m_path), m_sourceId);
    if (m_cx.options.groupMap) {
        if (const QString readProblem = readSmallFile(*m_cx.options.groupMap, &bytes); !readProblem.isEmpty())
            return readProblem;
        QList<PlanProblem> problems;
        m_groupMap = CopyPlan::parseGroupMap(bytes, &problems);
        if (!problems.isEmpty()) {
            m_path = *m_cx.options.groupMap; // the file the problems are in
            return listProblems(problems);
        }
    }
    return {};
}

GraphRequest CopyCommand::firstRequest() const
{
    return service()->listConfigurationsWithAssignmentsRequest(ApiVersion::Beta);
}

void CopyCommand::run()
{
    m_cx.writeErr(tr("Reading every configuration with its assignments…\n"));
    // On beta: the source's filters and policy-set sources show, so what cannot be copied is seen.
    service()->listConfigurationsWithAssignments(
        this,
        [this](const Result<Listing<EnrollmentConfiguration>> &r) {
            if (!r)
                return m_cx.failService(r.error());
            plan(r.value().items);
        },
        ApiVersion::Beta);
}

void CopyCommand::plan(const QList<EnrollmentConfiguration> &configurations)
{
    const auto byId = [&configurations](const QString &id) -> const EnrollmentConfiguration * {
        for (const EnrollmentConfiguration &c : configurations) {
            if (c.id.compare(id, Qt::CaseInsensitive) == 0)
                return &c;
        }
        return nullptr;
    };

    // The source: the export's configuration, or this tenant's.
    QString sourceType;
    QString sourceName;
    QList<Assignment> source;
    if (m_file) {
        for (const ExportedConfiguration &c : m_file->configurations) {
            if (c.id.compare(m_sourceId, Qt::CaseInsensitive) == 0) {
                sourceType = odata::normalizedType(c.odataType);
                sourceName = c.displayName;
                for (const QJsonObject &o : c.assignments)
                    source.append(Assignment::fromJson(o));
            }
        }
    } else {
        const EnrollmentConfiguration *c = byId(m_sourceId);
        if (!c)
            return m_cx.failInput(tr("The tenant has no configuration %1. Nothing was sent.").arg(m_sourceId));
        sourceType = c->odataType;
        sourceName = c->displayName;
        source = c->assignments;
    }

    // The target: chosen by hand, or (from an export) the one of the same type and name here.
    const EnrollmentConfiguration *target = nullptr;
    if (!m_targetId.isEmpty()) {
        target = byId(m_targetId);
        if (!target)
            return m_cx.failInput(tr("The tenant has no configuration %1. Nothing was sent.").arg(m_targetId));
    } else {
        QList<const EnrollmentConfiguration *> named;
        for (const EnrollmentConfiguration &c : configurations) {
            if (c.odataType == sourceType && c.displayName == sourceName)
                named.append(&c);
        }
        if (named.size() != 1)
            return m_cx.failInput(
                tr("%n configuration(s) here are of the source's type and named '%1'; give TARGET_ID to choose one. "
                   "Nothing was sent.",
                    nullptr, int(named.size()))
                    .arg(TextTable::terminalSafe(sourceName)));
        target = named.first();
    }
    if (target->odataType != sourceType)
        return m_cx.failInput(tr("%1 is not of the source's type (%2): assignments are copied within one type. "
                                 "Nothing was sent.")
                                  .arg(TextTable::terminalSafe(label(*target)), sourceType));
    if (target->isDefault())
        return m_cx.failInput(tr("%1 is a default policy: it takes no assignments. Nothing was sent.")
                                  .arg(TextTable::terminalSafe(label(*target))));
    m_cx.writeErr(tr("Copying the %n assignment(s) of '%1' to %2.\n", nullptr, int(source.size()))
                      .arg(TextTable::terminalSafe(sourceName), TextTable::terminalSafe(label(*target))));
    if (!m_file)
        return runPlan(CopyPlan::make(source, target->id, true));
    matchGroupsThenRun(source, *target);
}

void CopyCommand::matchGroupsThenRun(const QList<Assignment> &source, const EnrollmentConfiguration &target)
{
    // The groups the map does not settle are looked for by the name the export has for them.
    QMap<QString, QString> byName;
    for (const Assignment &a : source) {
        if (a.target.isGroupTarget() && !m_groupMap.contains(a.target.groupId().toLower()))
            byName.insert(a.target.groupId(), m_file->groups.value(a.target.groupId()));
    }
    const QString targetId = target.id;
    service()->matchGroupsByName(byName, this, [this, source, targetId](const Result<QHash<QString, GroupMatch>> &r) {
        if (!r)
            return m_cx.failService(r.error());
        QHash<QString, GroupMatch> matches = r.value();
        for (auto it = m_groupMap.cbegin(); it != m_groupMap.cend(); ++it)
            matches.insert(it.key(), GroupMatch {it.value(), {}});
        runPlan(CopyPlan::make(source, targetId, false, matches));
    });
}

void CopyCommand::runPlan(const CopyPlan &plan)
{
    if (!plan.skipped.isEmpty()) {
        QString text
            = tr("%n assignment(s) cannot be copied and are left out:", nullptr, int(plan.skipped.size())) + u'\n';
        for (const CopySkip &skip : plan.skipped)
            text += u"  "_s + TextTable::terminalSafe(tr("left out: %1: %2").arg(skip.entry, skip.why)) + u'\n';
        m_cx.writeErr(text);
    }
    if (plan.rows.isEmpty()) {
        m_cx.writeOut(tr("Nothing to copy.\n"));
        return m_cx.finish(plan.skipped.isEmpty() ? CliApp::ExitOk : CliApp::ExitFailure);
    }
    runRows(plan.rows);
}

} // namespace ea
