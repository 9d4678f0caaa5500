#include "service/Session.h"

#include "service/SessionFactory.h"

#include <QNetworkAccessManager>

namespace ea {

Session::Session(QNetworkAccessManager *network, const GraphEndpoint &endpoint,
    std::unique_ptr<AccessTokenProvider> tokens, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(std::move(tokens))
    , m_graph(m_network, m_tokens.get())
    , m_assignments(&m_graph)
    , m_groups(&m_graph)
    , m_journal(AuditJournal::defaultPath())
{
    m_graph.setEndpoint(endpoint);
    m_assignments.setWriteGovernor(&m_governor);
    updateAuditContext();
}

Session::Session(const GraphEndpoint &endpoint, std::unique_ptr<AccessTokenProvider> tokens, QObject *parent)
    : Session(new QNetworkAccessManager, endpoint, std::move(tokens), parent)
{
    m_network->setParent(this);
    SessionFactory::routeNetwork(m_network, SessionFactory::Route::ProcessProxy);
}

void Session::setTenantLabel(const QString &label)
{
    m_tenantLabel = label;
    updateAuditContext();
}

void Session::setSandbox(bool sandbox)
{
    m_isSandbox = sandbox;
    if (!m_journalPathGiven)
        m_journal = AuditJournal(sandbox ? AuditJournal::sandboxPath() : AuditJournal::defaultPath());
    updateAuditContext();
}

void Session::setAuditJournalPath(const QString &path)
{
    m_journal = AuditJournal(path);
    m_journalPathGiven = true;
}

QString Session::cloudName() const
{
    if (m_isSandbox)
        return QStringLiteral("sandbox");
    for (Cloud cloud : {Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5DoD, Cloud::China}) {
        if (m_graph.endpoint().isSameOrigin(QUrl(QString::fromLatin1(cloudInfo(cloud).graphRoot))))
            return QString::fromLatin1(cloudInfo(cloud).cliName);
    }
    return m_graph.endpoint().root().host();
}

void Session::updateAuditContext()
{
    m_assignments.setAuditJournal(&m_journal, {m_tenantLabel, cloudName()});
}

Session::~Session()
{
    // Calls still in flight end as cancelled before their client goes away.
    const auto calls = m_graph.findChildren<GraphCall *>();
    for (GraphCall *call : calls)
        call->cancel();
}

void Session::setApiVersion(ApiVersion version)
{
    GraphEndpoint endpoint = m_graph.endpoint();
    endpoint.setVersion(version);
    m_graph.setEndpoint(endpoint);
    updateAuditContext();
}

} // namespace ea
