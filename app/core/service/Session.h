#pragma once

#include "audit/AuditJournal.h"
#include "graph/AccessTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/GraphEndpoint.h"
#include "service/AssignmentService.h"
#include "service/GroupDirectory.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace ea {

// One connection to one tenant: the network access manager, the token
// provider, the Graph client and the services on top. The GUI and the CLI
// each make one; tests make one against the sandbox.
class Session : public QObject
{
    Q_OBJECT
public:
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

    QNetworkAccessManager *network() { return &m_network; }
    GraphClient *graph() { return &m_graph; }
    AssignmentService *assignments() { return &m_assignments; }
    GroupDirectory *groups() { return &m_groups; }
    ApiVersion apiVersion() const { return m_graph.endpoint().version(); }
    void setApiVersion(ApiVersion version);

private:
    void updateAuditContext();

    QNetworkAccessManager m_network;
    std::unique_ptr<AccessTokenProvider> m_tokens;
    GraphClient m_graph;
    AssignmentService m_assignments;
    GroupDirectory m_groups;
    AuditJournal m_journal;
    QString m_tenantLabel;
    bool m_isSandbox = false;
    bool m_journalPathGiven = false;
};

} // namespace ea
