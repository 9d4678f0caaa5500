#pragma once

#include "domain/ApiVersion.h"
#include "graph/GraphClient.h"
#include "graph/RequestExport.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <optional>

namespace ea {

class CliContext;

// The global options, as read from the command line (CliOptionReader).
struct CliOptions
{
    bool useSandbox = false;
    bool graphUrlGiven = false;
    QString graphUrl;
    ApiVersion apiVersion = ApiVersion::V1;
    bool tokenFileGiven = false;
    QString tokenFile;
    bool json = false;
    bool verbose = false;
    bool dryRun = false;
    bool assumeYes = false; // --yes: apply and copy do not ask
    requestexport::Format dryRunFormat = requestexport::Format::Text; // --format
    QString journalPath; // --journal, absolute; empty: AuditJournal::defaultPath()
    std::chrono::milliseconds transferTimeout = GraphClient::kDefaultTransferTimeout; // --timeout
    std::chrono::milliseconds connectTimeout = GraphClient::kDefaultConnectTimeout; // --connect-timeout
    bool filterGiven = false;
    QString filterId; // --filter
    bool filterModeGiven = false;
    QString filterModeText; // --filter-mode
    std::optional<QString> effectiveUser; // effective --user
    std::optional<QString> effectiveGroup; // effective --group
    std::optional<QString> configType; // configs --type
    std::optional<QString> outputFormat; // export, report: --format
    std::optional<QString> outputPath; // export, report: --output, absolute
    std::optional<QString> copyFrom; // copy --from EXPORT
    std::optional<QString> groupMap; // copy --group-map CSV
};

// The options of the command line other than the sign-in's (CliSignIn) and
// the proxy's (CliProxy): declared on one parser, read into CliOptions, and
// checked against the command they came with, before anything is sent:
// which option belongs to which command, and the values that must be one
// (an API version, seconds, a file). CliApp parses, dispatches and runs.
class CliOptionReader
{
    // The strings are CliApp's, where they were before the options had a file of their own.
    Q_DECLARE_TR_FUNCTIONS(ea::CliApp)
public:
    CliOptionReader();

    // For CliSignIn::addOptions and CliProxy::addOptions, then parse().
    QCommandLineParser &parser() { return m_parser; }
    bool helpWanted() const { return m_parser.isSet(m_help); }
    bool versionWanted() const { return m_parser.isSet(m_version); }

    // After a parse: the values as given; check() reads and checks the rest.
    void read(CliOptions *options) const;
    // The options against `command` and the values that need checking, into
    // cx.options; false after finishing `cx` with exit 2 (nothing was sent).
    bool check(const QString &command, CliContext &cx) const;

private:
    QCommandLineParser m_parser;
    const QCommandLineOption m_sandbox {QStringLiteral("sandbox")};
    const QCommandLineOption m_graphUrl {QStringLiteral("graph-url"), QString(), QStringLiteral("URL")};
    const QCommandLineOption m_api {
        QStringLiteral("api"), QString(), QStringLiteral("VERSION"), QStringLiteral("v1.0")};
    const QCommandLineOption m_tokenFile {QStringLiteral("token-file"), QString(), QStringLiteral("PATH")};
    const QCommandLineOption m_json {QStringLiteral("json")};
    const QCommandLineOption m_verbose {QStringList {QStringLiteral("v"), QStringLiteral("verbose")}};
    const QCommandLineOption m_dryRun {QStringLiteral("dry-run")};
    const QCommandLineOption m_yes {QStringLiteral("yes")};
    const QCommandLineOption m_format {QStringLiteral("format"), QString(), QStringLiteral("FORMAT")};
    const QCommandLineOption m_journal {QStringLiteral("journal"), QString(), QStringLiteral("PATH")};
    const QCommandLineOption m_timeout {QStringLiteral("timeout"), QString(), QStringLiteral("SECONDS")};
    const QCommandLineOption m_connectTimeout {QStringLiteral("connect-timeout"), QString(), QStringLiteral("SECONDS")};
    const QCommandLineOption m_filter {QStringLiteral("filter"), QString(), QStringLiteral("FILTER_ID")};
    const QCommandLineOption m_filterMode {QStringLiteral("filter-mode"), QString(), QStringLiteral("MODE")};
    const QCommandLineOption m_user {QStringLiteral("user"), QString(), QStringLiteral("UPN_OR_ID")};
    const QCommandLineOption m_group {QStringLiteral("group"), QString(), QStringLiteral("GROUP_ID")};
    const QCommandLineOption m_type {QStringLiteral("type"), QString(), QStringLiteral("TYPE")};
    const QCommandLineOption m_output {QStringLiteral("output"), QString(), QStringLiteral("FILE")};
    const QCommandLineOption m_from {QStringLiteral("from"), QString(), QStringLiteral("EXPORT")};
    const QCommandLineOption m_groupMap {QStringLiteral("group-map"), QString(), QStringLiteral("CSV")};
    const QCommandLineOption m_help {QStringList {QStringLiteral("h"), QStringLiteral("help"), QStringLiteral("?")}};
    const QCommandLineOption m_version {QStringLiteral("version")};
};

} // namespace ea
