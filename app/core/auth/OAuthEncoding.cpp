#include "auth/OAuthEncoding.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace ea::auth {

QByteArray base64UrlEncode(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString randomUrlSafeString(int bytes)
{
    const int count = std::max(1, bytes);
    std::vector<quint32> words(size_t((count + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), count);
    return QString::fromLatin1(base64UrlEncode(raw));
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomUrlSafeString(32);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QString Pkce::challengeFor(QStringView verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(base64UrlEncode(digest));
}

QByteArray encodeFormBody(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        // toPercentEncoding leaves only the unreserved set alone.
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

FormFields decodeFormBody(QByteArrayView body)
{
    FormFields fields;
    const auto decode = [](QByteArrayView raw) {
        QByteArray bytes = raw.toByteArray();
        bytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    };
    for (const QByteArray &piece : body.toByteArray().split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0)
            fields.append({decode(piece), QStringLiteral("")});
        else
            fields.append({decode(QByteArrayView(piece).first(eq)), decode(QByteArrayView(piece).sliced(eq + 1))});
    }
    return fields;
}

QString formValue(const FormFields &fields, QStringView name)
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

} // namespace ea::auth
