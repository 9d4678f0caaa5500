#pragma once

#include "graph/AccessTokenProvider.h"
#include "graph/GraphClient.h"
#include "graph/GraphEndpoint.h"
#include "service/AssignmentService.h"

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
    Session(const GraphEndpoint &endpoint, std::unique_ptr<AccessTokenProvider> tokens,
            QObject *parent = nullptr);
    ~Session() override;

    // Display facts: which tenant/cloud a write goes to.
    void setTenantLabel(const QString &label) { m_tenantLabel = label; }
    QString tenantLabel() const { return m_tenantLabel; }
    bool isSandbox() const { return m_isSandbox; }
    void setSandbox(bool sandbox) { m_isSandbox = sandbox; }

    QNetworkAccessManager *network() { return &m_network; }
    GraphClient *graph() { return &m_graph; }
    AssignmentService *assignments() { return &m_assignments; }
    ApiVersion apiVersion() const { return m_graph.endpoint().version(); }
    void setApiVersion(ApiVersion version);

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<AccessTokenProvider> m_tokens;
    GraphClient m_graph;
    AssignmentService m_assignments;
    QString m_tenantLabel;
    bool m_isSandbox = false;
};

} // namespace ea
