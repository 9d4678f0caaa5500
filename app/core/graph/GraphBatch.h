#pragma once

#include "graph/GraphClient.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ea {

// Many GET requests read with Graph's JSON batching (POST /$batch): at most
// 20 per batch, and every answer inside checked on its own, because Graph
// throttles each request of a batch on its own (a 200 batch can hold 429s).
// An inner "not now" (429, 503, 504) goes out again in a later batch after
// its own Retry-After (or the retry policy's backoff), up to the policy's
// count; an inner list with more pages is read to its end with a plain call.
// Where a service refuses $batch itself (400, 404, 405, 501: a proxy or a
// Graph stand-in without it), the requests go one by one instead.
//
// Only for reads: a batch is never used for writes, which the service sends
// one at a time, each settled on its own.
class GraphBatch : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRequestsPerBatch = 20;

    GraphBatch(GraphClient *client, QList<GraphRequest> requests, QObject *parent = nullptr);

    void start();
    // Stops: the requests not answered yet end as Cancelled.
    void cancel();

    // One per request, in the order given; valid after finished().
    const QList<Result<GraphResponse>> &results() const { return m_results; }
    int batchesSent() const { return m_batchesSent; }

Q_SIGNALS:
    void progress(int answered, int total);
    void finished();

private:
    void sendNext();
    void sendBatch(const QList<int> &indexes);
    void sendAlone(int index);
    void onBatchAnswer(const QList<int> &indexes, const Result<GraphResponse> &answer);
    // answeredAt: when the batch's answer came (m_clock), the moment retry delays count from.
    void acceptInner(int index, const QJsonObject &inner, qint64 answeredAt);
    void retryLater(int index, const GraphError &error, qint64 answeredAt);
    void settle(int index, Result<GraphResponse> result);
    void finishIfDone();
    QByteArray relativeUrl(const GraphRequest &request) const;

    GraphClient *m_client;
    QList<GraphRequest> m_requests;
    QList<Result<GraphResponse>> m_results;
    QList<bool> m_settled;
    QList<int> m_attempts;
    QList<int> m_queue; // waiting to be sent
    QList<qint64> m_notBefore; // per request: not sent again before this (ms since start)
    QElapsedTimer m_clock;
    QTimer m_wakeUp;
    QPointer<GraphCall> m_current;
    QList<QPointer<GraphCall>> m_alone;
    int m_settledCount = 0;
    int m_batchesSent = 0;
    int m_outerAttempts = 0;
    bool m_noBatch = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace ea
