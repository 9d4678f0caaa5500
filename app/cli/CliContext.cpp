#include "cli/CliContext.h"

#include "audit/AuditJournal.h"
#include "auth/AuthError.h"
#include "cli/CliApp.h"
#include "cli/CliProxy.h"
#include "cli/JsonText.h"
#include "cli/TextTable.h"
#include "domain/GraphError.h"
#include "service/AssignmentService.h"
#include "service/Session.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

CliContext::CliContext(QIODevice *out, QIODevice *err, std::function<void(int)> finished)
    : m_out(out)
    , m_err(err)
    , m_finished(std::move(finished))
{ }

QString CliContext::journalPath() const
{
    if (!options.journalPath.isEmpty())
        return options.journalPath;
    return options.useSandbox ? AuditJournal::sandboxPath() : AuditJournal::defaultPath();
}

QString CliContext::configurationLabel() const
{
    const QString name = session ? session->assignments()->knownConfigurationName(configurationId) : QString();
    if (name.isEmpty())
        return u"'"_s + configurationId + u'\'';
    return u"'"_s + TextTable::terminalSafe(name) + u"' ("_s + configurationId + u')';
}

void CliContext::finish(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_finished(exitCode);
}

// Belt and braces: GraphClient already redacts, but nothing this program
// prints (a service message echoing a header, say) may carry the token.
// Everything goes out as UTF-8, and the token's UTF-8 bytes are what to find.
QByteArray CliContext::scrub(const QByteArray &utf8) const
{
    const QByteArray tokenBytes = token.toUtf8();
    if (tokenBytes.size() < 8 || !utf8.contains(tokenBytes))
        return utf8;
    QByteArray copy = utf8;
    return copy.replace(tokenBytes, QByteArrayLiteral("[redacted]"));
}

void CliContext::writeOut(const QString &text)
{
    if (m_out)
        m_out->write(scrub(text.toUtf8()));
}

void CliContext::writeErr(const QString &text)
{
    if (m_err)
        m_err->write(scrub(text.toUtf8()));
}

void CliContext::writeJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    // Bytes straight out: 4 MB of JSON (10,000 configurations) is not turned
    // into UTF-16 and back on its way (issue 15, P3).
    if (m_out)
        m_out->write(scrub(cli::withUtf8SurrogatePairs(document.toJson(QJsonDocument::Indented))));
}

void CliContext::logExchangeStarted(const ExchangeRecord &record)
{
    QString text
        = u"> "_s + QString::fromLatin1(record.method) + u' ' + record.url.toString(QUrl::FullyEncoded) + u'\n';
    for (const auto &[name, value] : record.requestHeaders) {
        text += u"> "_s + QString::fromLatin1(name) + u": "_s + QString::fromLatin1(redactedHeaderValue(name, value))
            + u'\n';
    }
    if (!record.requestBody.isEmpty())
        text += u"> "_s + TextTable::terminalSafe(QString::fromUtf8(record.requestBody)) + u'\n';
    writeErr(text);
}

void CliContext::logExchangeFinished(const ExchangeRecord &record)
{
    QString text = u"< "_s;
    if (record.httpStatus > 0)
        text += QString::number(record.httpStatus);
    else
        text += tr("no response");
    text += u" ("_s + tr("%1 ms").arg(record.durationMs) + u')';
    if (!record.requestId.isEmpty())
        text += u" request-id "_s + record.requestId;
    if (!record.clientRequestId.isEmpty())
        text += u" client-request-id "_s + record.clientRequestId;
    if (!record.errorText.isEmpty())
        text += u": "_s + TextTable::terminalSafe(record.errorText);
    writeErr(text + u'\n');
}

void CliContext::failUsage(const QString &problem)
{
    writeErr(CliApp::programName() + u": "_s + TextTable::terminalSafe(problem) + u'\n'
        + tr("Try '%1 --help' for the commands and options.\n").arg(CliApp::programName()));
    finish(CliApp::ExitUsage);
}

bool CliContext::writeDocument(const QByteArray &utf8)
{
    if (!options.outputPath) {
        if (m_out)
            m_out->write(scrub(utf8));
        return true;
    }
    QSaveFile file(*options.outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(scrub(utf8)) < 0 || !file.commit()) {
        writeErr(tr("Error: could not write %1: %2\n")
                     .arg(QDir::toNativeSeparators(*options.outputPath), file.errorString()));
        finish(CliApp::ExitFailure);
        return false;
    }
    return true;
}

QString CliContext::outputPathProblem() const
{
    if (!options.outputPath)
        return {};
    const QFileInfo info(*options.outputPath);
    if (info.isDir())
        return tr("--output %1 is a folder; give the path of a file.").arg(QDir::toNativeSeparators(info.filePath()));
    if (!info.dir().exists())
        return tr("--output %1: the folder %2 does not exist.")
            .arg(QDir::toNativeSeparators(info.filePath()), QDir::toNativeSeparators(info.dir().path()));
    return {};
}

void CliContext::failInput(const QString &problem)
{
    writeErr(CliApp::programName() + u": "_s + TextTable::terminalSafe(problem) + u'\n' + tr("Nothing was sent.\n"));
    finish(CliApp::ExitUsage);
}

void CliContext::failService(const GraphError &error, bool writeSent, const QString &checkCommand)
{
    // summary() is the one greppable line (status, code, message, request ids);
    // below it what else a support ticket needs, without repeating it.
    QString text = tr("Error: %1\n").arg(TextTable::terminalSafe(error.summary()));
    QStringList more;
    if (!error.intunePhrase.isEmpty() && error.message != error.intunePhrase)
        more << tr("Service message: %1").arg(error.message);
    if (!error.activityId.isEmpty())
        more << tr("Intune activity id: %1").arg(error.activityId);
    if (!error.date.isEmpty())
        more << tr("Date: %1").arg(error.date);
    if (!error.diagnostics.isEmpty())
        more << tr("x-ms-ags-diagnostic: %1").arg(error.diagnostics);
    for (const QString &line : std::as_const(more))
        text += u"  "_s + TextTable::terminalSafe(line) + u'\n';

    QString hint;
    if (error.code == refusal::kDefaultPolicy) {
        hint = tr("To target groups, create a policy of the same type and assign that; among policies that apply "
                  "to a user or device, the lowest priority number wins, and the default covers everyone else.");
    } else if (error.code == refusal::kAlreadyAssigned) {
        hint = tr("'assignments %1' lists what is assigned.").arg(configurationId);
    } else if (error.isRouteRefusal()) {
        hint = tr("Intune does not accept this request for this kind of configuration (the Enrollment Status "
                  "Page, for one); only the 'assign' action, which replaces every assignment, is accepted.");
    } else if (error.code == auth::kSignInRequiredCode) {
        hint = tr("Sign in again with '%1 login --device-code' (or --browser).").arg(CliApp::programName());
    } else if (error.httpStatus == 407) {
        hint = tr("Give the proxy's user name with --proxy-user USER and its password in %1 or on standard input "
                  "with --proxy-password-stdin; on a terminal you are asked.")
                   .arg(QLatin1String(CliProxy::kPasswordVariable));
    } else if (error.httpStatus == 401) {
        hint = tr("The access token was rejected: it may have expired, or be for another tenant or cloud. Get a "
                  "new one.");
    } else if (error.httpStatus == 403) {
        hint = tr("The token lacks a permission: DeviceManagementServiceConfig.ReadWrite.All for assignments "
                  "(.Read.All to read), GroupMember.Read.All or Group.Read.All for groups.");
    } else if (error.httpStatus == 404 && !configurationId.isEmpty()) {
        hint = tr("Check the ids; 'configs' lists the configurations, 'assignments CONFIG_ID' the assignments.");
    } else if (error.retryAfterSeconds >= 0) {
        hint = tr("The service is throttling; try again in %1 seconds.").arg(error.retryAfterSeconds);
    } else if ((error.kind == GraphError::Kind::Timeout || error.kind == GraphError::Kind::Network) && writeSent) {
        hint = checkCommand.isEmpty()
            ? tr("The write may or may not have been applied; run 'assignments %1' before trying again. "
                 "'history' shows what was sent.")
                  .arg(configurationId)
            : tr("The write may or may not have been applied; run '%1' before trying again. 'history' shows "
                 "what was sent.")
                  .arg(checkCommand);
    }
    if (hint.isEmpty())
        hint = error.nextStep;
    if (!hint.isEmpty())
        text += hint + u'\n';
    writeErr(text);
    finish(CliApp::ExitFailure);
}

} // namespace ea
