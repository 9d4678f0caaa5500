#pragma once

#include "graph/AccessTokenProvider.h"
#include "graph/GraphEndpoint.h"
#include "graph/GraphRequest.h"
#include "graph/Result.h"
#include "graph/RetryPolicy.h"
#include "net/TlsDiagnosis.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ea {

class GraphClient;

// One logical Graph call in flight: all pages of a paged read, and the one
// replay after a 401 that a token refresh allows. `finished` is always
// emitted from the event loop (never from inside send() or cancel()), exactly
// once; the object deletes itself afterwards.
class GraphCall : public QObject
{
    Q_OBJECT
public:
    // Stops the call. The result is a GraphError of kind Cancelled (not
    // Timeout, even though Qt reports both as OperationCanceledError).
    void cancel();
    bool isFinished() const { return m_result.has_value(); }
    const Result<GraphResponse> &result() const { return *m_result; }
    const GraphRequest &request() const { return m_request; }

Q_SIGNALS:
    void finished();
    // A page of a paged read arrived (count so far), for progress displays.
    void progress(int itemsSoFar);
    // The call failed transiently and is tried again after delayMs
    // ("throttled, retrying in 12 s"); cancel() stops the wait.
    void retryScheduled(int attempt, qint64 delayMs, const QString &reason);

private:
    friend class GraphClient;
    GraphCall(GraphClient *client, GraphRequest request);

    void start();
    void sendTo(const QUrl &url);
    void onReplyFinished();
    // Checks a next-page link and sends it; false when the call finished instead (the error says why).
    bool requestNextPage(const QString &link);
    void finishWith(Result<GraphResponse> result);
    bool scheduleRetry(const GraphError &error);

    GraphClient *m_client;
    GraphRequest m_request;
    QString m_accessToken; // memory only; never logged
#if QT_CONFIG(ssl)
    // The certificate errors of this call's handshake and the chain the server sent.
    QList<QSslError> m_tlsErrors;
    QList<QSslCertificate> m_tlsChain;
#endif
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    ExchangeRecord m_record;
    QElapsedTimer m_timer;
    QUrl m_currentUrl;
    QSet<QUrl> m_visitedPages;
    QJsonArray m_values;
    qsizetype m_itemCount = 0; // of every page so far, collected or handed to the page sink
    qint64 m_bytesOfEarlierPages = 0; // the size cap covers all pages of one call
    int m_pages = 0;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_replayedAfter401 = false;
    int m_retries = 0;
    QTimer m_retryTimer;
    QTimer m_connectTimer; // runs from sending until Qt has handed the request over
    bool m_connectTimedOut = false;
    std::optional<Result<GraphResponse>> m_result;
};

// Every HTTP call of the app goes through here: the bearer header (only ever
// to the configured Graph origin), client-request-id, Accept/Content-Type,
// the transfer timeout, paging, the response size cap, the error model and
// the request log. One QNetworkAccessManager, injected so tests can replace it.
class GraphClient : public QObject
{
    Q_OBJECT
public:
    GraphClient(QNetworkAccessManager *network, AccessTokenProvider *tokens, QObject *parent = nullptr);

    void setEndpoint(const GraphEndpoint &endpoint) { m_endpoint = endpoint; }
    const GraphEndpoint &endpoint() const { return m_endpoint; }
    void setTokenProvider(AccessTokenProvider *tokens) { m_tokens = tokens; }

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_transferTimeout; }
    // From opening a connection until the request has been handed over
    // (TCP, proxy and TLS handshakes included). Failing here means nothing
    // was sent, so even a write is then known not to have happened.
    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    std::chrono::milliseconds connectTimeout() const { return m_connectTimeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    void setMaxPages(int pages) { m_maxPages = pages; }
    // Entries of a "value" list (all pages together): a small body of "{},"
    // repeated decodes into millions of objects, so bytes alone are no cap.
    void setMaxItems(int items) { m_maxItems = items; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    // Starts the call; connect to GraphCall::finished before returning to the event loop.
    GraphCall *send(const GraphRequest &request);

    // The headers a request carries besides Authorization and the per-exchange
    // ids (client-request-id, Retry-Attempt): what a preview shows and a copy repeats.
    static HeaderList headersFor(const GraphRequest &request);

    // The absolute URL a request goes to (for previews and --dry-run); invalid
    // if a path segment is empty, "." or "..".
    QUrl urlFor(const GraphRequest &request) const;

    static constexpr std::chrono::milliseconds kDefaultTransferTimeout {30000};
    static constexpr std::chrono::milliseconds kDefaultConnectTimeout {15000};
    static constexpr qint64 kDefaultMaxResponseBytes = 32 * 1024 * 1024;
    static constexpr int kDefaultMaxPages = 2000;
    static constexpr int kDefaultMaxItems = 100000;

Q_SIGNALS:
    void exchangeStarted(const ea::ExchangeRecord &record);
    void exchangeFinished(const ea::ExchangeRecord &record);

private:
    friend class GraphCall;
    quint64 nextSequence() { return ++m_sequence; }

    QNetworkAccessManager *m_network;
    AccessTokenProvider *m_tokens;
    GraphEndpoint m_endpoint;
    std::chrono::milliseconds m_transferTimeout = kDefaultTransferTimeout;
    std::chrono::milliseconds m_connectTimeout = kDefaultConnectTimeout;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    int m_maxPages = kDefaultMaxPages;
    int m_maxItems = kDefaultMaxItems;
    RetryPolicy m_retryPolicy;
    quint64 m_sequence = 0;
};

// For logs and the request view: the header value with any credential removed.
QByteArray redactedHeaderValue(const QByteArray &name, const QByteArray &value);

} // namespace ea
