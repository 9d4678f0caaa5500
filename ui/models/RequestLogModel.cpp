#include "models/RequestLogModel.h"

#include "graph/GraphClient.h"
#include "graph/RequestExport.h"

#include <QLocale>

namespace ea::ui {

namespace {

QString pathAndQuery(const QUrl &url)
{
    QString text = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        text += u'?' + url.query(QUrl::FullyEncoded);
    return text;
}

QString headerLines(const HeaderList &headers)
{
    QString text;
    for (const auto &[name, value] : headers) {
        // Redacted again on the way out: a header GraphClient did not know about stays safe too.
        text += QLatin1String("  ") + QString::fromLatin1(name) + QLatin1String(": ")
            + QString::fromUtf8(redactedHeaderValue(name, value)) + u'\n';
    }
    return text;
}

QString bodyText(const QByteArray &body, bool truncated)
{
    if (body.isEmpty())
        return RequestLogModel::tr("  (none)\n");
    QString text = QString::fromUtf8(requestexport::readableBody(body));
    if (!text.endsWith(u'\n'))
        text += u'\n';
    if (truncated)
        text += RequestLogModel::tr("(only the first %1 KiB were kept)\n").arg(body.size() / 1024);
    return text;
}

} // namespace

RequestLogModel::RequestLogModel(QObject *parent, int capacity, qsizetype responseBodyBudget)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
    , m_responseBodyBudget(responseBodyBudget)
{ }

void RequestLogModel::attach(GraphClient *client)
{
    connect(client, &GraphClient::exchangeStarted, this, &RequestLogModel::record);
    connect(client, &GraphClient::exchangeFinished, this, &RequestLogModel::record);
}

void RequestLogModel::record(const ExchangeRecord &exchange)
{
    // Answers arrive for recent requests: search from the end.
    for (qsizetype row = m_exchanges.size() - 1; row >= 0; --row) {
        if (m_exchanges.at(row).sequence == exchange.sequence) {
            m_responseBodyBytes += exchange.responseBody.size() - m_exchanges.at(row).responseBody.size();
            m_exchanges[row] = exchange;
            keepResponseBodiesWithinBudget();
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            return;
        }
    }
    if (m_exchanges.size() >= m_capacity) {
        const int excess = int(m_exchanges.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, excess - 1);
        for (int i = 0; i < excess; ++i)
            m_responseBodyBytes -= m_exchanges.at(i).responseBody.size();
        m_exchanges.remove(0, excess);
        endRemoveRows();
    }
    const int row = int(m_exchanges.size());
    beginInsertRows({}, row, row);
    m_exchanges.append(exchange);
    m_responseBodyBytes += exchange.responseBody.size();
    endInsertRows();
    keepResponseBodiesWithinBudget();
}

void RequestLogModel::keepResponseBodiesWithinBudget()
{
    // Oldest first; the newest row always keeps its body, whatever its size.
    for (qsizetype row = 0; m_responseBodyBytes > m_responseBodyBudget && row < m_exchanges.size() - 1; ++row) {
        ExchangeRecord &e = m_exchanges[row];
        if (e.responseBody.isEmpty())
            continue;
        m_responseBodyBytes -= e.responseBody.size();
        // Truncated to nothing: responseBodyDropped() reads it so, and an export says so too.
        e.responseBody.clear();
        e.responseBodyTruncated = true;
        // The details of the row (DetailsRole) changed; the columns did not.
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1), {DetailsRole});
    }
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_exchanges.clear();
    m_responseBodyBytes = 0;
    endResetModel();
}

const ExchangeRecord *RequestLogModel::exchangeAt(int row) const
{
    return row >= 0 && row < m_exchanges.size() ? &m_exchanges.at(row) : nullptr;
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exchanges.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RequestLogModel::statusText(const ExchangeRecord &exchange) const
{
    if (!exchange.finished)
        return tr("sending…");
    if (exchange.httpStatus > 0)
        return QString::number(exchange.httpStatus);
    return tr("no answer");
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ExchangeRecord &e = m_exchanges.at(index.row());
    if (role == DetailsRole)
        return detailsText(e);
    if (role == RequestIdRole)
        return e.requestId;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return e.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn: return QString::fromLatin1(e.method);
        case UrlColumn: return pathAndQuery(e.url);
        case StatusColumn: return statusText(e);
        case DurationColumn: return e.durationMs >= 0 ? tr("%1 ms").arg(e.durationMs) : QString();
        case AttemptColumn: return e.retryAttempt > 0 ? tr("retry %1").arg(e.retryAttempt) : QString();
        case RequestIdColumn: return e.requestId;
        case ClientRequestIdColumn: return e.clientRequestId;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn: return QLocale().toString(e.startedAt.toLocalTime(), QLocale::LongFormat);
        case UrlColumn: return e.url.toString(QUrl::FullyEncoded);
        case StatusColumn: return e.errorText.isEmpty() ? QVariant() : QVariant(e.errorText);
        case AttemptColumn:
            return e.retryAttempt > 0
                ? tr("Sent again after a transient failure (Retry-Attempt: %1)").arg(e.retryAttempt)
                : QVariant();
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == DurationColumn || index.column() == StatusColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case MethodColumn: return tr("Method");
    case UrlColumn: return tr("URL");
    case StatusColumn: return tr("Status");
    case DurationColumn: return tr("Duration");
    case AttemptColumn: return tr("Retry");
    case RequestIdColumn: return tr("request-id");
    case ClientRequestIdColumn: return tr("client-request-id");
    default: return {};
    }
}

QString RequestLogModel::detailsText(const ExchangeRecord &e) const
{
    QString text = QString::fromLatin1(e.method) + u' ' + e.url.toString(QUrl::FullyEncoded) + u'\n';
    text
        += tr("Status: %1")
               .arg(e.finished ? (e.httpStatus > 0 ? QString::number(e.httpStatus) : tr("no answer")) : tr("sending…"));
    if (e.durationMs >= 0)
        text += QLatin1String("   ") + tr("Duration: %1 ms").arg(e.durationMs);
    if (e.retryAttempt > 0)
        text += QLatin1String("   ") + tr("Retry-Attempt: %1").arg(e.retryAttempt);
    text += u'\n' + tr("Started: %1").arg(e.startedAt.toString(Qt::ISODateWithMs)) + u'\n';
    text += QLatin1String("request-id: ") + e.requestId + u'\n';
    text += QLatin1String("client-request-id: ") + e.clientRequestId + u'\n';
    if (!e.errorText.isEmpty())
        text += tr("Error: %1").arg(e.errorText) + u'\n';
    text += u'\n' + tr("Request headers") + u'\n' + headerLines(e.requestHeaders);
    text += u'\n' + tr("Request body") + u'\n' + bodyText(e.requestBody, e.requestBodyTruncated);
    if (e.finished) {
        text += u'\n' + tr("Response headers") + u'\n' + headerLines(e.responseHeaders);
        text += u'\n' + tr("Response body") + u'\n'
            + (responseBodyDropped(e) ? tr("  (not kept: the log keeps the response bodies of its newest calls, "
                                           "%1 KiB in all)\n")
                                            .arg(m_responseBodyBudget / 1024)
                                      : bodyText(e.responseBody, e.responseBodyTruncated));
    }
    return text;
}

} // namespace ea::ui
