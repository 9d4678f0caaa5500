#pragma once

#include "graph/GraphRequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace ea {
class GraphClient;
}

namespace ea::ui {

// Every HTTP exchange of the session, oldest first, bounded to the last
// `capacity` (a long session must not grow without end). A row appears when
// the request is sent and is completed when the answer arrives; a retry or
// the next page of a list is a row of its own. The records come from
// GraphClient already redacted, so nothing here ever sees the token.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        UrlColumn,
        StatusColumn,
        DurationColumn,
        AttemptColumn,
        RequestIdColumn,
        ClientRequestIdColumn,
        ColumnCount
    };
    enum Role {
        // The whole exchange as text: headers and bodies (the details pane).
        DetailsRole = Qt::UserRole + 1,
        RequestIdRole,
    };
    static constexpr int kDefaultCapacity = 1000;
    // Response bodies are kept for the newest calls only, this many bytes in
    // all: a list of 10,000 configurations read page by page would otherwise
    // be held here a second time, as JSON. Older rows keep all but that body.
    // 512 KiB still holds at least eight bodies at the 64 KiB cap, or the last
    // fifty pages of a configuration list.
    static constexpr qsizetype kDefaultResponseBodyBudget = 512 * 1024;

    explicit RequestLogModel(QObject *parent = nullptr, int capacity = kDefaultCapacity,
        qsizetype responseBodyBudget = kDefaultResponseBodyBudget);

    // Records every exchange of this client from now on.
    void attach(GraphClient *client);
    // Adds the exchange, or completes the row of the same exchange (sequence).
    void record(const ExchangeRecord &exchange);
    void clear();

    const ExchangeRecord *exchangeAt(int row) const;
    const QList<ExchangeRecord> &exchanges() const { return m_exchanges; }
    int capacity() const { return m_capacity; }

    QString detailsText(const ExchangeRecord &exchange) const;
    // The response body of this row was let go to stay within the budget (a
    // body GraphClient capped is never empty, so an empty truncated one was dropped).
    static bool responseBodyDropped(const ExchangeRecord &exchange)
    {
        return exchange.responseBodyTruncated && exchange.responseBody.isEmpty();
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const ExchangeRecord &exchange) const;
    void keepResponseBodiesWithinBudget();

    QList<ExchangeRecord> m_exchanges;
    int m_capacity;
    qsizetype m_responseBodyBudget;
    qsizetype m_responseBodyBytes = 0; // of the bodies still kept
};

} // namespace ea::ui
