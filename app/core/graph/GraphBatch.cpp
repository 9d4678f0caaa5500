#include "graph/GraphBatch.h"

#include "Logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ea {

namespace {

GraphError cancelledError()
{
    GraphError e = GraphError::local(GraphError::Kind::Cancelled, GraphBatch::tr("Cancelled."));
    e.requestMaybeSent = false;
    return e;
}

bool isNotNow(int status)
{
    return status == 429 || status == 503 || status == 504;
}

} // namespace

GraphBatch::GraphBatch(GraphClient *client, QList<GraphRequest> requests, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_requests(std::move(requests))
{
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        m_results.append(Result<GraphResponse>(cancelledError()));
        m_settled.append(false);
        m_attempts.append(0);
        m_notBefore.append(0);
        m_queue.append(int(i));
    }
    m_wakeUp.setSingleShot(true);
    connect(&m_wakeUp, &QTimer::timeout, this, &GraphBatch::sendNext);
}

void GraphBatch::start()
{
    m_clock.start();
    // From the event loop, like every other answer, even for an empty list.
    QTimer::singleShot(0, this, &GraphBatch::sendNext);
}

void GraphBatch::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    m_wakeUp.stop();
    if (m_current)
        m_current->cancel();
    for (const QPointer<GraphCall> &call : std::as_const(m_alone)) {
        if (call)
            call->cancel();
    }
    for (const int index : std::as_const(m_queue))
        settle(index, cancelledError());
    m_queue.clear();
    finishIfDone();
}

QByteArray GraphBatch::relativeUrl(const GraphRequest &request) const
{
    // The URL the request would go to, less the service root and version:
    // Graph's batch names each request relative to the version.
    GraphRequest copy = request;
    const QByteArray full = m_client->urlFor(copy).toEncoded();
    const QByteArray prefix = m_client->endpoint().root().toEncoded(QUrl::RemovePath) + '/'
        + apiVersionPath(request.apiVersion.value_or(m_client->endpoint().version())).toLatin1();
    return full.mid(prefix.size());
}

void GraphBatch::sendNext()
{
    if (m_cancelled || m_current)
        return;
    if (m_queue.isEmpty())
        return finishIfDone();
    // Those whose wait is over, up to 20, all of one API version.
    const qint64 now = m_clock.elapsed();
    QList<int> chunk;
    qint64 soonest = std::numeric_limits<qint64>::max();
    std::optional<ApiVersion> version;
    for (const int index : std::as_const(m_queue)) {
        if (m_notBefore.at(index) > now) {
            soonest = std::min(soonest, m_notBefore.at(index));
            continue;
        }
        const ApiVersion v = m_requests.at(index).apiVersion.value_or(m_client->endpoint().version());
        if (version && *version != v)
            continue;
        version = v;
        chunk.append(index);
        if (chunk.size() == kMaxRequestsPerBatch)
            break;
    }
    if (chunk.isEmpty()) {
        m_wakeUp.start(int(std::max<qint64>(1, soonest - now)));
        return;
    }
    for (const int index : std::as_const(chunk))
        m_queue.removeOne(index);
    if (m_noBatch) {
        for (const int index : std::as_const(chunk))
            sendAlone(index);
        return;
    }
    sendBatch(chunk);
}

void GraphBatch::sendBatch(const QList<int> &indexes)
{
    QJsonArray requests;
    for (const int index : indexes) {
        ++m_attempts[index];
        requests.append(QJsonObject {{QStringLiteral("id"), QString::number(index)},
            {QStringLiteral("method"), QString::fromLatin1(m_requests.at(index).method)},
            {QStringLiteral("url"), QString::fromUtf8(relativeUrl(m_requests.at(index)))}});
    }
    GraphRequest batch = GraphRequest::post({QStringLiteral("$batch")}, {{QStringLiteral("requests"), requests}});
    batch.apiVersion = m_requests.at(indexes.first()).apiVersion;
    ++m_batchesSent;
    GraphCall *call = m_client->send(batch);
    m_current = call;
    connect(call, &GraphCall::finished, this, [this, call, indexes] {
        m_current = nullptr;
        onBatchAnswer(indexes, call->result());
    });
}

void GraphBatch::sendAlone(int index)
{
    ++m_attempts[index];
    GraphCall *call = m_client->send(m_requests.at(index));
    m_alone.append(call);
    connect(call, &GraphCall::finished, this, [this, call, index] {
        m_alone.removeAll(call);
        settle(index, call->result());
        finishIfDone();
        sendNext();
    });
}

void GraphBatch::onBatchAnswer(const QList<int> &indexes, const Result<GraphResponse> &answer)
{
    // One time for the whole answer: requests throttled in it wait the same
    // delay from the same moment, so they go again together, in one batch.
    // (Read per request, the clock could tick between two of them on a busy
    // machine, and the retries split into two batches.)
    const qint64 answeredAt = m_clock.elapsed();
    if (m_cancelled) {
        for (const int index : indexes)
            settle(index, cancelledError());
        return finishIfDone();
    }
    if (!answer) {
        const GraphError &error = answer.error();
        const int status = error.kind == GraphError::Kind::Http ? error.httpStatus : 0;
        if (status == 400 || status == 404 || status == 405 || status == 501) {
            // No batching here: the same reads, one by one.
            qCInfo(lcGraph) << "$batch refused with HTTP" << status << "; reading one by one";
            m_noBatch = true;
            for (const int index : indexes)
                sendAlone(index);
            return;
        }
        // The batch as a whole failed: it only reads, so it may simply go again.
        const auto delay = m_client->retryPolicy().delayBeforeRetry(false, error, ++m_outerAttempts);
        if (delay) {
            for (const int index : indexes) {
                m_notBefore[index] = answeredAt + delay->count();
                m_queue.append(index);
            }
            return sendNext();
        }
        for (const int index : indexes)
            settle(index, error);
        finishIfDone();
        return sendNext();
    }
    m_outerAttempts = 0;
    QList<int> unanswered = indexes;
    for (const QJsonValue &value : answer.value().object.value(QStringLiteral("responses")).toArray()) {
        const QJsonObject inner = value.toObject();
        bool ok = false;
        const int index = inner.value(QStringLiteral("id")).toString().toInt(&ok);
        if (!ok || !unanswered.removeOne(index))
            continue; // not one of this batch's: ignored, never trusted
        acceptInner(index, inner, answeredAt);
    }
    for (const int index : std::as_const(unanswered)) {
        GraphError e = GraphError::local(
            GraphError::Kind::InvalidResponse, tr("The batch answer has no answer for one of its requests."));
        settle(index, e);
    }
    finishIfDone();
    sendNext();
}

void GraphBatch::acceptInner(int index, const QJsonObject &inner, qint64 answeredAt)
{
    const int status = inner.value(QStringLiteral("status")).toInt();
    const QJsonObject headers = inner.value(QStringLiteral("headers")).toObject();
    const QJsonObject body = inner.value(QStringLiteral("body")).toObject();
    QString retryAfter;
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(QLatin1String("Retry-After"), Qt::CaseInsensitive) == 0)
            retryAfter = it.value().toString();
    }
    if (status >= 200 && status < 300) {
        if (m_requests.at(index).followNextLinks && body.contains(QStringLiteral("@odata.nextLink")))
            return sendAlone(index); // more pages: the client reads them all, checked as always
        GraphResponse response;
        response.httpStatus = status;
        response.object = body;
        response.values = body.value(QStringLiteral("value")).toArray();
        response.pageCount = 1;
        response.itemCount = response.values.size();
        return settle(index, response);
    }
    GraphError error = GraphError::fromHttpResponse(status, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, {});
    error.retryAfterSeconds = parseRetryAfterSeconds(retryAfter.toLatin1());
    if (isNotNow(status))
        return retryLater(index, error, answeredAt);
    settle(index, error);
}

void GraphBatch::retryLater(int index, const GraphError &error, qint64 answeredAt)
{
    const auto delay = m_client->retryPolicy().delayBeforeRetry(false, error, m_attempts.at(index));
    if (!delay)
        return settle(index, error);
    qCInfo(lcGraph).nospace() << "a request in a batch got HTTP " << error.httpStatus << "; again in " << delay->count()
                              << " ms";
    m_notBefore[index] = answeredAt + delay->count();
    m_queue.append(index);
}

void GraphBatch::settle(int index, Result<GraphResponse> result)
{
    if (m_settled.at(index))
        return;
    m_settled[index] = true;
    m_results[index] = std::move(result);
    ++m_settledCount;
    Q_EMIT progress(m_settledCount, int(m_requests.size()));
}

void GraphBatch::finishIfDone()
{
    if (m_finished || m_settledCount < m_requests.size())
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace ea
