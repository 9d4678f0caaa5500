#pragma once

#include "graph/GraphClient.h"
#include "graph/Result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace ea {

// A service-level task that may take several Graph calls (read, write,
// verify). The caller can cancel it; the callback then gets a Cancelled error.
// The callback is skipped if the context object given at the start is gone.
// Deletes itself once it has reported.
class Operation : public QObject
{
    Q_OBJECT
public:
    explicit Operation(QObject *context, QObject *parent);

    void cancel();
    bool isCancelled() const { return m_cancelled; }
    // A request other than a read went out: after a lost answer, the write
    // may have landed, and the caller should say so.
    bool hasSentWrite() const { return m_sentWrite; }

    // Waits for `call` and hands its result to `next` (which starts the next
    // step or calls finish()).
    template<typename Next> void await(GraphCall *call, Next next)
    {
        track(call);
        connect(call, &GraphCall::finished, this, [this, call, next] {
            m_calls.removeAll(call);
            next(call->result());
        });
    }

    // Waits for two calls that are in flight together (reads that do not
    // depend on each other) and hands both results to `next` once both have
    // answered. cancel() stops both.
    template<typename Next> void awaitBoth(GraphCall *first, GraphCall *second, Next next)
    {
        // A call deletes itself after it has reported, so each result is kept
        // here until the other one arrives.
        struct Answers
        {
            std::optional<Result<GraphResponse>> first;
            std::optional<Result<GraphResponse>> second;
        };
        auto answers = std::make_shared<Answers>();
        const auto arrived = [this, answers, next](GraphCall *call, std::optional<Result<GraphResponse>> &slot) {
            m_calls.removeAll(call);
            slot = call->result();
            if (answers->first && answers->second)
                next(*answers->first, *answers->second);
        };
        track(first);
        track(second);
        connect(first, &GraphCall::finished, this, [first, answers, arrived] { arrived(first, answers->first); });
        connect(second, &GraphCall::finished, this, [second, answers, arrived] { arrived(second, answers->second); });
    }

    // Waits on the event loop, then calls `next`. cancel() ends the wait at
    // once; `next` then finds isCancelled() set (a Retry-After of a minute
    // must not hold a Cancel for a minute).
    template<typename Next> void wait(std::chrono::milliseconds delay, Next next)
    {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        m_waiting = timer;
        connect(timer, &QTimer::timeout, this, [this, timer, next] {
            m_waiting = nullptr;
            timer->deleteLater();
            next();
        });
        timer->start(m_cancelled ? std::chrono::milliseconds(0) : delay);
    }

    // Runs another service operation as this one's current step: a cancel
    // reaches it, its progress text is this one's, and a write it sent counts
    // as one of this operation's. Start it with this operation as its context.
    void follow(Operation *child);

    template<typename T> void finish(const ResultCallback<T> &callback, const Result<T> &result)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (callback && !(m_hadContext && !m_context))
            callback(result);
        Q_EMIT finished();
        deleteLater();
    }

Q_SIGNALS:
    // Progress text for a busy indicator ("Reading existing assignments…").
    void statusChanged(const QString &status);
    void finished();

private:
    // Follows a call that this operation now waits for: a cancel reaches it,
    // and its retry waits are this operation's progress text.
    void track(GraphCall *call);

    QPointer<QObject> m_context;
    bool m_hadContext = false;
    QList<QPointer<GraphCall>> m_calls; // in flight, waited for
    QPointer<QTimer> m_waiting;
    QPointer<Operation> m_child;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_sentWrite = false;
};

} // namespace ea
