#include "auth/TokenClaims.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ea::auth {

namespace {

const char *const kWritePermissions[]
    = {"DeviceManagementServiceConfig.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All"};
const char *const kReadPermissions[]
    = {"DeviceManagementServiceConfig.Read.All", "DeviceManagementConfiguration.Read.All"};
const char *const kGroupPermissions[] = {"Group.Read.All", "GroupMember.Read.All", "Directory.Read.All",
    "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "Directory.ReadWrite.All"};

constexpr qsizetype kMaxClaimText = 1024;
constexpr qsizetype kMaxPermissions = 500;

QString text(const QJsonObject &payload, const char *key)
{
    const QJsonValue v = payload.value(QLatin1String(key));
    return v.isString() ? v.toString().left(kMaxClaimText) : QString();
}

// Seconds since the epoch as a number (or, leniently, a numeric string).
QDateTime epochSeconds(const QJsonValue &value)
{
    double seconds = std::numeric_limits<double>::quiet_NaN();
    if (value.isDouble())
        seconds = value.toDouble();
    else if (value.isString()) {
        bool ok = false;
        seconds = value.toString().toDouble(&ok);
        if (!ok)
            return {};
    }
    // Within ±10,000 years: anything else is garbage, and must not overflow.
    if (!std::isfinite(seconds) || seconds < -3.0e11 || seconds > 2.5e11)
        return {};
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), QTimeZone::utc());
}

QStringList permissionList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        const QStringList parts = value.toString().left(64 * 1024).split(u' ', Qt::SkipEmptyParts);
        for (const QString &p : parts) {
            if (out.size() >= kMaxPermissions)
                break;
            out.append(p.left(200));
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (out.size() >= kMaxPermissions)
                break;
            if (v.isString() && !v.toString().isEmpty())
                out.append(v.toString().left(200));
        }
    }
    return out;
}

template<size_t N> bool hasAny(const TokenClaims &claims, const char *const (&names)[N])
{
    return std::any_of(std::begin(names), std::end(names),
        [&](const char *name) { return claims.hasPermission(QString::fromLatin1(name)); });
}

} // namespace

bool TokenClaims::hasPermission(const QString &permission) const
{
    const auto same = [permission](const QString &p) {
        return p.compare(permission, Qt::CaseInsensitive) == 0;
    };
    return std::any_of(scopes.cbegin(), scopes.cend(), same) || std::any_of(roles.cbegin(), roles.cend(), same);
}

bool TokenClaims::canWriteEnrollment() const
{
    return hasAny(*this, kWritePermissions);
}

bool TokenClaims::canReadEnrollment() const
{
    return canWriteEnrollment() || hasAny(*this, kReadPermissions);
}

bool TokenClaims::canSearchGroups() const
{
    return hasAny(*this, kGroupPermissions);
}

QString TokenClaims::missingPermissionsDescription() const
{
    if (!isValid())
        return tr("The token's permissions cannot be read (%1); Graph decides what is allowed.").arg(parseError);
    QStringList sentences;
    if (!canWriteEnrollment()) {
        sentences << tr("Neither DeviceManagementServiceConfig.ReadWrite.All nor "
                        "DeviceManagementConfiguration.ReadWrite.All is granted: creating or removing an "
                        "assignment will be refused (403).");
        if (!canReadEnrollment())
            sentences << tr("No DeviceManagement…Read.All permission either: even listing the enrollment "
                            "configurations will be refused.");
    }
    if (!canSearchGroups())
        sentences << tr("Group.Read.All (or GroupMember.Read.All, Directory.Read.All) is not granted: group "
                        "search is unavailable; enter a group's object id instead.");
    return sentences.join(u' ');
}

namespace {

QStringView withoutBearer(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0)
        return {}; // the scheme without a token
    if (t.size() > 7 && t.first(7).compare(QLatin1String("Bearer "), Qt::CaseInsensitive) == 0)
        t = t.sliced(7).trimmed();
    return t;
}

} // namespace

std::optional<QString> normalizeSuppliedToken(QStringView text, QString *problem)
{
    const QStringView t = withoutBearer(text);
    if (t.isEmpty()) {
        *problem = TokenClaims::tr("The access token is empty.");
        return std::nullopt;
    }
    if (t.size() > TokenClaims::kMaxTokenLength) {
        *problem = TokenClaims::tr("The text is longer than %1 KiB; that is not an access token.")
                       .arg(TokenClaims::kMaxTokenLength / 1024);
        return std::nullopt;
    }
    for (QChar c : t) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7F) {
            *problem = TokenClaims::tr("The text is not an access token: it contains spaces, line breaks or "
                                       "non-ASCII characters.");
            return std::nullopt;
        }
    }
    return t.toString();
}

TokenClaims TokenClaims::fromAccessToken(QStringView token)
{
    TokenClaims claims;
    const QStringView t = withoutBearer(token);
    if (t.isEmpty()) {
        claims.parseError = tr("the token is empty");
        return claims;
    }
    if (t.size() > kMaxTokenLength) {
        claims.parseError = tr("the token is longer than %1 KiB").arg(kMaxTokenLength / 1024);
        return claims;
    }
    const qsizetype firstDot = t.indexOf(u'.');
    const qsizetype secondDot = firstDot < 0 ? -1 : t.indexOf(u'.', firstDot + 1);
    if (firstDot <= 0 || secondDot < 0) {
        claims.parseError = tr("it is not a JWT (header.payload.signature); it may be an opaque token");
        return claims;
    }
    QByteArray payload = t.sliced(firstDot + 1, secondDot - firstDot - 1).toLatin1();
    // Tolerate padding and the standard alphabet; reject anything else.
    while (payload.endsWith('='))
        payload.chop(1);
    payload.replace('+', '-').replace('/', '_');
    const auto decoded = QByteArray::fromBase64Encoding(
        payload, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        claims.parseError = tr("the token's payload is not base64url");
        return claims;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(decoded.decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        claims.parseError = tr("the token's payload is not a JSON object");
        return claims;
    }
    const QJsonObject p = doc.object();
    for (const char *key : {"upn", "preferred_username", "unique_name", "email"}) {
        claims.account = text(p, key);
        if (!claims.account.isEmpty())
            break;
    }
    claims.name = text(p, "name");
    claims.tenantId = text(p, "tid");
    claims.objectId = text(p, "oid");
    const QJsonValue aud = p.value(QLatin1String("aud"));
    if (aud.isArray())
        claims.audience = aud.toArray().at(0).toString().left(kMaxClaimText);
    else
        claims.audience = text(p, "aud");
    claims.appId = text(p, "appid");
    if (claims.appId.isEmpty())
        claims.appId = text(p, "azp");
    claims.issuer = text(p, "iss");
    claims.scopes = permissionList(p.value(QLatin1String("scp")));
    claims.roles = permissionList(p.value(QLatin1String("roles")));
    claims.expiresAt = epochSeconds(p.value(QLatin1String("exp")));
    claims.issuedAt = epochSeconds(p.value(QLatin1String("iat")));
    return claims;
}

} // namespace ea::auth
