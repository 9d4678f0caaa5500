#pragma once

#include "cli/CliOptions.h"
#include "graph/GraphClient.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QIODevice;
class QNetworkAccessManager;

namespace ea {

class CliSignIn;
class Session;
struct GraphError;

// What every command shares: the options, the session once there is one,
// the sign-in storage, and the way out (stdout, stderr, the exit code).
// Everything written passes through scrub(), so the token can never appear.
class CliContext
{
    // The strings are CliApp's, where they were before the commands became classes.
    Q_DECLARE_TR_FUNCTIONS(ea::CliApp)
public:
    // `finished` is called once, with the exit code.
    CliContext(QIODevice *out, QIODevice *err, std::function<void(int)> finished);

    CliOptions options;
    CliSignIn *signIn = nullptr;
    // Every request of the run, sign-in and Graph, goes through this one manager.
    QNetworkAccessManager *network = nullptr;
    Session *session = nullptr; // set once the session is up (commands that need Graph)
    QString token; // memory only; used to scrub output
    // The configuration the command is about, named in error hints.
    QString configurationId;

    // --journal, else the sandbox's or the default journal.
    QString journalPath() const;
    // "'Name' (id)", or the id while the name is unknown.
    QString configurationLabel() const;

    void writeOut(const QString &text);
    void writeErr(const QString &text);
    void writeJson(const QJsonValue &value);
    // A whole document (export, report): to --output when given, written
    // through QSaveFile so that a failure never leaves half a file; else to
    // standard output. False (with the reason on stderr, exit 1) when the
    // file could not be written.
    bool writeDocument(const QByteArray &utf8);
    // --output's problem before anything is sent (a folder, a missing
    // folder); empty when the path can be written or none was given.
    QString outputPathProblem() const;
    // -v: every exchange on stderr, token redacted.
    void logExchangeStarted(const ExchangeRecord &record);
    void logExchangeFinished(const ExchangeRecord &record);

    bool isFinished() const { return m_done; }
    void finish(int exitCode);
    void failUsage(const QString &problem); // exit 2 with the usage hint
    void failInput(const QString &problem); // exit 2: bad input, nothing sent
    // Exit 1. writeSent: a write went out before the failure
    // (Operation::hasSentWrite), so a lost answer may mean it landed;
    // checkCommand: the command that shows whether it did (default
    // 'assignments CONFIG_ID').
    void failService(const GraphError &error, bool writeSent = false, const QString &checkCommand = {});

private:
    QByteArray scrub(const QByteArray &utf8) const;

    QIODevice *m_out;
    QIODevice *m_err;
    std::function<void(int)> m_finished;
    bool m_done = false;
};

} // namespace ea
