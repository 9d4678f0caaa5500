#pragma once

#include <QDateTime>
#include <QStringView>

namespace ea {

// A Graph Edm.DateTimeOffset as QDateTime::fromString(text, Qt::ISODateWithMs)
// reads it, but cheaper for the shape Graph writes: UTC, "Z", and zero to
// nine fractional digits ("2026-12-03T10:00:00Z", "…:00.1234567Z"). Lists of
// 10,000 configurations carry two per row, and Qt's general ISO parser was a
// measurable share of decoding them (issue 15). Anything else (an offset, no
// "Z", a fraction that rounds up into the next second) goes to Qt's parser,
// so the result is always the one Qt would give; tst_graphdatetime compares
// the two.
QDateTime parseGraphDateTime(QStringView text);

} // namespace ea
