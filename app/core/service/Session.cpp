#include "service/Session.h"

namespace ea {

Session::Session(const GraphEndpoint &endpoint, std::unique_ptr<AccessTokenProvider> tokens, QObject *parent)
    : QObject(parent), m_tokens(std::move(tokens)), m_graph(&m_network, m_tokens.get()), m_assignments(&m_graph)
{
    m_graph.setEndpoint(endpoint);
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
}

} // namespace ea
