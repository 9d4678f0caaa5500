#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ea::auth {

// What an access token says about who signed in and what they may do,
// read from the JWT payload without checking the signature (Graph checks it;
// we only show it and warn before a write). Works for supplied tokens too.
// Never throws, never asserts: any input yields either claims or an error.
struct TokenClaims
{
    Q_DECLARE_TR_FUNCTIONS(TokenClaims)
public:
    QString parseError; // empty when the payload was read

    QString account; // upn, else preferred_username, else unique_name, else email
    QString name; // display name
    QString tenantId; // tid
    QString objectId; // oid
    QString audience; // aud (the first one if an array)
    QString appId; // appid or azp
    QString issuer; // iss
    QStringList scopes; // scp: delegated permissions (space-separated in the token)
    QStringList roles; // roles: application permissions
    QDateTime expiresAt; // exp, UTC; invalid when absent
    QDateTime issuedAt; // iat, UTC; invalid when absent

    bool isValid() const { return parseError.isEmpty(); }
    // Delegated (a user signed in) rather than an app-only token.
    bool isDelegated() const { return !scopes.isEmpty() || roles.isEmpty(); }
    bool isExpired(const QDateTime &nowUtc = QDateTime::currentDateTimeUtc()) const
    {
        return expiresAt.isValid() && expiresAt <= nowUtc;
    }
    // Case-insensitive, over scp and roles.
    bool hasPermission(const QString &permission) const;

    // DeviceManagementServiceConfig.ReadWrite.All or DeviceManagementConfiguration.ReadWrite.All.
    bool canWriteEnrollment() const;
    // Reads also accept the .Read.All variants.
    bool canReadEnrollment() const;
    // Group.Read.All, GroupMember.Read.All, Directory.Read.All or their ReadWrite forms.
    bool canSearchGroups() const;
    // Empty when nothing the app uses is missing; otherwise sentences naming
    // the missing permissions and what stops working without them.
    QString missingPermissionsDescription() const;

    // Reads the payload (second dot-separated part, base64url with or without
    // padding). A leading "Bearer " is tolerated.
    static TokenClaims fromAccessToken(QStringView token);

    static constexpr qsizetype kMaxTokenLength = 64 * 1024;
};

// A token an admin supplied (GRAPH_ACCESS_TOKEN, --token-file, the GUI's
// "Use an access token" dialog), the same way everywhere: surrounding
// whitespace and a leading "Bearer " (as copied from a browser's network tab)
// are dropped. Returns the token, or std::nullopt with *problem saying what
// is wrong without ever repeating the text (it may be a real token with a
// stray character): empty, too long, or spaces, line breaks or non-ASCII
// characters inside.
std::optional<QString> normalizeSuppliedToken(QStringView text, QString *problem);

} // namespace ea::auth
