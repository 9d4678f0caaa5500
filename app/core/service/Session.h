#pragma once

#include "audit/AuditJournal.h"
#include "graph/AccessTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/GraphEndpoint.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace ea {

// One connection to one tenant: the token provider, the Graph client and the
// services on top, over a network access manager it is given. SessionFactory
// builds them (sandbox, supplied token, stored sign-in) for the GUI, the CLI
// and the tests.
class Session : public QObject
{
    Q_OBJECT
public:
    // `network` carries every call; it is not owned and must outlive the
    // session (a child of the session does: children go after the members).
    Session(QNetworkAccessManager *network, const GraphEndpoint &endpoint, std::unique_ptr<AccessTokenProvider> tokens,
        QObject *parent = nullptr);
    // The older way, kept for callers not yet moved to SessionFactory: the
    // session makes its own manager and routes it through the process's proxy
    // policy, as SessionFactory does for a session without an injected manager.
    Session(const GraphEndpoint &endpoint, std::unique_ptr<AccessTokenProvider> tokens, QObject *parent = nullptr);
    ~Session() override;

    // Display facts: which tenant/cloud a write goes to. Also written into
    // every audit journal entry.
    void setTenantLabel(const QString &label);
    QString tenantLabel() const { return m_tenantLabel; }
    bool isSandbox() const { return m_isSandbox; }
    void setSandbox(bool sandbox);
    // "global", "usgov", "usgov-dod", "china", "sandbox" or the custom host.
    QString cloudName() const;

    // The journal every write is recorded in: AuditJournal::defaultPath(), or
    // AuditJournal::sandboxPath() for the sandbox (never the real tenants'
    // journal), unless a path was given (--journal, tests), which wins.
    AuditJournal *auditJournal() { return &m_journal; }
    void setAuditJournalPath(const QString &path);

    QNetworkAccessManager *network() const { return m_network; }
    GraphClient *graph() { return &m_graph; }
    AssignmentService *assignments() { return &m_assignments; }
    GroupDirectory *groups() { return &m_groups; }
    // Intune's write limit is per app per tenant: one governor per session,
    // which every write of its services waits on.
    WriteGovernor *writeGovernor() { return &m_governor; }
    ApiVersion apiVersion() const { return m_graph.endpoint().version(); }
    void setApiVersion(ApiVersion version);

private:
    void updateAuditContext();

    QNetworkAccessManager *m_network;
    std::unique_ptr<AccessTokenProvider> m_tokens;
    GraphClient m_graph;
    WriteGovernor m_governor;
    AssignmentService m_assignments;
    GroupDirectory m_groups;
    AuditJournal m_journal;
    QString m_tenantLabel;
    bool m_isSandbox = false;
    bool m_journalPathGiven = false;
};

} // namespace ea
