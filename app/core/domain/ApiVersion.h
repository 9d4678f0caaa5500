#pragma once

#include <QString>

namespace ea {

// Graph serves enrollment configurations on both versions; beta adds assignment
// filters, `source` on assignments and the configuration type enum.
enum class ApiVersion { V1, Beta };

inline QString apiVersionPath(ApiVersion version)
{
    return version == ApiVersion::Beta ? QStringLiteral("beta") : QStringLiteral("v1.0");
}

// Accepts "v1.0"/"1.0"/"v1" and "beta"; anything else is not a version.
inline bool parseApiVersion(const QString &text, ApiVersion *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("v1.0") || t == QLatin1String("1.0") || t == QLatin1String("v1")) {
        *out = ApiVersion::V1;
        return true;
    }
    if (t == QLatin1String("beta")) {
        *out = ApiVersion::Beta;
        return true;
    }
    return false;
}

} // namespace ea
