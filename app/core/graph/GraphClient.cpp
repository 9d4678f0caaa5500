#include "graph/GraphClient.h"

#include "Logging.h"
#include "net/ProxyAccess.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <algorithm>

namespace ea {

namespace {

constexpr qsizetype kLoggedBodyCap = 64 * 1024;

QString newClientRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The body of a write, readable exactly once. Qt's HTTP/1.1 layer silently
// sends a request again when the connection closes before the answer starts
// (QHttpNetworkConnectionChannel resends on RemoteHostClosedError for any
// method), which for a POST that had already landed means a second
// assignment. Qt resends only after resetting the upload device; refusing
// the reset turns that resend into a ContentReSendError, which the service
// settles with a re-read instead. Not a QBuffer: Qt copies a QBuffer's bytes
// and would reset them itself.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return false; } // size known: Content-Length is sent
    qint64 size() const override { return m_data.size(); }
    bool reset() override { return false; }
    bool seek(qint64 pos) override { return pos == this->pos() && QIODevice::seek(pos); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size()) - pos());
        if (n <= 0)
            return 0;
        memcpy(data, m_data.constData() + pos(), size_t(n));
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
};

bool isNonIdempotent(const QByteArray &method)
{
    return method == "POST" || method == "PATCH";
}

// A failure of the connection itself (as opposed to a status Qt turned into
// an error): after a status line has arrived it means the answer is incomplete.
bool isTransportFailure(QNetworkReply::NetworkError code)
{
    return (code > QNetworkReply::NoError && code <= QNetworkReply::UnknownProxyError)
        || code == QNetworkReply::ContentReSendError || code == QNetworkReply::ProtocolFailure;
}

} // namespace

QByteArray redactedHeaderValue(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("authorization", Qt::CaseInsensitive) == 0) {
        const qsizetype space = value.indexOf(' ');
        return (space > 0 ? value.left(space) + ' ' : QByteArray()) + QByteArrayLiteral("[redacted]");
    }
    if (name.compare("cookie", Qt::CaseInsensitive) == 0 || name.compare("set-cookie", Qt::CaseInsensitive) == 0)
        return QByteArrayLiteral("[redacted]");
    return value;
}

GraphClient::GraphClient(QNetworkAccessManager *network, AccessTokenProvider *tokens, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_tokens(tokens)
{ }

HeaderList GraphClient::headersFor(const GraphRequest &request)
{
    HeaderList headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    if (!request.body.isEmpty() || request.isWrite())
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    headers += request.extraHeaders;
    return headers;
}

QUrl GraphClient::urlFor(const GraphRequest &request) const
{
    QByteArray path = '/' + apiVersionPath(request.apiVersion.value_or(m_endpoint.version())).toLatin1();
    for (const QString &segment : request.pathSegments) {
        if (segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String(".."))
            return {};
        // Everything outside the unreserved set is encoded, so '/', '?', '#'
        // and '%' in an id stay inside its one segment.
        // Graph's "$batch" is written as is; every other '$' is encoded.
        path += '/' + (segment == QLatin1String("$batch") ? segment.toLatin1() : QUrl::toPercentEncoding(segment));
    }
    QByteArray query;
    for (const auto &[key, value] : request.queryItems) {
        query
            += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key, "$") + '=' + QUrl::toPercentEncoding(value);
    }
    QByteArray encoded = m_endpoint.root().toEncoded(QUrl::RemovePath) + path;
    if (!query.isEmpty())
        encoded += '?' + query;
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

GraphCall *GraphClient::send(const GraphRequest &request)
{
    auto *call = new GraphCall(this, request);
    call->start();
    return call;
}

GraphCall::GraphCall(GraphClient *client, GraphRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{ }

void GraphCall::start()
{
    const QUrl url = m_client->urlFor(m_request);
    if (!m_client->endpoint().isValid() || !url.isValid()) {
        finishWith(GraphError::local(GraphError::Kind::Refused,
            tr("The request could not be built: the Graph root or an id in the path is "
               "not valid.")));
        return;
    }
    if (!m_client->m_tokens) {
        finishWith(GraphError::local(GraphError::Kind::Refused, tr("Not signed in: there is no access token.")));
        return;
    }
    QPointer<GraphCall> self(this);
    m_client->m_tokens->requestAccessToken(false, [self, url](const Result<QString> &token) {
        if (!self || self->isFinished())
            return;
        if (!token) {
            self->finishWith(token.error());
            return;
        }
        self->m_accessToken = token.value();
        self->sendTo(url);
    });
}

void GraphCall::sendTo(const QUrl &url)
{
    if (m_cancelled) {
        finishWith(GraphError::local(GraphError::Kind::Cancelled, tr("The call was cancelled.")));
        return;
    }
    // The one rule that keeps the token safe: it only goes to the configured origin.
    if (!m_client->endpoint().isSameOrigin(url)) {
        finishWith(GraphError::local(GraphError::Kind::Refused,
            tr("Refused to send the access token to %1, which is not the configured "
               "Graph service (%2).")
                .arg(url.authority(), m_client->endpoint().root().authority())));
        return;
    }
    m_currentUrl = url;
    m_body.clear();
    m_tooLarge = false;
#if QT_CONFIG(ssl)
    m_tlsErrors.clear();
    m_tlsChain.clear();
#endif

    QNetworkRequest req(url);
    const QString clientRequestId = newClientRequestId();
    HeaderList headers = GraphClient::headersFor(m_request);
    headers.append({QByteArrayLiteral("client-request-id"), clientRequestId.toLatin1()});
    headers.append({QByteArrayLiteral("return-client-request-id"), QByteArrayLiteral("true")});
    if (m_retries > 0) // as Microsoft's SDKs do, so the service can see a retry
        headers.append({QByteArrayLiteral("Retry-Attempt"), QByteArray::number(m_retries)});

    m_record = ExchangeRecord();
    m_record.sequence = m_client->nextSequence();
    m_record.method = m_request.method;
    m_record.url = url;
    m_record.requestBody = m_request.body.left(kLoggedBodyCap);
    m_record.requestBodyTruncated = m_request.body.size() > kLoggedBodyCap;
    m_record.clientRequestId = clientRequestId;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_record.retryAttempt = m_retries;
    m_record.requestHeaders.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer [redacted]")});
    for (const auto &[name, value] : headers) {
        req.setRawHeader(name, value);
        m_record.requestHeaders.append({name, redactedHeaderValue(name, value)});
    }
    req.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_accessToken.toUtf8());
    // Redirects are never followed: a redirect could carry the bearer token to
    // another host. Graph does not redirect these calls.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(int(m_client->transferTimeout().count()));

    Q_EMIT m_client->exchangeStarted(m_record);
    m_timer.start();
    qCDebug(lcGraph) << m_request.method.constData() << url.toDisplayString();

    QNetworkReply *reply = nullptr;
    if (isNonIdempotent(m_request.method)) {
        auto *body = new OneShotBody(m_request.body, this);
        reply = m_request.method == "POST" ? m_client->m_network->post(req, body)
                                           : m_client->m_network->sendCustomRequest(req, m_request.method, body);
        body->setParent(reply); // lives as long as Qt may read it
    } else if (m_request.method == "GET") {
        reply = m_client->m_network->get(req);
    } else if (m_request.method == "DELETE") {
        // Idempotent: a resend by Qt is harmless (the service settles a 404).
        reply = m_client->m_network->deleteResource(req);
    } else {
        reply = m_client->m_network->sendCustomRequest(req, m_request.method, m_request.body);
    }
    m_reply = reply;

    // Qt has only one timeout (transfer), and when it strikes nobody knows
    // whether the request got out. A stall before the request has been
    // handed over (a dead VPN, a proxy or TLS endpoint that never answers,
    // a connection still stuck from an earlier attempt) is cut short here
    // instead, at a moment when it is certain that no complete request was
    // sent. The timer starts now, not at socketStartedConnecting: a request
    // queued behind a stuck connection never sees that signal.
    m_connectTimedOut = false;
    m_connectTimer.setSingleShot(true);
    m_connectTimer.disconnect(this);
    connect(&m_connectTimer, &QTimer::timeout, this, [this, guarded = QPointer<QNetworkReply>(reply)] {
        if (!guarded || guarded != m_reply)
            return;
        // Waiting for the admin to type the proxy's password is not a dead network.
        if (net::ProxyAccess::isAsking()) {
            m_connectTimer.start();
            return;
        }
        m_connectTimedOut = true;
        guarded->abort();
    });
    connect(reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(reply, &QNetworkReply::metaDataChanged, &m_connectTimer, &QTimer::stop);
    m_connectTimer.start(m_client->connectTimeout());

#if QT_CONFIG(ssl)
    // Certificate errors are never ignored (no ignoreSslErrors() anywhere);
    // the first one is kept with the certificate's details for the message.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_tlsErrors.isEmpty()) {
            m_tlsErrors = errors;
            m_tlsChain = reply->sslConfiguration().peerCertificateChain();
        }
    });
#endif

    // The cap holds for the whole call: one huge page, or many pages, or a
    // Content-Length that announces more than the cap (refused before reading).
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (!m_tooLarge && announced > m_client->m_maxResponseBytes - m_bytesOfEarlierPages) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (m_tooLarge)
            return;
        m_body += reply->readAll();
        if (m_bytesOfEarlierPages + m_body.size() > m_client->m_maxResponseBytes) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &GraphCall::onReplyFinished);
}

void GraphCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_connectTimer.stop();
    reply->deleteLater();
    if (!m_tooLarge && reply->isOpen()) // an aborted reply is closed
        m_body += reply->readAll();
    if (m_bytesOfEarlierPages + m_body.size() > m_client->m_maxResponseBytes)
        m_tooLarge = true;

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_record.httpStatus = status;
    m_record.durationMs = m_timer.elapsed();
    m_record.finished = true;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        m_record.responseHeaders.append({name, redactedHeaderValue(name, value)});
    // An exact-size copy, not m_body.left(): readAll() leaves a chunk of spare
    // capacity behind each body, and the request log keeps many of them (with
    // 10,000 configurations the spare room came to 2.3 MiB, issue 15 P5).
    m_record.responseBody = QByteArray(m_body.constData(), std::min(m_body.size(), kLoggedBodyCap));
    m_record.responseBodyTruncated = m_body.size() > kLoggedBodyCap;
    m_record.requestId = QString::fromLatin1(reply->rawHeader("request-id").left(100));
    if (reply->error() != QNetworkReply::NoError && status == 0)
        m_record.errorText = reply->errorString();

    const auto fail = [&](GraphError error, bool retryable = true) {
        error.httpStatus = error.httpStatus ? error.httpStatus : status;
        if (error.requestId.isEmpty())
            error.requestId = m_record.requestId;
        if (error.clientRequestId.isEmpty())
            error.clientRequestId = m_record.clientRequestId;
        error.diagnostics = QString::fromLatin1(reply->rawHeader("x-ms-ags-diagnostic").left(500));
        if (m_record.errorText.isEmpty() && error.kind != GraphError::Kind::Http)
            m_record.errorText = error.summary();
        Q_EMIT m_client->exchangeFinished(m_record);
        if (!m_cancelled && retryable && scheduleRetry(error))
            return;
        finishWith(error);
    };

    if (m_cancelled) {
        GraphError cancelled = GraphError::local(GraphError::Kind::Cancelled, tr("The call was cancelled."));
        cancelled.requestMaybeSent = true; // it was on the wire when the user cancelled
        return fail(cancelled);
    }
    if (m_tooLarge)
        return fail(GraphError::local(GraphError::Kind::InvalidResponse,
            tr("The response is larger than %1 MiB; the app stopped reading it.")
                .arg(m_client->m_maxResponseBytes / (1024 * 1024))));
    const QNetworkReply::NetworkError code = reply->error();
    // The proxy refused or could not be reached: name it and its setting.
    if (const std::optional<net::ProxyFailure> proxy
        = net::describeProxyFailure(code, m_currentUrl, reply->errorString())) {
        GraphError e = GraphError::local(GraphError::Kind::Network, proxy->message);
        e.nextStep = proxy->nextStep;
        if (code == QNetworkReply::ProxyAuthenticationRequiredError) {
            e.kind = GraphError::Kind::Http;
            e.httpStatus = 407;
            e.code = QStringLiteral("ProxyAuthenticationRequired");
        }
        // A proxy that refused the connection or the credentials forwarded
        // nothing; one that closed or timed out may have.
        e.requestMaybeSent = !(code == QNetworkReply::ProxyConnectionRefusedError
            || code == QNetworkReply::ProxyNotFoundError || code == QNetworkReply::ProxyAuthenticationRequiredError
            || code == QNetworkReply::ConnectionRefusedError || code == QNetworkReply::HostNotFoundError);
        // A proxy that is down may come back; credentials it refused stay refused.
        return fail(e, code != QNetworkReply::ProxyAuthenticationRequiredError);
    }
    // No status, or a success status whose body broke off (a reset or a stall
    // in mid-answer): the answer is incomplete, whatever the status line said.
    if (status == 0 || (status < 300 && isTransportFailure(code))) {
        if (m_connectTimedOut) {
            GraphError notConnected = GraphError::local(GraphError::Kind::Timeout,
                tr("Could not connect to %1 within %2 seconds; nothing was sent. Check the network, VPN or proxy.")
                    .arg(m_currentUrl.authority())
                    .arg(m_client->connectTimeout().count() / 1000.0));
            notConnected.requestMaybeSent = false;
            return fail(notConnected);
        }
        // Qt reports a transfer timeout and abort() alike; m_cancelled tells them apart.
        if (code == QNetworkReply::OperationCanceledError)
            return fail(GraphError::local(GraphError::Kind::Timeout,
                tr("No answer from %1 within %2 seconds. The call may or may not have "
                   "reached the service.")
                    .arg(m_currentUrl.host())
                    .arg(m_client->transferTimeout().count() / 1000.0)));
#if QT_CONFIG(ssl)
        if (code == QNetworkReply::SslHandshakeFailedError || !m_tlsErrors.isEmpty()) {
            // Nothing is sent before the handshake, and a certificate does not
            // get better by asking again.
            const net::TlsDiagnosis diagnosis = net::diagnoseTls(m_tlsErrors, m_tlsChain, m_currentUrl.host());
            GraphError tls = GraphError::local(GraphError::Kind::Network,
                m_tlsErrors.isEmpty()
                    ? tr("The secure connection to %1 failed: %2").arg(m_currentUrl.authority(), reply->errorString())
                    : diagnosis.message);
            tls.nextStep = diagnosis.nextStep;
            tls.certificate = diagnosis.details;
            tls.requestMaybeSent = false;
            return fail(tls, false);
        }
#endif
        QString text = reply->errorString();
        if (code == QNetworkReply::ContentReSendError)
            text = tr("The connection to %1 closed before the service answered.").arg(m_currentUrl.authority());
        else if (status != 0)
            text = tr("The connection broke while the answer (HTTP %1) was arriving: %2").arg(status).arg(text);
        GraphError network = GraphError::local(GraphError::Kind::Network, text);
        // These failures happen before a single byte of the request is sent.
        network.requestMaybeSent
            = !(code == QNetworkReply::ConnectionRefusedError || code == QNetworkReply::HostNotFoundError
                || code == QNetworkReply::ProxyConnectionRefusedError || code == QNetworkReply::ProxyNotFoundError);
        return fail(network);
    }
    if (status >= 300 && status < 400) {
        return fail(GraphError::local(GraphError::Kind::Refused,
            tr("The service redirected the call to %1; the app does not follow redirects with your token.")
                .arg(QString::fromLatin1(reply->rawHeader("Location").left(300)))));
    }
    if (status == 401 && !m_replayedAfter401) {
        // Once per call: ask the token provider for a fresh token and replay.
        m_replayedAfter401 = true;
        Q_EMIT m_client->exchangeFinished(m_record);
        GraphError unauthorized = GraphError::fromHttpResponse(
            status, m_body, reply->rawHeader("request-id"), m_record.clientRequestId.toLatin1());
        const QUrl url = m_currentUrl;
        QPointer<GraphCall> self(this);
        m_client->m_tokens->requestAccessToken(true, [self, url, unauthorized](const Result<QString> &token) {
            if (!self || self->isFinished())
                return;
            if (!token) {
                self->finishWith(unauthorized);
                return;
            }
            self->m_accessToken = token.value();
            self->sendTo(url);
        });
        return;
    }
    if (status >= 400) {
        GraphError error = GraphError::fromHttpResponse(
            status, m_body, reply->rawHeader("request-id"), m_record.clientRequestId.toLatin1());
        const int retryAfter = parseRetryAfterSeconds(reply->rawHeader("Retry-After"));
        if (retryAfter >= 0)
            error.retryAfterSeconds = retryAfter;
        return fail(error);
    }

    GraphResponse response;
    response.httpStatus = status;
    response.requestId = m_record.requestId;
    response.clientRequestId = m_record.clientRequestId;
    if (status != 204 && !m_body.trimmed().isEmpty()) {
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            GraphError error = GraphError::local(GraphError::Kind::InvalidResponse,
                tr("HTTP %1 came back with a body that is not a Graph JSON object (%2); a proxy may have "
                   "answered instead of Graph.")
                    .arg(status)
                    .arg(
                        parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("not an object")));
            return fail(error);
        }
        response.object = doc.object();
        const qsizetype items = response.object.value(QStringLiteral("value")).toArray().size();
        if (m_itemCount + items > m_client->m_maxItems)
            return fail(GraphError::local(GraphError::Kind::InvalidResponse,
                tr("The list from %1 has more than %2 entries; the app stopped reading it.")
                    .arg(m_currentUrl.path())
                    .arg(m_client->m_maxItems)));
    }
    Q_EMIT m_client->exchangeFinished(m_record);

    if (!m_request.followNextLinks) {
        finishWith(response);
        return;
    }
    const QJsonValue value = response.object.value(QStringLiteral("value"));
    if (!value.isArray()) {
        finishWith(GraphError::local(GraphError::Kind::InvalidResponse,
            tr("The list from %1 has no \"value\" array.").arg(m_currentUrl.path())));
        return;
    }
    const QJsonArray page = value.toArray();
    m_itemCount += page.size();
    ++m_pages;
    m_bytesOfEarlierPages += m_body.size();
    m_visitedPages.insert(m_currentUrl);

    // The next page is asked for before this one is handed on: the service
    // prepares it while this one is decoded, instead of after (a list of 401
    // pages otherwise waits for every page's decoding in turn).
    const QJsonValue nextLink = response.object.value(QStringLiteral("@odata.nextLink"));
    const bool lastPage = !nextLink.isString() || nextLink.toString().isEmpty();
    if (!lastPage && !requestNextPage(nextLink.toString()))
        return;
    if (isFinished()) // sending it ended the call (cancelled meanwhile): the pages are not wanted
        return;
    if (m_request.pageSink) {
        m_request.pageSink(page);
        response.object.remove(QStringLiteral("value")); // handed over, not kept
    } else {
        for (const QJsonValue &v : page)
            m_values.append(v);
    }
    Q_EMIT progress(int(m_itemCount));
    if (!lastPage)
        return;
    response.values = std::move(m_values);
    response.pageCount = m_pages;
    response.itemCount = m_itemCount;
    finishWith(response);
}

bool GraphCall::requestNextPage(const QString &link)
{
    const QUrl next(link, QUrl::StrictMode);
    if (!next.isValid() || next.isRelative()) {
        finishWith(GraphError::local(
            GraphError::Kind::InvalidResponse, tr("The service sent a next-page link that is not a URL.")));
    } else if (!m_client->endpoint().isSameOrigin(next)) {
        finishWith(GraphError::local(GraphError::Kind::Refused,
            tr("The next-page link points to %1, not to the Graph service (%2); the "
               "app refused to follow it with your token.")
                .arg(next.authority(), m_client->endpoint().root().authority())));
    } else if (m_visitedPages.contains(next)) {
        finishWith(GraphError::local(GraphError::Kind::InvalidResponse,
            tr("The service sent a next-page link that was already read (a loop).")));
    } else if (m_pages >= m_client->m_maxPages) {
        finishWith(GraphError::local(GraphError::Kind::InvalidResponse,
            tr("The list has more than %1 pages; the app stopped reading.").arg(m_client->m_maxPages)));
    } else {
        // Retry state belongs to one request: the next page starts afresh,
        // with its own Retry-Attempt count and its own retry budget.
        m_retries = 0;
        sendTo(next);
        return true;
    }
    return false;
}

bool GraphCall::scheduleRetry(const GraphError &error)
{
    const auto delay = m_client->m_retryPolicy.delayBeforeRetry(m_request.isWrite(), error, m_retries + 1);
    if (!delay)
        return false;
    ++m_retries;
    const QString reason = error.httpStatus == 429 ? tr("Throttled by the service (HTTP 429)")
        : error.httpStatus                         ? tr("The service is busy (HTTP %1)").arg(error.httpStatus)
                                                   : error.summary();
    qCInfo(lcGraph) << "retry" << m_retries << "in" << delay->count() << "ms:" << reason;
    Q_EMIT retryScheduled(m_retries, delay->count(), reason);
    const QUrl url = m_currentUrl;
    m_retryTimer.setSingleShot(true);
    m_retryTimer.disconnect(this);
    connect(&m_retryTimer, &QTimer::timeout, this, [this, url] { sendTo(url); });
    m_retryTimer.start(*delay);
    return true;
}

void GraphCall::cancel()
{
    if (isFinished() || m_cancelled)
        return;
    m_cancelled = true;
    if (m_retryTimer.isActive()) {
        // Waiting between attempts: the last attempt's answer said "not done".
        m_retryTimer.stop();
        GraphError cancelled = GraphError::local(GraphError::Kind::Cancelled, tr("The call was cancelled."));
        cancelled.requestMaybeSent = false;
        finishWith(cancelled);
        return;
    }
    if (m_reply)
        m_reply->abort(); // onReplyFinished reports Cancelled
    else
        finishWith(GraphError::local(GraphError::Kind::Cancelled, tr("The call was cancelled.")));
}

void GraphCall::finishWith(Result<GraphResponse> result)
{
    if (isFinished())
        return;
    m_accessToken.clear();
    m_result = std::move(result);
    // Always from the event loop, so a caller never sees its callback run
    // inside send() or cancel().
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

} // namespace ea
