#include "cli/commands/CliCommand.h"

namespace ea {

void CliCommand::sendRead(const GraphRequest &request, std::function<void(const GraphResponse &)> onSuccess)
{
    GraphCall *call = m_cx.session->graph()->send(request);
    connect(call, &GraphCall::finished, this, [this, call, onSuccess = std::move(onSuccess)] {
        const Result<GraphResponse> &result = call->result();
        if (!result)
            return m_cx.failService(result.error());
        onSuccess(result.value());
    });
}

} // namespace ea
