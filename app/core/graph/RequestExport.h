#pragma once

#include "graph/GraphRequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ea {

// The exact HTTP request a write will send, shown to the admin before it is
// sent (GUI preview, CLI --dry-run) and copied from there or from the request
// log. Never contains the token: nothing that builds one ever has it.
struct RequestPreview
{
    QByteArray method;
    QUrl url; // absolute, on the session's Graph host
    QByteArray body; // indented JSON, empty when there is none
    HeaderList headers; // as sent, without Authorization (GraphClient::headersFor)
    QString toText() const;
};

// Turns a request into something an admin can run elsewhere or hand to
// support: a curl command, a PowerShell Invoke-MgGraphRequest line, a Graph
// Explorer link, or JSON. GUI-free; the GUI and the CLI both use it.
namespace requestexport {

enum class Format { Text, Curl, PowerShell, Json, GraphExplorer };

// The shell variable the curl command reads the token from; the same name
// the CLI reads it from, so one `export` serves both.
inline constexpr const char *kTokenVariable = "GRAPH_ACCESS_TOKEN";

// "text", "curl", "powershell", "json", "graph-explorer" (case-insensitive).
bool parseFormat(const QString &name, Format *format);
QString formatName(Format format);

QString toText(Format format, const RequestPreview &request);
// curl for POSIX shells; the token comes from $GRAPH_ACCESS_TOKEN at run time
// and reaches curl on standard input (`printf ... | curl -H @- ...`), never
// on a command line.
QString toCurl(const RequestPreview &request);
// Invoke-MgGraphRequest (Microsoft.Graph.Authentication), which signs with
// the session of Connect-MgGraph: no token in the command at all.
QString toPowerShell(const RequestPreview &request);
// Opens the request in Graph Explorer (its share-link parameters: request,
// method, version, GraphUrl, requestBody, headers). Empty when the URL's path
// does not start with a Graph version.
QString toGraphExplorerLink(const RequestPreview &request);
// {"method", "url", "body" (the JSON value, or null), "headers": {name: value}}.
QJsonObject toJson(const RequestPreview &request);

// A logged exchange as a request to copy (its body may have been capped).
RequestPreview fromExchange(const ExchangeRecord &record);
// A logged body for reading: JSON indented, anything else as it was.
QByteArray readableBody(const QByteArray &body);
// One line of the request log's export (JSON, no newline).
QByteArray exchangeToJsonLine(const ExchangeRecord &record);

// Quoting, exposed for tests: the text comes back literally when the shell reads it.
QString posixSingleQuoted(const QString &text);
QString powerShellSingleQuoted(const QString &text);

// Headers a copied request leaves out: the credential, and the ids that
// belong to the one exchange that was logged (a replay is a new request, and
// two requests with the same client-request-id are indistinguishable in
// Microsoft's logs).
bool isLeftOutOfCopies(const QByteArray &headerName);

} // namespace requestexport

} // namespace ea
