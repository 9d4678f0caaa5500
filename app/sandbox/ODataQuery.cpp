#include "sandbox/ODataQuery.h"

#include "sandbox/SandboxJson.h"
#include "sandbox/SandboxSupport.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

// Graph accepts at most 15 values in an `in (...)` list on directory objects.
constexpr int kMaxInValues = 15;

QByteArray makeSkipToken(qsizetype offset)
{
    return QByteArray(QByteArrayLiteral("sbx1:") + QByteArray::number(offset))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

bool parseInt(const QString &text, int *value)
{
    bool ok = false;
    const qlonglong parsed = text.trimmed().toLongLong(&ok);
    if (!ok || parsed < std::numeric_limits<int>::min() || parsed > std::numeric_limits<int>::max())
        return false;
    *value = static_cast<int>(parsed);
    return true;
}

std::optional<ApiError> parseGroupFilter(const QString &filter, QList<GroupClause> *clauses)
{
    FilterParser parser(filter);
    const auto syntaxError = [&] {
        return unsupportedQuery(u"Invalid filter clause: Syntax error at position "_s
            + QString::number(parser.position()) + u" in '"_s + filter + u"'."_s);
    };
    const auto property = [](const QString &name, GroupClause::Property *out) {
        static const QList<std::pair<QString, GroupClause::Property>> known {
            {u"displayName"_s, GroupClause::Property::DisplayName},
            {u"mailNickname"_s, GroupClause::Property::MailNickname},
            {u"id"_s, GroupClause::Property::Id},
            {u"securityEnabled"_s, GroupClause::Property::SecurityEnabled},
            {u"mailEnabled"_s, GroupClause::Property::MailEnabled},
        };
        for (const auto &[key, value] : known) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                *out = value;
                return true;
            }
        }
        return false;
    };

    do {
        QString ident;
        if (!parser.identifier(&ident))
            return syntaxError();
        GroupClause clause;
        if (ident.compare(u"startswith", Qt::CaseInsensitive) == 0 && parser.punct(u'(')) {
            QString name;
            if (!parser.identifier(&name) || !parser.punct(u',') || !parser.stringLiteral(&clause.folded)
                || !parser.punct(u')'))
                return syntaxError();
            if (!property(name, &clause.property) || clause.property == GroupClause::Property::Id
                || clause.property == GroupClause::Property::SecurityEnabled
                || clause.property == GroupClause::Property::MailEnabled)
                return unsupportedQuery(u"Unsupported or invalid query filter clause specified for property '"_s + name
                    + u"' of resource 'Group'."_s);
            clause.op = GroupClause::Op::StartsWith;
        } else if (parser.keyword(u"in")) {
            // id in ('a','b',...): how clients resolve many group names at once.
            if (!property(ident, &clause.property) || clause.property != GroupClause::Property::Id)
                return unsupportedQuery(u"Unsupported or invalid query filter clause specified for property '"_s + ident
                    + u"' of resource 'Group'."_s);
            clause.op = GroupClause::Op::In;
            if (!parser.punct(u'('))
                return syntaxError();
            do {
                QString value;
                if (!parser.stringLiteral(&value))
                    return syntaxError();
                clause.foldedValues.append(caseFolded(value));
            } while (parser.punct(u','));
            if (!parser.punct(u')'))
                return syntaxError();
            if (clause.foldedValues.size() > kMaxInValues)
                return unsupportedQuery(u"Too many values in the 'in' operator: at most "_s
                    + QString::number(kMaxInValues) + u" are allowed."_s);
        } else {
            if (!parser.keyword(u"eq"))
                return syntaxError();
            if (!property(ident, &clause.property))
                return unsupportedQuery(u"Unsupported or invalid query filter clause specified for property '"_s + ident
                    + u"' of resource 'Group'."_s);
            clause.op = GroupClause::Op::Equals;
            if (clause.property == GroupClause::Property::SecurityEnabled
                || clause.property == GroupClause::Property::MailEnabled) {
                if (parser.keyword(u"true"))
                    clause.flag = true;
                else if (parser.keyword(u"false"))
                    clause.flag = false;
                else
                    return syntaxError();
            } else if (!parser.stringLiteral(&clause.folded)) {
                return syntaxError();
            }
        }
        clause.folded = caseFolded(clause.folded);
        clauses->append(clause);
    } while (parser.keyword(u"and"));

    if (!parser.atEnd())
        return syntaxError();
    return std::nullopt;
}

std::optional<qsizetype> readSkipToken(const Context &ctx)
{
    const QueryOption *o = ctx.option(u"skiptoken");
    if (!o)
        return 0;
    const auto decoded = QByteArray::fromBase64Encoding(
        o->value.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("sbx1:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = decoded.decoded.mid(5).toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

QByteArray nextLink(const Context &ctx, qsizetype offset)
{
    QByteArray link = ctx.origin + ctx.rawPath + '?';
    for (const QueryOption &o : ctx.query) {
        const QStringView key = o.key.startsWith(u'$') ? QStringView(o.key).mid(1) : QStringView(o.key);
        if (key.compare(u"skiptoken", Qt::CaseInsensitive) == 0)
            continue;
        link += o.raw + '&';
    }
    return link + "$skiptoken=" + makeSkipToken(offset);
}

QByteArray collectionBody(
    const QByteArray &context, const QList<QByteArray> &items, const QByteArray &next, qsizetype count)
{
    qsizetype size = context.size() + next.size() + 64;
    for (const QByteArray &item : items)
        size += item.size() + 1;
    QByteArray body;
    body.reserve(size);
    body += "{\"@odata.context\":" + jsonString(context);
    if (count >= 0)
        body += ",\"@odata.count\":" + QByteArray::number(count);
    if (!next.isEmpty())
        body += ",\"@odata.nextLink\":" + jsonString(next);
    body += ",\"value\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            body += ',';
        body += items.at(i);
    }
    body += "]}";
    return body;
}

QByteArray withContext(const QByteArray &context, const QByteArray &entity)
{
    // entity is a compact JSON object: splice @odata.context in as first key.
    QByteArray body = "{\"@odata.context\":" + jsonString(context);
    if (entity.size() > 2)
        body += ',';
    body += QByteArrayView(entity).sliced(1);
    return body;
}

} // namespace ea::sandbox
