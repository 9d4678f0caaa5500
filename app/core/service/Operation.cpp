#include "service/Operation.h"

namespace ea {

Operation::Operation(QObject *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_hadContext(context != nullptr)
{ }

void Operation::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    // A call may finish (and so leave the list) while another is cancelled.
    const QList<QPointer<GraphCall>> calls = m_calls;
    for (const QPointer<GraphCall> &call : calls) {
        if (call)
            call->cancel();
    }
    if (m_waiting)
        m_waiting->start(0);
    if (m_child)
        m_child->cancel();
}

void Operation::track(GraphCall *call)
{
    m_calls.append(call);
    m_sentWrite = m_sentWrite || call->request().isWrite();
    if (m_cancelled)
        call->cancel();
    connect(call, &GraphCall::retryScheduled, this, [this](int, qint64 delayMs, const QString &reason) {
        Q_EMIT statusChanged(tr("%1; retrying in %2 s…").arg(reason).arg((delayMs + 999) / 1000));
    });
}

void Operation::follow(Operation *child)
{
    m_child = child;
    connect(child, &Operation::statusChanged, this, &Operation::statusChanged);
    // The child reports (and may start this one's next step) before it says finished; a write it sent is known
    // from the start, so look at it when it is reported.
    connect(child, &Operation::finished, this, [this, child] { m_sentWrite = m_sentWrite || child->hasSentWrite(); });
    if (m_cancelled)
        child->cancel();
}

} // namespace ea
