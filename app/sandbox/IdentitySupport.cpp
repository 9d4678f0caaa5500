// Helpers of the sandbox's identity endpoints: form and query decoding,
// random opaque values, HTML pages, routing of the sign-in paths.

#include "sandbox/SandboxIdentity_p.h"
#include "sandbox/SandboxSupport.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUrl>

#include <vector>

using namespace Qt::StringLiterals;

namespace ea::sandbox::identity {

namespace {

QByteArray htmlPage(const QString &title, const QString &bodyHtml)
{
    return (u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"_s + title.toHtmlEscaped()
        + u"</title><style>body{font-family:system-ui,sans-serif;margin:3em auto;max-width:40em}</style></head>"
          "<body><h1>"_s
        + title.toHtmlEscaped() + u"</h1>"_s + bodyHtml + u"</body></html>"_s)
        .toUtf8();
}

} // namespace

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray randomBytes(int count)
{
    std::vector<quint32> words(size_t((count + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), count);
}

QByteArray base64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString opaqueValue(const char *prefix, int bytes, bool special)
{
    if (special)
        return QString::fromLatin1(QByteArray(prefix) + "+/" + randomBytes(31).toBase64());
    return QString::fromLatin1(QByteArray(prefix) + base64Url(randomBytes(bytes)));
}

Fields decodeForm(QByteArrayView raw)
{
    Fields fields;
    const auto decode = [](QByteArrayView piece) {
        QByteArray bytes = piece.toByteArray();
        bytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    };
    for (const QByteArray &piece : raw.toByteArray().split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        fields.append(eq < 0
                ? std::pair {decode(piece), QString()}
                : std::pair {decode(QByteArrayView(piece).first(eq)), decode(QByteArrayView(piece).sliced(eq + 1))});
    }
    return fields;
}

QString field(const Fields &fields, const QString &name)
{
    for (const auto &[key, value] : fields) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasField(const Fields &fields, const QString &name)
{
    for (const auto &f : fields) {
        if (f.first == name)
            return true;
    }
    return false;
}

QByteArray pct(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QString timestampText()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss'Z'"_s);
}

HttpResponse html(int status, const QString &title, const QString &bodyHtml)
{
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"}};
    r.body = htmlPage(title, bodyHtml);
    return r;
}

// A safe "http://host:port" from the Host header, for URLs in answers.
QString originOf(const HttpRequest &request)
{
    const QByteArray origin = originFromHost(request.header("Host"));
    return origin.isEmpty() ? u"http://127.0.0.1"_s : QString::fromLatin1(origin);
}

Route routeOf(const HttpRequest &request)
{
    QByteArrayView target = request.rawTarget;
    if (const qsizetype q = target.indexOf('?'); q >= 0)
        target = target.first(q);
    const QList<QByteArray> segments = target.toByteArray().split('/');
    Route route;
    if (segments.size() == 5 && segments.at(0).isEmpty() && !segments.at(1).isEmpty() && segments.at(2) == "oauth2"
        && segments.at(3) == "v2.0") {
        const QByteArray &leaf = segments.at(4);
        route.tenant = QString::fromUtf8(QByteArray::fromPercentEncoding(segments.at(1)));
        if (leaf == "authorize")
            route.kind = Route::Authorize;
        else if (leaf == "token")
            route.kind = Route::Token;
        else if (leaf == "devicecode")
            route.kind = Route::DeviceCode;
        return route;
    }
    if (segments.size() == 3 && segments.at(0).isEmpty() && segments.at(1) == "sandbox") {
        const QByteArray &leaf = segments.at(2);
        if (leaf == "devicelogin")
            route.kind = Route::DeviceLogin;
        else if (leaf == "approve-device")
            route.kind = Route::Approve;
        else if (leaf == "decline-device")
            route.kind = Route::Decline;
        else if (leaf == "expire-device")
            route.kind = Route::Expire;
    }
    return route;
}

Fields queryOf(const HttpRequest &request)
{
    const qsizetype q = request.rawTarget.indexOf('?');
    return q < 0 ? Fields() : decodeForm(QByteArrayView(request.rawTarget).sliced(q + 1));
}

bool isLoopbackRedirect(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http"_s || url.port() <= 0 || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return false;
    if (url.host() != u"localhost"_s && url.host() != u"127.0.0.1"_s)
        return false;
    return url.path().isEmpty() || url.path() == u"/"_s;
}
} // namespace ea::sandbox::identity
