#include "cli/CliOptions.h"

#include "cli/CliContext.h"
#include "cli/TextTable.h"

#include <QFileInfo>

namespace ea {

using cli::TextTable;

CliOptionReader::CliOptionReader()
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    m_parser.addOptions({m_sandbox, m_graphUrl, m_api, m_tokenFile, m_json, m_verbose, m_dryRun, m_yes, m_format,
        m_journal, m_timeout, m_connectTimeout, m_filter, m_filterMode, m_user, m_group, m_type, m_output, m_from,
        m_groupMap, m_help, m_version});
}

void CliOptionReader::read(CliOptions *options) const
{
    CliOptions &o = *options;
    o.useSandbox = m_parser.isSet(m_sandbox);
    o.graphUrlGiven = m_parser.isSet(m_graphUrl);
    o.graphUrl = m_parser.value(m_graphUrl);
    o.tokenFileGiven = m_parser.isSet(m_tokenFile);
    o.tokenFile = m_parser.value(m_tokenFile);
    o.json = m_parser.isSet(m_json);
    o.verbose = m_parser.isSet(m_verbose);
    o.dryRun = m_parser.isSet(m_dryRun);
    o.assumeYes = m_parser.isSet(m_yes);
    o.filterGiven = m_parser.isSet(m_filter);
    o.filterId = m_parser.value(m_filter);
    o.filterModeGiven = m_parser.isSet(m_filterMode);
    o.filterModeText = m_parser.value(m_filterMode);
    if (m_parser.isSet(m_user))
        o.effectiveUser = m_parser.value(m_user);
    if (m_parser.isSet(m_group))
        o.effectiveGroup = m_parser.value(m_group);
    if (m_parser.isSet(m_type))
        o.configType = m_parser.value(m_type);
    if (m_parser.isSet(m_from))
        o.copyFrom = m_parser.value(m_from);
    if (m_parser.isSet(m_groupMap))
        o.groupMap = m_parser.value(m_groupMap);
}

bool CliOptionReader::check(const QString &name, CliContext &cx) const
{
    const QString apiText = m_parser.value(m_api);
    if (!parseApiVersion(apiText, &cx.options.apiVersion)) {
        cx.failUsage(
            tr("'%1' is not a Graph API version; use v1.0 or beta.").arg(TextTable::terminalSafe(apiText.left(40))));
        return false;
    }

    if ((m_parser.isSet(m_filter) || m_parser.isSet(m_filterMode)) && name != QLatin1String("assign")) {
        cx.failUsage(tr("--filter and --filter-mode belong to 'assign'."));
        return false;
    }
    if ((m_parser.isSet(m_user) && name != QLatin1String("effective"))
        || (m_parser.isSet(m_group) && name != QLatin1String("effective") && name != QLatin1String("report"))) {
        cx.failUsage(tr("--user and --group belong to 'effective'; --group also to 'report'."));
        return false;
    }
    // The commands that ask before their writes, and read to print their whole plan on --dry-run.
    const bool plans
        = name == QLatin1String("apply") || name == QLatin1String("restore") || name == QLatin1String("copy");
    if ((m_parser.isSet(m_yes) && !plans) || (m_parser.isSet(m_format) && plans)) {
        cx.failUsage(m_parser.isSet(m_yes) && !plans
                ? tr("--yes belongs to 'apply', 'restore' and 'copy'.")
                : tr("--format prints one request; '%1 --dry-run' prints the whole plan instead.").arg(name));
        return false;
    }
    if ((m_parser.isSet(m_from) || m_parser.isSet(m_groupMap)) && name != QLatin1String("copy")) {
        cx.failUsage(tr("--from and --group-map belong to 'copy'."));
        return false;
    }
    if (m_parser.isSet(m_groupMap) && !m_parser.isSet(m_from)) {
        cx.failUsage(tr("--group-map goes with --from: within one tenant the groups are the same."));
        return false;
    }
    if (m_parser.isSet(m_type) && name != QLatin1String("configs")) {
        cx.failUsage(tr("--type belongs to 'configs'."));
        return false;
    }
    if (m_parser.isSet(m_filterMode) && !m_parser.isSet(m_filter)) {
        cx.failUsage(tr("--filter-mode needs --filter FILTER_ID (the assignment filter to include or exclude)."));
        return false;
    }
    // export and report write documents: their --format says which kind.
    const bool writesDocument = name == QLatin1String("export") || name == QLatin1String("report");
    if (m_parser.isSet(m_output) && !writesDocument) {
        cx.failUsage(tr("--output belongs to 'export' and 'report'."));
        return false;
    }
    if (m_parser.isSet(m_output)) {
        if (m_parser.value(m_output).trimmed().isEmpty()) {
            cx.failUsage(tr("--output needs the path of a file."));
            return false;
        }
        cx.options.outputPath = QFileInfo(m_parser.value(m_output)).absoluteFilePath();
    }
    if (writesDocument && m_parser.isSet(m_format)) {
        cx.options.outputFormat = m_parser.value(m_format);
    } else if (m_parser.isSet(m_format)) {
        const QString format = m_parser.value(m_format);
        // The Graph Explorer link is the GUI's; the CLI prints what a script can run or read.
        if (!requestexport::parseFormat(format, &cx.options.dryRunFormat)
            || cx.options.dryRunFormat == requestexport::Format::GraphExplorer) {
            cx.failUsage(tr("'%1' is not a --format; use text, curl, powershell or json.")
                             .arg(TextTable::terminalSafe(format.left(40))));
            return false;
        }
        if (!cx.options.dryRun) {
            cx.failUsage(tr("--format goes with --dry-run: it says how to print the request instead of sending it."));
            return false;
        }
    }
    // Whole seconds, 1 to 600: a slow VPN needs more than the defaults, and
    // nobody means an hour (or zero, which would be no timeout at all).
    const auto readSeconds = [this, &cx](const QCommandLineOption &option, std::chrono::milliseconds *out) {
        if (!m_parser.isSet(option))
            return true;
        bool ok = false;
        const int seconds = m_parser.value(option).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 600) {
            cx.failUsage(
                tr("--%1 needs a whole number of seconds from 1 to 600, not '%2'.")
                    .arg(option.names().constFirst(), TextTable::terminalSafe(m_parser.value(option).left(40))));
            return false;
        }
        *out = std::chrono::seconds(seconds);
        return true;
    };
    if (!readSeconds(m_timeout, &cx.options.transferTimeout)
        || !readSeconds(m_connectTimeout, &cx.options.connectTimeout))
        return false;
    if (m_parser.isSet(m_journal)) {
        const QString path = m_parser.value(m_journal);
        if (path.trimmed().isEmpty()) {
            cx.failUsage(tr("--journal needs the path of a file."));
            return false;
        }
        const QFileInfo info(path);
        if (info.isDir()) {
            cx.failInput(tr("--journal %1 is a folder; give the path of a file (it is created if missing).")
                             .arg(TextTable::terminalSafe(path)));
            return false;
        }
        cx.options.journalPath = info.absoluteFilePath();
    }
    return true;
}

} // namespace ea
