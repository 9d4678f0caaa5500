#pragma once

// Shared by the fuzz targets: turn the raw input into Qt types without a
// copy, and fail loudly when an invariant does not hold (libFuzzer and the
// replay driver both report an abort with the input that caused it).

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace ea::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QString text(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void invariantFailed(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", what, file, line);
    std::abort();
}

} // namespace ea::fuzz

#define EA_FUZZ_CHECK(condition)                                                                                       \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::ea::fuzz::invariantFailed(#condition, __FILE__, __LINE__);                                               \
    } while (false)
