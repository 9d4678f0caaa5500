#pragma once

#include "domain/ApiVersion.h"
#include "graph/GraphEndpoint.h"
#include "service/Session.h"

#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace ea {

namespace auth {
class SignedInTokenProvider;
class TokenStore;
struct TenantProfile;
} // namespace auth

// The one place that wires a Session: endpoint, token provider, network
// access manager and its proxy route, GraphClient timeouts, the audit journal
// and the tenant label. The GUI's entry, the CLI and the tests ask it for the
// sandbox, a supplied token or a stored sign-in; none builds those by hand.
//
// Given a network access manager, every session (and the sign-in of a
// profile) uses that one; it is not owned and must outlive them. Without one,
// each session makes its own, a child of the session.
class SessionFactory
{
public:
    explicit SessionFactory(QNetworkAccessManager *network = nullptr);

    void setApiVersion(ApiVersion version) { m_apiVersion = version; }
    ApiVersion apiVersion() const { return m_apiVersion; }
    // --journal and tests: this file instead of the default journal (or the sandbox's).
    void setAuditJournalPath(const QString &path) { m_journalPath = path; }
    // Unset: GraphClient's defaults.
    void setTimeouts(std::chrono::milliseconds transfer, std::chrono::milliseconds connect);

    // The built-in sandbox tenant at `root` (on 127.0.0.1 in this process),
    // with the token it issued: no proxy, the sandbox's own journal.
    std::unique_ptr<Session> forSandbox(const QUrl &root, const QString &accessToken, QString *problem) const;
    // A token the user supplied (GRAPH_ACCESS_TOKEN, --token-file, the GUI's
    // dialog) for `endpoint` (a valid one): normalised with auth::normalizeSuppliedToken
    // ("Bearer eyJ…" is still the token). Null and *problem when it is no token.
    // The tenant label is the Graph host until the caller knows better.
    std::unique_ptr<Session> forToken(
        const GraphEndpoint &endpoint, const QString &suppliedToken, QString *problem) const;
    // Puts the sign-in's provider inside one of the caller's: the GUI holds a
    // call that needs a sign-in while its dialog is open.
    using TokenProviderWrapper
        = std::function<std::unique_ptr<AccessTokenProvider>(std::unique_ptr<auth::SignedInTokenProvider>)>;
    // The stored sign-in of `profile` (refresh token in `store`, which must
    // outlive the session), for the profile's own Graph. Null and *problem
    // when the profile names no usable Graph, or one its tokens may not go to
    // (a profile saved before the Graph URL was checked). `signedIn`, when
    // given, is set to the sign-in's token provider (owned by the session);
    // `wrap`, when given, wraps it.
    std::unique_ptr<Session> forProfile(const auth::TenantProfile &profile, auth::TokenStore *store, QString *problem,
        auth::SignedInTokenProvider **signedIn = nullptr, const TokenProviderWrapper &wrap = {}) const;

    // How a manager reaches Graph and the sign-in service.
    enum class Route {
        ProcessProxy, // the process's proxy policy (net::ProxyAccess), as the sign-in uses
        Direct, // the in-process sandbox: no proxy could ever reach it
    };
    static void routeNetwork(QNetworkAccessManager *network, Route route);

private:
    // The injected manager, or a new one the caller hands to the session.
    QNetworkAccessManager *networkFor(Route route) const;
    std::unique_ptr<Session> assemble(QNetworkAccessManager *network, const GraphEndpoint &endpoint,
        std::unique_ptr<AccessTokenProvider> tokens, bool sandbox) const;

    QNetworkAccessManager *m_network;
    ApiVersion m_apiVersion = ApiVersion::V1;
    QString m_journalPath;
    std::optional<std::chrono::milliseconds> m_transferTimeout;
    std::optional<std::chrono::milliseconds> m_connectTimeout;
};

} // namespace ea
