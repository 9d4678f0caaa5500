// P3 floor: a minimal QNetworkAccessManager + QJsonDocument pager. Reads every
// page of deviceEnrollmentConfigurations (following @odata.nextLink), one
// request at a time as Graph paging requires, and keeps the values.
//
//   GRAPH_ACCESS_TOKEN=... bare_pager [--gui] [--quiet] GRAPH_ROOT
//
// Console (the peer of `enrollment-assigner-cli configs --json`): writes all
// values as one indented JSON array on stdout, like the CLI does, and a
// summary line "pages=N values=N bytes=N" on stderr (bytes: the JSON of all
// pages as received). --quiet skips the output.
//
// --gui (the peer of the GUI's list): the same pager in a QApplication,
// decoding each value into a small row struct shown by a QTableView
// ("pagerView") in a 1440x900 window. The benchmark probe ends it once the
// view paints with every row.

#include <QAbstractTableModel>
#include <QApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTableView>
#include <QUrl>

#include <cstdio>
#include <memory>

namespace {

struct Row
{
    QString name;
    QString type;
    int priority = 0;
    QString modified;
};

class RowModel final : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 4; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        const Row &r = m_rows.at(index.row());
        switch (index.column()) {
        case 0: return r.name;
        case 1: return r.type;
        case 2: return r.priority;
        default: return r.modified;
        }
    }

private:
    QList<Row> m_rows;
};

} // namespace

int main(int argc, char *argv[])
{
    bool gui = false;
    for (int i = 1; i < argc; ++i)
        gui = gui || qstrcmp(argv[i], "--gui") == 0;
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QStringList args = QCoreApplication::arguments().mid(1);
    args.removeAll(QStringLiteral("--gui"));
    const bool quiet = args.removeAll(QStringLiteral("--quiet")) > 0;
    const QByteArray token = qgetenv("GRAPH_ACCESS_TOKEN");
    if (args.size() != 1 || token.isEmpty()) {
        std::fputs("usage: GRAPH_ACCESS_TOKEN=... bare_pager [--gui] [--quiet] GRAPH_ROOT\n", stderr);
        return 2;
    }

    RowModel *model = nullptr;
    std::unique_ptr<QTableView> view;
    if (gui) {
        view = std::make_unique<QTableView>();
        view->setObjectName(QStringLiteral("pagerView"));
        model = new RowModel(view.get());
        view->setModel(model);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->resize(1440, 900);
        view->show();
    }

    QNetworkAccessManager network;
    QJsonArray values;
    QList<Row> rows;
    qint64 bytes = 0;
    int pages = 0;
    std::function<void(const QUrl &)> fetch = [&](const QUrl &url) {
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = network.get(req);
        QObject::connect(reply, &QNetworkReply::finished, app.get(), [&, reply] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError) {
                std::fprintf(stderr, "HTTP %d: %s\n",
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                    qPrintable(reply->errorString()));
                QCoreApplication::exit(1);
                return;
            }
            const QByteArray body = reply->readAll();
            bytes += body.size();
            ++pages;
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            const QJsonArray pageValues = page.value(QStringLiteral("value")).toArray();
            for (const QJsonValue &v : pageValues) {
                if (gui) {
                    const QJsonObject o = v.toObject();
                    rows.append({o.value(QStringLiteral("displayName")).toString(),
                        o.value(QStringLiteral("@odata.type")).toString(), o.value(QStringLiteral("priority")).toInt(),
                        o.value(QStringLiteral("lastModifiedDateTime")).toString()});
                } else {
                    values.append(v);
                }
            }
            const QString next = page.value(QStringLiteral("@odata.nextLink")).toString();
            if (!next.isEmpty())
                return fetch(QUrl(next));
            std::fprintf(stderr, "pages=%d values=%lld bytes=%lld\n", pages,
                gui ? qint64(rows.size()) : qint64(values.size()), bytes);
            if (gui) {
                model->setRows(std::move(rows));
                return; // the probe ends the process once the rows are painted
            }
            if (!quiet) {
                const QByteArray json = QJsonDocument(values).toJson(QJsonDocument::Indented);
                std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
            }
            QCoreApplication::exit(0);
        });
    };
    fetch(QUrl(args.at(0) + QStringLiteral("/v1.0/deviceManagement/deviceEnrollmentConfigurations")));
    return QCoreApplication::exec();
}
