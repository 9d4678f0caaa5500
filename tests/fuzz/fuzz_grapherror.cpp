// GraphError::fromHttpResponse over any body (Graph's error JSON, Intune's
// nested JSON-in-a-string, a proxy's HTML, garbage), and the Retry-After
// parser over the body's first line. What comes out is shown to the admin and
// printed by the CLI: bounded, and free of terminal control characters.
#include "FuzzSupport.h"
#include "domain/GraphError.h"
#include "domain/Identifiers.h"
#include "graph/RetryPolicy.h"

using namespace ea;

namespace {

bool displaySafe(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return ids::isUnsafeForDisplay(c); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QByteArray firstLine = body.left(body.indexOf('\n') < 0 ? body.size() : body.indexOf('\n'));
    for (int status : {400, 429, 502}) {
        const GraphError e = GraphError::fromHttpResponse(status, body, firstLine.left(64), "crid");
        EA_FUZZ_CHECK(e.kind == GraphError::Kind::Http);
        EA_FUZZ_CHECK(e.httpStatus == status);
        EA_FUZZ_CHECK(e.message.size() <= 2001);
        EA_FUZZ_CHECK(e.intunePhrase.size() <= 2001);
        EA_FUZZ_CHECK(e.code.size() <= 201);
        EA_FUZZ_CHECK(e.requestId.size() <= 101);
        EA_FUZZ_CHECK(e.retryAfterSeconds >= -1);
        EA_FUZZ_CHECK(!e.readableMessage().isEmpty());
        EA_FUZZ_CHECK(displaySafe(e.summary()));
        for (const QString &line : e.details().split(u'\n'))
            EA_FUZZ_CHECK(displaySafe(line));
        (void)e.isRouteRefusal();
        EA_FUZZ_CHECK(e.isAmbiguousForWrite() == (status != 400));
    }
    const int seconds = parseRetryAfterSeconds(firstLine);
    EA_FUZZ_CHECK(seconds >= -1);
    return 0;
}
