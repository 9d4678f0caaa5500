// The access-token claims decoder (app/core/auth/TokenClaims): any text a
// user pastes or a token endpoint returns yields claims or an error, never a
// crash, and the permission checks work on whatever was decoded.
#include "FuzzSupport.h"
#include "auth/TokenClaims.h"

using namespace ea;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString token = fuzz::text(data, size);
    const auth::TokenClaims claims = auth::TokenClaims::fromAccessToken(token);
    EA_FUZZ_CHECK(claims.isValid() == claims.parseError.isEmpty());
    if (!claims.isValid())
        EA_FUZZ_CHECK(claims.account.isEmpty() && claims.scopes.isEmpty() && claims.roles.isEmpty());
    (void)claims.isDelegated();
    (void)claims.isExpired();
    (void)claims.canWriteEnrollment();
    (void)claims.canReadEnrollment();
    (void)claims.canSearchGroups();
    (void)claims.missingPermissionsDescription();
    (void)claims.hasPermission(QStringLiteral("DeviceManagementServiceConfig.ReadWrite.All"));
    // The "Bearer " prefix is tolerated and changes nothing.
    if (!token.trimmed().startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) && token.size() < 1000) {
        const auth::TokenClaims prefixed
            = auth::TokenClaims::fromAccessToken(QString(QStringLiteral("Bearer ") + token));
        EA_FUZZ_CHECK(prefixed.isValid() == claims.isValid() || token.trimmed().isEmpty());
        EA_FUZZ_CHECK(prefixed.account == claims.account);
    }
    return 0;
}
