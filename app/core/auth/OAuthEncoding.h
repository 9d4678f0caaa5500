#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace ea::auth {

using FormFields = QList<std::pair<QString, QString>>;

// base64url without padding (RFC 4648 §5), as PKCE and JWTs use it.
QByteArray base64UrlEncode(QByteArrayView bytes);

// `bytes` random bytes from the operating system's generator, base64url.
// 32 bytes give 43 characters.
QString randomUrlSafeString(int bytes = 32);

// RFC 7636 with S256: a verifier of 32 random bytes (43 characters) and its
// challenge base64url(SHA-256(verifier)). Generated here, never by
// QtNetworkAuth, so Qt 6.4 and 6.8 behave the same.
struct Pkce
{
    QString verifier;
    QString challenge;

    static Pkce generate();
    static QString challengeFor(QStringView verifier);
};

// application/x-www-form-urlencoded: UTF-8, every byte outside the unreserved
// set (A-Z a-z 0-9 - . _ ~) percent-encoded, so '+', '/', '=' in a refresh
// token or code arrive intact ('+' becomes %2B, unlike QUrlQuery).
QByteArray encodeFormBody(const FormFields &fields);

// The reverse: '+' means space, then percent-decoding. Pairs without '='
// get an empty value; empty pieces are skipped.
FormFields decodeFormBody(QByteArrayView body);

// The first value of `name`, or a null QString.
QString formValue(const FormFields &fields, QStringView name);

} // namespace ea::auth
