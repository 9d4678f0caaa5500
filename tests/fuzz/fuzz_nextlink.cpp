// The rule that keeps the bearer token with Graph: a nextLink (or a
// configured root) is parsed by QUrl exactly as GraphClient does, and only a
// URL on the configured origin may be followed. The check must agree with
// what QNetworkAccessManager will actually connect to.
#include "FuzzSupport.h"
#include "graph/GraphEndpoint.h"

#include <QUrl>

using namespace ea;

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

const GraphEndpoint &endpoint(int which)
{
    static const GraphEndpoint global = GraphEndpoint::forCloud(Cloud::Global, ApiVersion::V1);
    static const GraphEndpoint china = GraphEndpoint::forCloud(Cloud::China, ApiVersion::Beta);
    static const GraphEndpoint loopback = [] {
        QString problem;
        return GraphEndpoint::fromRootUrl(QStringLiteral("http://127.0.0.1:8080"), ApiVersion::V1, &problem);
    }();
    return which == 0 ? global : which == 1 ? china : loopback;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = fuzz::text(data, size);

    // As GraphClient reads @odata.nextLink.
    const QUrl next(input, QUrl::StrictMode);
    if (next.isValid() && !next.isRelative()) {
        for (int which = 0; which < 3; ++which) {
            const GraphEndpoint &e = endpoint(which);
            if (!e.isSameOrigin(next))
                continue;
            const QUrl root = e.root();
            EA_FUZZ_CHECK(!next.host().isEmpty());
            EA_FUZZ_CHECK(next.host().compare(root.host(), Qt::CaseInsensitive) == 0);
            EA_FUZZ_CHECK(effectivePort(next) == effectivePort(root));
            EA_FUZZ_CHECK(next.scheme().compare(root.scheme(), Qt::CaseInsensitive) == 0);
            // What goes on the wire is the encoded form: it must name the same origin.
            const QUrl wire = QUrl::fromEncoded(next.toEncoded(), QUrl::StrictMode);
            EA_FUZZ_CHECK(wire.isValid());
            EA_FUZZ_CHECK(e.isSameOrigin(wire));
            EA_FUZZ_CHECK(wire.host() == next.host());
        }
    }

    // A root typed into the settings or passed with --graph-url.
    QString problem;
    const GraphEndpoint configured = GraphEndpoint::fromRootUrl(input, ApiVersion::V1, &problem);
    if (configured.isValid()) {
        EA_FUZZ_CHECK(problem.isEmpty());
        const QUrl root = configured.root();
        EA_FUZZ_CHECK(root.scheme() == QLatin1String("https")
            || (root.scheme() == QLatin1String("http") && configured.isLoopback()));
        EA_FUZZ_CHECK(root.path().isEmpty() && !root.hasQuery() && !root.hasFragment() && root.userInfo().isEmpty());
        EA_FUZZ_CHECK(configured.isSameOrigin(root));
        EA_FUZZ_CHECK(!root.host().isEmpty());
    } else {
        EA_FUZZ_CHECK(!problem.isEmpty());
    }
    return 0;
}
