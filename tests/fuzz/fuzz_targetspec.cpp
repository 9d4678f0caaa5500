// What an admin or a script types: the CLI's TARGET syntax, search text for
// the group picker, and ids. Accepted input must be exactly what Graph can
// take; refused input must come back in a message that is safe to print.
#include "FuzzSupport.h"
#include "domain/AssignmentTarget.h"
#include "domain/Identifiers.h"

using namespace ea;

namespace {

bool displaySafe(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return ids::isUnsafeForDisplay(c); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = fuzz::text(data, size);

    AssignmentTarget target;
    QString problem;
    if (parseTargetSpec(input, &target, &problem)) {
        EA_FUZZ_CHECK(problem.isEmpty());
        EA_FUZZ_CHECK(target.validationProblem(ApiVersion::V1).isEmpty());
        AssignmentTarget again;
        EA_FUZZ_CHECK(parseTargetSpec(targetSpec(target), &again, &problem));
        EA_FUZZ_CHECK(again == target);
        // Accepted ids are plain ASCII of a fixed shape: nothing to escape.
        for (QChar c : target.subject())
            EA_FUZZ_CHECK((c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-');
    } else {
        EA_FUZZ_CHECK(!problem.isEmpty());
        EA_FUZZ_CHECK(problem.size() < 1000);
        EA_FUZZ_CHECK(displaySafe(problem));
        EA_FUZZ_CHECK(target.kind() == AssignmentTarget::Kind::Unknown);
    }

    QString searchProblem;
    const QString search = ids::sanitizeSearchText(input, &searchProblem);
    if (searchProblem.isEmpty()) {
        EA_FUZZ_CHECK(search.size() <= ids::kMaxSearchTextLength);
        EA_FUZZ_CHECK(displaySafe(search));
        // The literal always decodes back to the text: every quote doubled, wrapped once.
        const QString literal = ids::odataStringLiteral(search);
        EA_FUZZ_CHECK(literal.startsWith(u'\'') && literal.endsWith(u'\'') && literal.size() >= 2);
        const QString inner = literal.mid(1, literal.size() - 2);
        EA_FUZZ_CHECK(QString(inner).replace(QStringLiteral("''"), QStringLiteral("'")) == search);
        EA_FUZZ_CHECK(inner.count(u'\'') == 2 * search.count(u'\''));
    } else {
        EA_FUZZ_CHECK(search.isEmpty());
    }

    if (ids::isConfigurationId(input))
        EA_FUZZ_CHECK(input.size() <= 36 + 1 + 100 && !input.contains(u'/') && !input.contains(u'.'));
    if (ids::isAssignmentId(input))
        EA_FUZZ_CHECK(input.size() <= 200 && !input.contains(u'/') && !input.contains(u'.'));
    if (ids::isGuid(input))
        EA_FUZZ_CHECK(ids::isConfigurationId(input));

    const QString shown = ids::printable(input, 80);
    EA_FUZZ_CHECK(displaySafe(shown));
    EA_FUZZ_CHECK(shown.size() <= 81);
    return 0;
}
