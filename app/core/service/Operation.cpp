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
    if (m_current)
        m_current->cancel();
    if (m_waiting)
        m_waiting->start(0);
}

} // namespace ea
