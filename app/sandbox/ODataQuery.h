#pragma once

// The OData query options the sandbox understands: a small $filter parser
// (the group clauses Graph's directory accepts, and one equality for
// configurations), integer options, and server-driven paging ($skiptoken,
// @odata.nextLink, the collection envelope).

#include "sandbox/GraphErrors.h"
#include "sandbox/GraphRequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ea::sandbox {

constexpr int MaxPageSize = 999;

class FilterParser
{
public:
    explicit FilterParser(QStringView text)
        : m_text(text)
    { }

    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }

    bool punct(QChar c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool identifier(QString *out)
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (!(c.isLetterOrNumber() || c == u'_' || c == u'/' || c == u'.'))
                break;
            ++m_pos;
        }
        if (m_pos == start)
            return false;
        *out = m_text.sliced(start, m_pos - start).toString();
        return true;
    }

    bool keyword(QStringView word)
    {
        skipSpace();
        const qsizetype save = m_pos;
        QString ident;
        if (identifier(&ident) && ident.compare(word, Qt::CaseInsensitive) == 0)
            return true;
        m_pos = save;
        return false;
    }

    // An OData string literal: '…' with '' standing for one quote.
    bool stringLiteral(QString *out)
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text.at(m_pos) != u'\'')
            return false;
        ++m_pos;
        QString value;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'\'') {
                if (m_pos < m_text.size() && m_text.at(m_pos) == u'\'') {
                    value += u'\'';
                    ++m_pos;
                    continue;
                }
                *out = value;
                return true;
            }
            value += c;
        }
        return false; // unterminated
    }

    qsizetype position() const { return m_pos; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

struct GroupClause
{
    enum class Op { StartsWith, Equals, In };
    enum class Property { DisplayName, MailNickname, Id, SecurityEnabled, MailEnabled };
    Op op = Op::StartsWith;
    Property property = Property::DisplayName;
    QString folded;
    QStringList foldedValues; // Op::In
    bool flag = false;
};

std::optional<ApiError> parseGroupFilter(const QString &filter, QList<GroupClause> *clauses);
// A whole int (surrounding spaces allowed), nothing else.
bool parseInt(const QString &text, int *value);

// 0 without $skiptoken; nullopt when the token is not one of ours.
std::optional<qsizetype> readSkipToken(const Context &ctx);
// Same origin, same path, same options (so $top, $filter, $expand carry
// over), new $skiptoken. Absolute, as Graph's nextLink is.
QByteArray nextLink(const Context &ctx, qsizetype offset);
// {"@odata.context", ["@odata.count",] ["@odata.nextLink",] "value": [items]}
QByteArray collectionBody(
    const QByteArray &context, const QList<QByteArray> &items, const QByteArray &next, qsizetype count = -1);
// A compact entity with @odata.context spliced in as its first member.
QByteArray withContext(const QByteArray &context, const QByteArray &entity);

} // namespace ea::sandbox
