#include "service/SessionFactory.h"

#include "auth/SignedInTokenProvider.h"
#include "auth/TenantProfile.h"
#include "auth/TokenClaims.h"
#include "graph/AccessTokenProvider.h"
#include "net/ProxyAccess.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace ea {

SessionFactory::SessionFactory(QNetworkAccessManager *network)
    : m_network(network)
{ }

void SessionFactory::setTimeouts(std::chrono::milliseconds transfer, std::chrono::milliseconds connect)
{
    m_transferTimeout = transfer;
    m_connectTimeout = connect;
}

void SessionFactory::routeNetwork(QNetworkAccessManager *network, Route route)
{
    if (route == Route::Direct)
        net::ProxyAccess::useDirect(network);
    else
        net::ProxyAccess::attachTo(network);
}

QNetworkAccessManager *SessionFactory::networkFor(Route route) const
{
    QNetworkAccessManager *network = m_network ? m_network : new QNetworkAccessManager;
    routeNetwork(network, route);
    return network;
}

std::unique_ptr<Session> SessionFactory::assemble(QNetworkAccessManager *network, const GraphEndpoint &endpoint,
    std::unique_ptr<AccessTokenProvider> tokens, bool sandbox) const
{
    auto session = std::make_unique<Session>(network, endpoint, std::move(tokens));
    if (!m_network)
        network->setParent(session.get()); // goes after the session's members, which use it
    session->setSandbox(sandbox);
    if (!m_journalPath.isEmpty())
        session->setAuditJournalPath(m_journalPath);
    if (m_transferTimeout)
        session->graph()->setTransferTimeout(*m_transferTimeout);
    if (m_connectTimeout)
        session->graph()->setConnectTimeout(*m_connectTimeout);
    return session;
}

std::unique_ptr<Session> SessionFactory::forSandbox(
    const QUrl &root, const QString &accessToken, QString *problem) const
{
    const GraphEndpoint endpoint = GraphEndpoint::fromRootUrl(root.toString(), m_apiVersion, problem);
    if (!endpoint.isValid())
        return nullptr;
    auto session
        = assemble(networkFor(Route::Direct), endpoint, std::make_unique<StaticTokenProvider>(accessToken), true);
    // The GUI's words (and their translations), from where main.cpp said them before the factory.
    session->setTenantLabel(QCoreApplication::translate("main", "Sandbox tenant"));
    return session;
}

std::unique_ptr<Session> SessionFactory::forToken(
    const GraphEndpoint &endpoint, const QString &suppliedToken, QString *problem) const
{
    Q_ASSERT(endpoint.isValid()); // the callers report a bad --graph-url in their own words first
    const std::optional<QString> token = auth::normalizeSuppliedToken(suppliedToken, problem);
    if (!token)
        return nullptr;
    auto session
        = assemble(networkFor(Route::ProcessProxy), endpoint, std::make_unique<StaticTokenProvider>(*token), false);
    session->setTenantLabel(endpoint.root().host());
    return session;
}

std::unique_ptr<Session> SessionFactory::forProfile(const auth::TenantProfile &profile, auth::TokenStore *store,
    QString *problem, auth::SignedInTokenProvider **signedIn, const TokenProviderWrapper &wrap) const
{
    const GraphEndpoint endpoint = profile.graphEndpoint(m_apiVersion, problem); // the profile's cloud
    if (!endpoint.isValid())
        return nullptr;
    if (!profile.tokensMayGoTo(endpoint.root())) {
        // Saved before the Graph URL was checked: its token would go elsewhere.
        *problem = profile.validate();
        return nullptr;
    }
    QNetworkAccessManager *network = networkFor(Route::ProcessProxy);
    // The sign-in's refreshes go through the same manager as Graph.
    std::unique_ptr<auth::SignedInTokenProvider> tokens = auth::SignedInTokenProvider::create(profile, store, network);
    if (signedIn)
        *signedIn = tokens.get();
    auto session = assemble(network, endpoint, wrap ? wrap(std::move(tokens)) : std::move(tokens), false);
    session->setTenantLabel(profile.tenant); // until the sign-in names the tenant id
    return session;
}

} // namespace ea
