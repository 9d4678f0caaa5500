// P1 floor: the smallest Qt program that does what `enrollment-assigner-cli
// assign` does on the wire. By default one POST .../assignments; with
// --with-reads it first reads the configuration and its assignments (every
// page), as the CLI does before it writes.
//
//   GRAPH_ACCESS_TOKEN=... bare_assign [--with-reads] GRAPH_ROOT CONFIG_ID BODY_JSON
//
// Prints the POST's answer on stdout; exit 0 on 2xx, 1 otherwise.

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <cstdio>
#include <functional>

namespace {

QNetworkRequest request(const QUrl &url, const QByteArray &token)
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Bearer " + token);
    req.setRawHeader("Accept", "application/json");
    return req;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const bool withReads = args.removeAll(QStringLiteral("--with-reads")) > 0;
    const QByteArray token = qgetenv("GRAPH_ACCESS_TOKEN");
    if (args.size() != 3 || token.isEmpty()) {
        std::fputs("usage: GRAPH_ACCESS_TOKEN=... bare_assign [--with-reads] GRAPH_ROOT CONFIG_ID BODY_JSON\n", stderr);
        return 2;
    }
    const QString base = args.at(0) + QStringLiteral("/v1.0/deviceManagement/deviceEnrollmentConfigurations/")
        + QString::fromLatin1(QUrl::toPercentEncoding(args.at(1)));
    const QByteArray body = args.at(2).toUtf8();

    QNetworkAccessManager network;
    const auto fail = [](QNetworkReply *reply) {
        std::fprintf(stderr, "HTTP %d: %s\n", reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            qPrintable(reply->errorString()));
        QCoreApplication::exit(1);
    };
    const auto post = [&] {
        QNetworkRequest req = request(QUrl(base + QStringLiteral("/assignments")), token);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(req, body);
        QObject::connect(reply, &QNetworkReply::finished, &app, [reply, fail] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError)
                return fail(reply);
            const QByteArray answer = reply->readAll();
            std::fwrite(answer.constData(), 1, size_t(answer.size()), stdout);
            std::fputc('\n', stdout);
            QCoreApplication::exit(0);
        });
    };
    // GET, following @odata.nextLink for lists, then `then`.
    std::function<void(const QUrl &, std::function<void()>)> get = [&](const QUrl &url, std::function<void()> then) {
        QNetworkReply *reply = network.get(request(url, token));
        QObject::connect(reply, &QNetworkReply::finished, &app, [reply, fail, then, &get] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError)
                return fail(reply);
            const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
            const QString next = object.value(QStringLiteral("@odata.nextLink")).toString();
            if (!next.isEmpty())
                return get(QUrl(next), then);
            then();
        });
    };

    if (withReads)
        get(QUrl(base), [&] { get(QUrl(base + QStringLiteral("/assignments")), post); });
    else
        post();
    return QCoreApplication::exec();
}
