// The words are SignInController's (its translation context), where they were
// written before they moved here.
#include "controllers/ClaimsText.h"

#include "SignInController.h"

#include <QLocale>

namespace ea::ui {

QString accountOf(const auth::TokenClaims &claims)
{
    if (!claims.account.isEmpty())
        return claims.account;
    return claims.name;
}

QString claimsDescription(const auth::TokenClaims &claims)
{
    if (!claims.isValid())
        return SignInController::tr("The token's claims cannot be read (%1).").arg(claims.parseError);
    const QString none = SignInController::tr("(not in the token)");
    auto value = [&none](const QString &s) {
        return s.isEmpty() ? none : s;
    };
    QStringList lines;
    lines << SignInController::tr("Account: %1").arg(value(accountOf(claims)));
    lines << SignInController::tr("Tenant id: %1").arg(value(claims.tenantId));
    lines << SignInController::tr("App (client) id: %1").arg(value(claims.appId));
    if (claims.expiresAt.isValid())
        lines << SignInController::tr("Access token valid until: %1")
                     .arg(QLocale().toString(claims.expiresAt.toLocalTime(), QLocale::ShortFormat));
    const QStringList permissions = claims.scopes + claims.roles;
    lines << SignInController::tr("Permissions: %1")
                 .arg(permissions.isEmpty() ? none : permissions.join(QStringLiteral(", ")));
    const QString missing = claims.missingPermissionsDescription();
    if (!missing.isEmpty())
        lines << QString() << missing;
    return lines.join(u'\n');
}

QString writePermissionProblem(const auth::TokenClaims &claims)
{
    if (!claims.isValid() || claims.canWriteEnrollment())
        return {};
    return SignInController::tr(
        "This sign-in has neither DeviceManagementServiceConfig.ReadWrite.All nor "
        "DeviceManagementConfiguration.ReadWrite.All, so Intune will most likely refuse the write (403 Forbidden). "
        "Grant DeviceManagementServiceConfig.ReadWrite.All (delegated) to the app registration, have an admin "
        "consent, then sign in again.");
}

QString groupSearchProblem(const auth::TokenClaims &claims)
{
    if (!claims.isValid() || claims.canSearchGroups())
        return {};
    return SignInController::tr("Group search needs Group.Read.All (or GroupMember.Read.All or Directory.Read.All), "
                                "which this sign-in does not have. Paste the group's object id instead.");
}

} // namespace ea::ui
