// Routing and Graph behaviour of the sandbox tenant. The data lives in
// SandboxData.cpp; the facts reproduced here come from
// shared/reference/graph/README.md and the two schema excerpts beside it.

#include "sandbox/SandboxTenant.h"

#include "sandbox/SandboxTenant_p.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QSet>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

constexpr qsizetype RequestLogCap = 100'000;
constexpr int MaxPageSize = 999;
constexpr int DefaultGroupPageSize = 100;
constexpr int MaxGetByIds = 1000;

// What Graph actually sends; clients must compare the media type, not the
// whole header.
const QByteArray JsonContentType = QByteArrayLiteral(
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
const QByteArray AgsDiagnostic = QByteArrayLiteral(
    R"({"ServerInfo":{"DataCenter":"Sandbox","Slice":"E","Ring":"1","ScaleUnit":"000","RoleInstance":"SANDBOX"}})");
const QString AssignmentType = u"#microsoft.graph.enrollmentConfigurationAssignment"_s;
const QString GraphPrefix = u"microsoft.graph."_s;
const QString FilterIdKey = u"deviceAndAppManagementAssignmentFilterId"_s;
const QString FilterTypeKey = u"deviceAndAppManagementAssignmentFilterType"_s;
const QString DefaultRefusal = u"Default enrollment configurations cannot be assigned"_s;

// ---------------------------------------------------------------------------
// small helpers

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString jsonQuote(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"': out += u"\\\""; break;
        case u'\\': out += u"\\\\"; break;
        case u'\n': out += u"\\n"; break;
        case u'\r': out += u"\\r"; break;
        case u'\t': out += u"\\t"; break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

// For hand-built envelopes: the input is already UTF-8, only ASCII needs
// escaping.
QByteArray jsonQuoteBytes(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
    return out;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString odataKey(const QString &id)
{
    QString escaped = id;
    escaped.replace(u'\'', u"''"_s);
    return u"('"_s + escaped + u"')"_s;
}

QString stripHash(const QString &type)
{
    return type.startsWith(u'#') ? type.mid(1) : type;
}

bool isWriteMethod(QByteArrayView method)
{
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

bool parseInt(const QString &text, int *value)
{
    bool ok = false;
    const qlonglong parsed = text.trimmed().toLongLong(&ok);
    if (!ok || parsed < std::numeric_limits<int>::min() || parsed > std::numeric_limits<int>::max())
        return false;
    *value = static_cast<int>(parsed);
    return true;
}

// ---------------------------------------------------------------------------
// errors

struct ApiError
{
    int status = 400;
    QString code;
    QString message;
    // Intune wraps its errors: error.message is itself a JSON document whose
    // CustomApiErrorPhrase carries `message`.
    bool intune = false;
};

ApiError plainError(int status, const QString &code, const QString &message)
{
    return ApiError {status, code, message, false};
}

ApiError intuneError(int status, const QString &code, const QString &phrase)
{
    return ApiError {status, code, phrase, true};
}

ApiError intuneBadRequest(const QString &phrase)
{
    return intuneError(400, u"BadRequest"_s, phrase);
}

ApiError unknownProperty(const QString &property, const QString &type)
{
    return intuneBadRequest(u"The property '"_s + property + u"' does not exist on type '"_s + type
        + u"'. Make sure to only use property names that are defined by the type or mark the type as open type."_s);
}

// ---------------------------------------------------------------------------
// request context

struct QueryOption
{
    QString key; // decoded
    QString value; // decoded ('+' is a space, as ASP.NET decodes queries)
    QByteArray raw;
};

struct Context
{
    explicit Context(const HttpRequest &request)
        : http(request)
    { }

    const HttpRequest &http;
    ApiVersion version = ApiVersion::V1;
    QByteArray versionSegment;
    QByteArray origin;
    QByteArray rawPath;
    QStringList segments; // decoded, after the version segment
    QList<QueryOption> query;
    QString requestId;
    QString clientRequestId;
    bool routeMatched = false;
    // POST actions that only read (directoryObjects/getByIds) do not count
    // as writes: a dry run that resolves group names must show zero writes.
    bool readOnlyAction = false;

    bool isBeta() const { return version == ApiVersion::Beta; }

    // "$top" and "top" both work on Graph; names compare case-insensitively.
    const QueryOption *option(QStringView name) const
    {
        for (const QueryOption &o : query) {
            const QStringView key = o.key.startsWith(u'$') ? QStringView(o.key).mid(1) : QStringView(o.key);
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return &o;
        }
        return nullptr;
    }

    QByteArray serviceRoot() const { return origin + '/' + versionSegment; }
    QByteArray metadata(const QString &fragment) const { return serviceRoot() + "/$metadata#" + fragment.toUtf8(); }
};

QString segmentPathForIntune(const Context &ctx)
{
    // deviceManagement/deviceEnrollmentConfigurations('id')/assignments
    QString path;
    for (qsizetype i = 0; i < ctx.segments.size(); ++i) {
        if (i == 2 || i == 4) {
            path += odataKey(ctx.segments.at(i));
            continue;
        }
        if (!path.isEmpty())
            path += u'/';
        path += ctx.segments.at(i);
    }
    return path;
}

QString intuneMessage(const Context &ctx, const QString &phrase)
{
    const QString url
        = u"https://fef.msub02.manage.microsoft.com/DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/"_s
        + segmentPathForIntune(ctx) + u"?api-version=5024-11-07"_s;
    const QString message
        = u"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: "_s
        + ctx.requestId + u" - Url: "_s + url + u" - CustomApiErrorPhrase: "_s + phrase
        + u" - RetryAfter:  - ErrorSourceService:  - HttpHeaders: {}"_s;
    return u"{\r\n  \"_version\": 3,\r\n  \"Message\": "_s + jsonQuote(message) + u",\r\n  \"CustomApiErrorPhrase\": "_s
        + jsonQuote(phrase)
        + u",\r\n  \"RetryAfter\": null,\r\n  \"ErrorSourceService\": \"\",\r\n  \"HttpHeaders\": \"{}\"\r\n}"_s;
}

HttpResponse errorResponse(const Context &ctx, const ApiError &e)
{
    const QJsonObject inner {
        {u"date"_s, nowIso()},
        {u"request-id"_s, ctx.requestId},
        {u"client-request-id"_s, ctx.clientRequestId},
    };
    const QJsonObject error {
        {u"code"_s, e.code},
        {u"message"_s, e.intune ? intuneMessage(ctx, e.message) : e.message},
        {u"innerError"_s, inner},
    };
    HttpResponse response;
    response.status = e.status;
    response.body = compact(QJsonObject {{u"error"_s, error}});
    return response;
}

HttpResponse jsonResponse(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

// The real service's answer to a verb no route takes: a 400 whose code is
// the phrase itself and whose message is NOT nested.
HttpResponse routeRefusal(const Context &ctx, const char *routeTemplate)
{
    const QString message = u"No OData route exists that match template "_s + QLatin1String(routeTemplate)
        + u" with http verb "_s + QString::fromLatin1(ctx.http.method)
        + u" for request /DeviceEnrollmentFE/StatelessDeviceEnrollmentFEService/"_s + segmentPathForIntune(ctx)
        + u"."_s;
    return errorResponse(ctx, plainError(400, u"No method match route template"_s, message));
}

HttpResponse notFound(const Context &ctx, const QString &segment)
{
    return errorResponse(
        ctx, plainError(404, u"ResourceNotFound"_s, u"Resource not found for the segment '"_s + segment + u"'."_s));
}

HttpResponse notImplemented(const Context &ctx)
{
    return errorResponse(
        ctx, plainError(501, u"NotImplemented"_s, u"The sandbox tenant does not implement this operation."_s));
}

// ---------------------------------------------------------------------------
// paging

QByteArray makeSkipToken(qsizetype offset)
{
    return QByteArray(QByteArrayLiteral("sbx1:") + QByteArray::number(offset))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
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

// Same origin, same path, same options (so $top, $filter, $expand carry
// over), new $skiptoken. Absolute, as Graph's nextLink is.
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
    const QByteArray &context, const QList<QByteArray> &items, const QByteArray &next, qsizetype count = -1)
{
    qsizetype size = context.size() + next.size() + 64;
    for (const QByteArray &item : items)
        size += item.size() + 1;
    QByteArray body;
    body.reserve(size);
    body += "{\"@odata.context\":" + jsonQuoteBytes(context);
    if (count >= 0)
        body += ",\"@odata.count\":" + QByteArray::number(count);
    if (!next.isEmpty())
        body += ",\"@odata.nextLink\":" + jsonQuoteBytes(next);
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
    QByteArray body = "{\"@odata.context\":" + jsonQuoteBytes(context);
    if (entity.size() > 2)
        body += ',';
    body += QByteArrayView(entity).sliced(1);
    return body;
}

// ---------------------------------------------------------------------------
// OData $filter pieces

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

// Graph accepts at most 15 values in an `in (...)` list on directory objects.
constexpr int kMaxInValues = 15;

ApiError unsupportedQuery(const QString &message)
{
    return plainError(400, u"Request_UnsupportedQuery"_s, message);
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

bool matches(const SandboxGroup &g, const GroupClause &c)
{
    switch (c.property) {
    case GroupClause::Property::DisplayName:
        return c.op == GroupClause::Op::StartsWith ? g.folded.startsWith(c.folded) : g.folded == c.folded;
    case GroupClause::Property::MailNickname: {
        const QString nick = caseFolded(g.nickname());
        return c.op == GroupClause::Op::StartsWith ? nick.startsWith(c.folded) : nick == c.folded;
    }
    case GroupClause::Property::Id:
        if (c.op == GroupClause::Op::In)
            return c.foldedValues.contains(caseFolded(g.id));
        return g.id.compare(c.folded, Qt::CaseInsensitive) == 0;
    case GroupClause::Property::SecurityEnabled: return g.securityEnabled == c.flag;
    case GroupClause::Property::MailEnabled: return g.mailEnabled == c.flag;
    }
    return false;
}

// $search="displayName:x": Graph tokenizes names, so a term matches at the
// start of any word, case-insensitively.
bool searchMatches(const SandboxGroup &g, const QString &foldedTerm)
{
    const QString &name = g.folded;
    for (qsizetype i = 0; i + foldedTerm.size() <= name.size(); ++i) {
        if (i > 0 && name.at(i - 1).isLetterOrNumber())
            continue;
        if (QStringView(name).sliced(i).startsWith(foldedTerm))
            return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// serialization

// Hand-written JSON for everything served in bulk: QJsonObject round trips
// cost several microseconds each, which adds up at 100,000 groups.

void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        if (u >= 0x80) {
            // Rare: hand the rest to the UTF-8 encoder (surrogates included).
            const QByteArray utf8 = text.sliced(i).toUtf8();
            for (const char c : utf8) {
                if (c == '"' || c == '\\')
                    out += '\\';
                if (static_cast<unsigned char>(c) < 0x20)
                    out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
                else
                    out += c;
            }
            break;
        }
        switch (u) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        default:
            if (u < 0x20)
                out += "\\u00" + QByteArray::number(uint(u), 16).rightJustified(2, '0');
            else
                out += char(u);
        }
    }
    out += '"';
}

void appendStringOrNull(QByteArray &out, QStringView text)
{
    if (text.isEmpty())
        out += "null";
    else
        appendJsonString(out, text);
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: appendJsonString(out, value.toString()); break;
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; break;
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', 17);
        break;
    }
    case QJsonValue::Object: out += compact(value.toObject()); break;
    case QJsonValue::Array: out += compact(value.toArray()); break;
    }
}

// Appends ,"key": (or "key": for the first member).
void appendKey(QByteArray &out, bool *first, QByteArrayView key)
{
    if (!*first)
        out += ',';
    *first = false;
    out += '"';
    out += key;
    out += "\":";
}

void appendTarget(QByteArray &out, const QJsonValue &target, ApiVersion version)
{
    if (!target.isObject()) {
        out += "null";
        return;
    }
    const QJsonObject object = target.toObject();
    out += '{';
    bool first = true;
    // @odata.type first, as Graph writes it.
    if (object.contains(u"@odata.type"_s)) {
        appendKey(out, &first, "@odata.type");
        appendJsonValue(out, object.value(u"@odata.type"_s));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"@odata.type")
            continue;
        if (version == ApiVersion::V1 && (it.key() == FilterIdKey || it.key() == FilterTypeKey))
            continue;
        appendKey(out, &first, it.key().toUtf8());
        appendJsonValue(out, it.value());
    }
    out += '}';
}

void appendAssignment(QByteArray &out, const SandboxAssignment &a, ApiVersion version)
{
    out += "{\"@odata.type\":\"#microsoft.graph.enrollmentConfigurationAssignment\",\"id\":";
    appendJsonString(out, a.id);
    if (version == ApiVersion::Beta) {
        out += ",\"source\":";
        appendJsonString(out, a.source);
        out += ",\"sourceId\":";
        appendStringOrNull(out, a.sourceId);
    }
    out += ",\"target\":";
    appendTarget(out, a.target, version);
    out += '}';
}

QByteArray assignmentJson(const SandboxAssignment &a, ApiVersion version)
{
    QByteArray out;
    appendAssignment(out, a, version);
    return out;
}

QJsonObject assignmentObject(const SandboxAssignment &a, ApiVersion version)
{
    return QJsonDocument::fromJson(assignmentJson(a, version)).object();
}

const QByteArray &configurationJson(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.jsonV1 : c.jsonBeta;
    if (cache.isEmpty()) {
        QByteArray out;
        out.reserve(1024);
        out += "{\"@odata.type\":";
        appendJsonString(out, c.odataType);
        out += ",\"id\":";
        appendJsonString(out, c.id);
        out += ",\"displayName\":";
        appendJsonString(out, c.displayName);
        out += ",\"description\":";
        appendStringOrNull(out, c.description);
        out += ",\"priority\":" + QByteArray::number(c.priority);
        out += ",\"createdDateTime\":";
        appendJsonString(out, c.createdDateTime);
        out += ",\"lastModifiedDateTime\":";
        appendJsonString(out, c.lastModifiedDateTime);
        out += ",\"version\":" + QByteArray::number(c.version);
        if (version == ApiVersion::Beta) {
            out += ",\"roleScopeTagIds\":[\"0\"],\"deviceEnrollmentConfigurationType\":";
            appendJsonString(out, c.typeEnum);
        }
        const QJsonObject &specific = version == ApiVersion::V1 ? c.specificV1 : c.specificBeta;
        if (!specific.isEmpty()) {
            const QByteArray fragment = compact(specific);
            out += ',';
            out += QByteArrayView(fragment).sliced(1); // drops '{', keeps '}'
        } else {
            out += '}';
        }
        cache = out;
    }
    return cache;
}

const QByteArray &assignmentsJson(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.assignmentsJsonV1 : c.assignmentsJsonBeta;
    if (cache.isEmpty()) {
        QByteArray out = "[";
        for (qsizetype i = 0; i < c.assignments.size(); ++i) {
            if (i > 0)
                out += ',';
            appendAssignment(out, c.assignments.at(i), version);
        }
        out += ']';
        cache = out;
    }
    return cache;
}

const QByteArray &configurationWithAssignments(const SandboxConfiguration &c, ApiVersion version)
{
    QByteArray &cache = version == ApiVersion::V1 ? c.expandedJsonV1 : c.expandedJsonBeta;
    if (cache.isEmpty()) {
        const QByteArray &item = configurationJson(c, version);
        const QByteArray &assignments = assignmentsJson(c, version);
        QByteArray out;
        out.reserve(item.size() + assignments.size() + 20);
        out += QByteArrayView(item).chopped(1);
        out += ",\"assignments\":";
        out += assignments;
        out += '}';
        cache = out;
    }
    return cache;
}

enum class GroupProperty {
    Id,
    DeletedDateTime,
    Classification,
    CreatedDateTime,
    Description,
    DisplayName,
    GroupTypes,
    Mail,
    MailEnabled,
    MailNickname,
    MembershipRule,
    MembershipRuleProcessingState,
    OnPremisesSyncEnabled,
    SecurityEnabled,
    Visibility,
};

struct GroupPropertyName
{
    GroupProperty property;
    const char *key;
};

// Graph's own order for a group.
constexpr std::array<GroupPropertyName, 15> GroupProperties {{
    {GroupProperty::Id, "id"},
    {GroupProperty::DeletedDateTime, "deletedDateTime"},
    {GroupProperty::Classification, "classification"},
    {GroupProperty::CreatedDateTime, "createdDateTime"},
    {GroupProperty::Description, "description"},
    {GroupProperty::DisplayName, "displayName"},
    {GroupProperty::GroupTypes, "groupTypes"},
    {GroupProperty::Mail, "mail"},
    {GroupProperty::MailEnabled, "mailEnabled"},
    {GroupProperty::MailNickname, "mailNickname"},
    {GroupProperty::MembershipRule, "membershipRule"},
    {GroupProperty::MembershipRuleProcessingState, "membershipRuleProcessingState"},
    {GroupProperty::OnPremisesSyncEnabled, "onPremisesSyncEnabled"},
    {GroupProperty::SecurityEnabled, "securityEnabled"},
    {GroupProperty::Visibility, "visibility"},
}};

const GroupPropertyName *findGroupProperty(QStringView name)
{
    for (const GroupPropertyName &p : GroupProperties) {
        if (name.compare(QLatin1String(p.key), Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

void appendGroupProperty(QByteArray &out, bool *first, const SandboxGroup &g, const GroupPropertyName &p)
{
    appendKey(out, first, p.key);
    switch (p.property) {
    case GroupProperty::Id: appendJsonString(out, g.id); break;
    case GroupProperty::DisplayName: appendJsonString(out, g.displayName); break;
    case GroupProperty::Description: appendStringOrNull(out, g.description); break;
    case GroupProperty::CreatedDateTime: appendJsonString(out, g.created()); break;
    case GroupProperty::GroupTypes:
        out += '[';
        for (qsizetype i = 0; i < g.groupTypes.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, g.groupTypes.at(i));
        }
        out += ']';
        break;
    case GroupProperty::Mail: appendStringOrNull(out, g.mailAddress()); break;
    case GroupProperty::MailEnabled: out += g.mailEnabled ? "true" : "false"; break;
    case GroupProperty::MailNickname: appendJsonString(out, g.nickname()); break;
    case GroupProperty::MembershipRule: appendStringOrNull(out, g.membershipRule); break;
    case GroupProperty::MembershipRuleProcessingState: out += g.membershipRule.isEmpty() ? "null" : "\"On\""; break;
    case GroupProperty::SecurityEnabled: out += g.securityEnabled ? "true" : "false"; break;
    case GroupProperty::Visibility: out += g.groupTypes.contains(u"Unified"_s) ? "\"Private\"" : "null"; break;
    case GroupProperty::DeletedDateTime:
    case GroupProperty::Classification:
    case GroupProperty::OnPremisesSyncEnabled: out += "null"; break;
    }
}

const QByteArray &groupJson(const SandboxGroup &g)
{
    if (g.json.isEmpty()) {
        QByteArray out;
        out.reserve(512);
        out += '{';
        bool first = true;
        for (const GroupPropertyName &p : GroupProperties)
            appendGroupProperty(out, &first, g, p);
        out += '}';
        g.json = out;
    }
    return g.json;
}

QByteArray groupJson(const SandboxGroup &g, const QList<const GroupPropertyName *> &select)
{
    if (select.isEmpty())
        return groupJson(g);
    QByteArray out = "{";
    bool first = true;
    for (const GroupPropertyName *p : select)
        appendGroupProperty(out, &first, g, *p);
    out += '}';
    return out;
}

// Parses $select for groups; unknown names are an error like on Graph.
std::optional<ApiError> parseGroupSelect(const Context &ctx, QList<const GroupPropertyName *> *select, QString *text)
{
    const QueryOption *o = ctx.option(u"select");
    if (!o)
        return std::nullopt;
    QStringList names;
    const QStringList parts = o->value.split(u',');
    for (const QString &part : parts) {
        const QString name = part.trimmed();
        const GroupPropertyName *p = findGroupProperty(name);
        if (!p)
            return plainError(400, u"Request_BadRequest"_s,
                u"Could not find a property named '"_s + name + u"' on type 'microsoft.graph.group'."_s);
        if (!select->contains(p)) {
            select->append(p);
            names.append(QLatin1String(p->key));
        }
    }
    *text = names.join(u',');
    return std::nullopt;
}

QJsonObject filterObject(const SandboxFilter &f)
{
    return QJsonObject {
        {u"@odata.type"_s, u"#microsoft.graph.deviceAndAppManagementAssignmentFilter"_s},
        {u"id"_s, f.id},
        {u"displayName"_s, f.displayName},
        {u"description"_s, f.description},
        {u"platform"_s, f.platform},
        {u"rule"_s, f.rule},
        {u"assignmentFilterManagementType"_s, f.managementType},
        {u"createdDateTime"_s, f.createdDateTime},
        {u"lastModifiedDateTime"_s, f.lastModifiedDateTime},
        {u"roleScopeTags"_s, QJsonArray {u"0"_s}},
        {u"payloads"_s, QJsonArray {}},
    };
}

// ---------------------------------------------------------------------------
// assignment validation, as the service does it

// The five target types of both schemas (reference README, "Target types").
const QStringList TargetTypes {
    u"allDevicesAssignmentTarget"_s,
    u"allLicensedUsersAssignmentTarget"_s,
    u"groupAssignmentTarget"_s,
    u"exclusionGroupAssignmentTarget"_s,
    u"configurationManagerCollectionAssignmentTarget"_s,
};

// Newer than any client, seen on beta only (reference README, "Full-list
// writes"). v1.0's model lacks it, so v1.0 refuses it on a write like any
// type it cannot resolve; its reads show it as stored (minus the beta-only
// filter properties), as the reference says nothing else.
const QString ScopeTagTargetType = u"scopeTagGroupAssignmentTarget"_s;

std::optional<ApiError> parseTarget(const QJsonValue &value, ApiVersion version, const SandboxTenant::Private &d,
    const SandboxConfiguration &config, QJsonObject *out)
{
    if (value.isUndefined() || value.isNull())
        return intuneBadRequest(u"The target property is required."_s);
    if (!value.isObject())
        return intuneBadRequest(u"The target property must be an object."_s);
    const QJsonObject target = value.toObject();

    const QJsonValue typeValue = target.value(u"@odata.type"_s);
    if (!typeValue.isString())
        return intuneBadRequest(
            u"The target must name its type in @odata.type; deviceAndAppManagementAssignmentTarget is abstract."_s);
    // The docs' request examples omit the '#', responses carry it: accept both.
    const QString qualified = stripHash(typeValue.toString());
    const QString type = qualified.startsWith(GraphPrefix) ? qualified.mid(GraphPrefix.size()) : QString();
    const bool isScopeTag = version == ApiVersion::Beta && type == ScopeTagTargetType;
    if (!TargetTypes.contains(type) && !isScopeTag)
        return intuneBadRequest(u"A type named '"_s + qualified
            + u"' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."_s);

    const bool isGroup = type == u"groupAssignmentTarget" || type == u"exclusionGroupAssignmentTarget";
    const bool isCollection = type == u"configurationManagerCollectionAssignmentTarget";
    QStringList allowed {u"@odata.type"_s};
    if (isGroup)
        allowed << u"groupId"_s;
    if (isCollection)
        allowed << u"collectionId"_s;
    if (isScopeTag)
        allowed << u"targetType"_s << u"entraObjectId"_s;
    // The filter properties exist on beta only; v1.0 rejects them as
    // unknown properties.
    if (version == ApiVersion::Beta)
        allowed << FilterIdKey << FilterTypeKey;
    for (auto it = target.begin(); it != target.end(); ++it) {
        if (!allowed.contains(it.key()))
            return unknownProperty(it.key(), GraphPrefix + type);
    }

    QJsonObject canonical {{u"@odata.type"_s, QString(u"#"_s + GraphPrefix + type)}};
    if (isGroup) {
        const QJsonValue groupId = target.value(u"groupId"_s);
        if (!groupId.isString() || groupId.toString().isEmpty())
            return intuneBadRequest(u"The groupId property is required for "_s + GraphPrefix + type + u'.');
        if (!isGuid(groupId.toString()))
            return intuneBadRequest(u"The groupId '"_s + groupId.toString() + u"' is not a valid GUID."_s);
        if (type == u"exclusionGroupAssignmentTarget" && config.typeEnum == u"enrollmentNotificationsConfiguration")
            return intuneBadRequest(u"Enrollment notifications do not support group exclusion."_s);
        canonical.insert(u"groupId"_s, groupId.toString().toLower());
    }
    if (isCollection) {
        // Graph only checks presence; the format is not validated.
        const QJsonValue collectionId = target.value(u"collectionId"_s);
        if (!collectionId.isString() || collectionId.toString().isEmpty())
            return intuneBadRequest(u"The collectionId property is required for "_s + GraphPrefix + type + u'.');
        canonical.insert(u"collectionId"_s, collectionId.toString());
    }
    if (isScopeTag) {
        // Undocumented: only the types are checked, and what was sent is kept
        // exactly (null and absent stay apart), so a round trip is lossless.
        for (const QString &key : {u"targetType"_s, u"entraObjectId"_s}) {
            const QJsonValue field = target.value(key);
            if (field.isUndefined())
                continue;
            if (!field.isString() && !field.isNull())
                return intuneBadRequest(key + u" must be a string."_s);
            canonical.insert(key, field);
        }
    }

    QString filterType = u"none"_s;
    QJsonValue filterId(QJsonValue::Null);
    if (version == ApiVersion::Beta) {
        const QJsonValue typeField = target.value(FilterTypeKey);
        if (!typeField.isUndefined() && !typeField.isNull()) {
            if (!typeField.isString())
                return intuneBadRequest(u"deviceAndAppManagementAssignmentFilterType must be a string."_s);
            filterType = typeField.toString();
            if (filterType != u"none" && filterType != u"include" && filterType != u"exclude")
                return intuneBadRequest(u"The value '"_s + filterType
                    + u"' is not valid for deviceAndAppManagementAssignmentFilterType; expected none, include or exclude."_s);
        }
        const QJsonValue idField = target.value(FilterIdKey);
        if (!idField.isUndefined() && !idField.isNull() && !idField.isString())
            return intuneBadRequest(u"deviceAndAppManagementAssignmentFilterId must be a string."_s);
        const QString id = idField.toString();
        if (filterType != u"none") {
            if (id.isEmpty())
                return intuneBadRequest(
                    u"An assignment filter id is required when the filter type is '"_s + filterType + u"'."_s);
            if (!d.findFilter(id))
                return intuneBadRequest(u"The assignment filter '"_s + id + u"' does not exist."_s);
        }
        if (!id.isEmpty())
            filterId = id;
    }
    canonical.insert(FilterIdKey, filterId);
    canonical.insert(FilterTypeKey, filterType);
    *out = canonical;
    return std::nullopt;
}

std::optional<ApiError> parseAssignment(const QJsonValue &value, ApiVersion version, const SandboxTenant::Private &d,
    const SandboxConfiguration &config, bool keepId, SandboxAssignment *out)
{
    if (!value.isObject())
        return intuneBadRequest(u"An enrollmentConfigurationAssignment must be a JSON object."_s);
    const QJsonObject object = value.toObject();

    QStringList allowed {u"@odata.type"_s, u"id"_s, u"target"_s};
    if (version == ApiVersion::Beta)
        allowed << u"source"_s << u"sourceId"_s;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return unknownProperty(it.key(), u"microsoft.graph.enrollmentConfigurationAssignment"_s);
    }
    const QJsonValue type = object.value(u"@odata.type"_s);
    if (!type.isUndefined()) {
        if (!type.isString() || stripHash(type.toString()) != stripHash(AssignmentType))
            return intuneBadRequest(u"A type named '"_s + stripHash(type.toString())
                + u"' could not be resolved by the model. When a model is available, each type name must resolve to a valid type."_s);
    }

    SandboxAssignment result;
    QJsonObject target;
    if (const auto error = parseTarget(object.value(u"target"_s), version, d, config, &target))
        return error;
    result.target = target;

    const QJsonValue id = object.value(u"id"_s);
    if (!id.isUndefined() && !id.isNull() && !id.isString())
        return intuneBadRequest(u"The id property must be a string."_s);
    result.id = keepId && !id.toString().isEmpty() ? id.toString() : config.id + u'_' + newGuid();

    result.source = u"direct"_s;
    const QJsonValue source = object.value(u"source"_s);
    if (source.isString()) {
        if (source.toString() != u"direct" && source.toString() != u"policySets")
            return intuneBadRequest(
                u"The value '"_s + source.toString() + u"' is not valid for deviceAndAppManagementAssignmentSource."_s);
        result.source = source.toString();
    }
    result.sourceId = object.value(u"sourceId"_s).toString();
    *out = result;
    return std::nullopt;
}

std::optional<QJsonValue> parseJsonBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    if (document.isObject())
        return QJsonValue(document.object());
    return QJsonValue(document.array());
}

} // namespace

// ===========================================================================
// Private: lookups

const SandboxConfiguration *SandboxTenant::Private::findConfiguration(const QString &id) const
{
    const auto it = configurationIndex.constFind(id.toLower());
    return it == configurationIndex.cend() ? nullptr : &configurations.at(*it);
}

SandboxConfiguration *SandboxTenant::Private::findConfiguration(const QString &id)
{
    const auto it = configurationIndex.constFind(id.toLower());
    return it == configurationIndex.cend() ? nullptr : &configurations[*it];
}

const SandboxGroup *SandboxTenant::Private::findGroup(const QString &id) const
{
    const auto it = groupIndex.constFind(id.toLower());
    return it == groupIndex.cend() ? nullptr : &groups.at(*it);
}

const SandboxFilter *SandboxTenant::Private::findFilter(const QString &id) const
{
    for (const SandboxFilter &f : filters) {
        if (f.id.compare(id, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

// ===========================================================================
// routes

namespace {

using Private = SandboxTenant::Private;

bool is(const QString &segment, QStringView name)
{
    return segment.compare(name, Qt::CaseInsensitive) == 0;
}

ApiError configurationNotFound(const QString &id)
{
    return intuneError(
        404, u"ResourceNotFound"_s, u"The device enrollment configuration '"_s + id + u"' was not found."_s);
}

QString configurationsContext(const QString &configId)
{
    return u"deviceManagement/deviceEnrollmentConfigurations"_s + odataKey(configId);
}

void touch(SandboxConfiguration &c)
{
    c.lastModifiedDateTime = nowIso();
    c.invalidate();
}

HttpResponse listConfigurations(Private &d, const Context &ctx)
{
    int top = std::clamp(d.options.pageSize, 1, MaxPageSize);
    if (const QueryOption *o = ctx.option(u"top")) {
        int value = 0;
        if (!parseInt(o->value, &value) || value < 1)
            return errorResponse(ctx, intuneBadRequest(u"Invalid $top value '"_s + o->value + u"'."_s));
        // Intune quietly caps large pages instead of refusing them.
        top = std::min(value, MaxPageSize);
    }
    const auto offset = readSkipToken(ctx);
    if (!offset)
        return errorResponse(ctx, intuneBadRequest(u"The $skiptoken value is not valid."_s));

    bool expand = false;
    if (const QueryOption *o = ctx.option(u"expand")) {
        const QStringList parts = o->value.split(u',');
        for (const QString &part : parts) {
            const QString name = part.trimmed();
            if (name != u"assignments")
                return errorResponse(ctx,
                    plainError(400, u"BadRequest"_s,
                        u"Could not find a property named '"_s + name
                            + u"' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
            expand = true;
        }
    }

    bool haveFilter = false;
    QString typeFilter;
    if (const QueryOption *o = ctx.option(u"filter")) {
        FilterParser parser(o->value);
        QString property;
        const bool named = parser.identifier(&property);
        if (named && is(property, u"deviceEnrollmentConfigurationType") && !ctx.isBeta())
            return errorResponse(ctx,
                plainError(400, u"BadRequest"_s,
                    u"Could not find a property named 'deviceEnrollmentConfigurationType' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
        if (!named || !is(property, u"deviceEnrollmentConfigurationType") || !parser.keyword(u"eq")
            || !parser.stringLiteral(&typeFilter) || !parser.atEnd())
            return errorResponse(ctx, intuneBadRequest(u"Invalid filter clause: '"_s + o->value + u"'."_s));
        haveFilter = true;
    }

    QList<qsizetype> matching;
    if (haveFilter) {
        for (qsizetype i = 0; i < d.configurations.size(); ++i) {
            if (d.configurations.at(i).typeEnum == typeFilter)
                matching.append(i);
        }
    }
    const qsizetype total = haveFilter ? matching.size() : d.configurations.size();
    const qsizetype begin = std::min(*offset, total);
    const qsizetype end = std::min(begin + top, total);

    QList<QByteArray> items;
    items.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i) {
        const SandboxConfiguration &c = d.configurations.at(haveFilter ? matching.at(i) : i);
        items.append(expand ? configurationWithAssignments(c, ctx.version) : configurationJson(c, ctx.version));
    }
    const QByteArray next = end < total ? nextLink(ctx, end) : QByteArray();
    return jsonResponse(
        200, collectionBody(ctx.metadata(u"deviceManagement/deviceEnrollmentConfigurations"_s), items, next));
}

HttpResponse getConfiguration(const Context &ctx, const SandboxConfiguration &c)
{
    bool expand = false;
    if (const QueryOption *o = ctx.option(u"expand")) {
        if (o->value.trimmed() != u"assignments")
            return errorResponse(ctx,
                plainError(400, u"BadRequest"_s,
                    u"Could not find a property named '"_s + o->value.trimmed()
                        + u"' on type 'microsoft.graph.deviceEnrollmentConfiguration'."_s));
        expand = true;
    }
    const QByteArray &entity
        = expand ? configurationWithAssignments(c, ctx.version) : configurationJson(c, ctx.version);
    return jsonResponse(
        200, withContext(ctx.metadata(u"deviceManagement/deviceEnrollmentConfigurations/$entity"_s), entity));
}

HttpResponse listAssignments(const Context &ctx, const SandboxConfiguration &c)
{
    QByteArray body = "{\"@odata.context\":"
        + jsonQuoteBytes(ctx.metadata(configurationsContext(c.id) + u"/assignments"_s)) + ",\"value\":";
    body += assignmentsJson(c, ctx.version);
    body += '}';
    return jsonResponse(200, body);
}

HttpResponse assignmentEntity(const Context &ctx, const SandboxConfiguration &c, const SandboxAssignment &a, int status)
{
    return jsonResponse(status,
        withContext(
            ctx.metadata(configurationsContext(c.id) + u"/assignments/$entity"_s), assignmentJson(a, ctx.version)));
}

std::optional<QJsonObject> bodyObject(const Context &ctx, ApiError *error)
{
    if (ctx.http.body.trimmed().isEmpty()) {
        *error = intuneBadRequest(u"Empty Payload. JSON content expected."_s);
        return std::nullopt;
    }
    const auto value = parseJsonBody(ctx.http.body);
    if (!value) {
        *error = intuneBadRequest(u"The request body is not valid JSON."_s);
        return std::nullopt;
    }
    if (!value->isObject()) {
        *error = intuneBadRequest(u"The request body must be a JSON object."_s);
        return std::nullopt;
    }
    return value->toObject();
}

HttpResponse createAssignment(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    // The real service has no POST route for ESP assignments at all; what
    // works is the assign action. The refusal comes before any validation.
    if (c.isEsp)
        return routeRefusal(ctx, "~/singleton/navigation/key/navigation");
    if (c.isDefault)
        return errorResponse(ctx, intuneBadRequest(DefaultRefusal));
    ApiError error;
    const auto object = bodyObject(ctx, &error);
    if (!object)
        return errorResponse(ctx, error);
    SandboxAssignment a;
    if (const auto invalid = parseAssignment(*object, ctx.version, d, c, false, &a))
        return errorResponse(ctx, *invalid);
    c.assignments.append(a);
    c.invalidate();
    HttpResponse response = assignmentEntity(ctx, c, a, 201);
    response.headers.append(
        {QByteArrayLiteral("Location"), ctx.origin + ctx.rawPath + '/' + QUrl::toPercentEncoding(a.id)});
    return response;
}

// Replaces the whole list: whatever is not sent is gone. Graph does not
// document this; it is what every tenant does.
HttpResponse assign(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    if (c.isDefault)
        return errorResponse(ctx, intuneBadRequest(DefaultRefusal));
    ApiError error;
    const auto object = bodyObject(ctx, &error);
    if (!object)
        return errorResponse(ctx, error);
    for (auto it = object->begin(); it != object->end(); ++it) {
        if (it.key() != u"enrollmentConfigurationAssignments")
            return errorResponse(ctx,
                intuneBadRequest(u"The parameter '"_s + it.key()
                    + u"' in the request payload is not a valid parameter for the operation 'assign'."_s));
    }
    const QJsonValue list = object->value(u"enrollmentConfigurationAssignments"_s);
    if (!list.isArray())
        return errorResponse(
            ctx, intuneBadRequest(u"enrollmentConfigurationAssignments is required and must be an array."_s));

    // All or nothing: one bad entry leaves the existing list untouched.
    QList<SandboxAssignment> replacement;
    QSet<QString> seenIds;
    const QJsonArray entries = list.toArray();
    for (const QJsonValue &entry : entries) {
        SandboxAssignment a;
        if (const auto invalid = parseAssignment(entry, ctx.version, d, c, true, &a))
            return errorResponse(ctx, *invalid);
        if (seenIds.contains(a.id.toLower()))
            a.id = c.id + u'_' + newGuid();
        seenIds.insert(a.id.toLower());
        replacement.append(a);
    }
    c.assignments = replacement;
    c.invalidate();
    return noContent();
}

HttpResponse setPriority(Private &d, const Context &ctx, SandboxConfiguration &c)
{
    if (c.isDefault)
        return errorResponse(
            ctx, intuneBadRequest(u"The priority of a default enrollment configuration cannot be changed."_s));
    ApiError error;
    const auto object = bodyObject(ctx, &error);
    if (!object)
        return errorResponse(ctx, error);
    const QJsonValue value = object->value(u"priority"_s);
    if (!value.isDouble() || value.toDouble() != double(value.toInt()))
        return errorResponse(ctx, intuneBadRequest(u"priority is required and must be an integer."_s));
    const int wanted = value.toInt();
    if (wanted < 1)
        return errorResponse(ctx, intuneBadRequest(u"Priority must be 1 or greater."_s));

    // Renumber the family 1..n with c moved to the wanted slot, as Intune
    // shifts the others.
    QList<SandboxConfiguration *> family;
    for (SandboxConfiguration &other : d.configurations) {
        if (!other.isDefault && other.family == c.family && &other != &c)
            family.append(&other);
    }
    std::stable_sort(family.begin(), family.end(),
        [](const SandboxConfiguration *a, const SandboxConfiguration *b) { return a->priority < b->priority; });
    family.insert(std::min<qsizetype>(wanted - 1, family.size()), &c);
    for (qsizetype i = 0; i < family.size(); ++i) {
        SandboxConfiguration *member = family.at(i);
        const int priority = int(i + 1);
        if (member->priority != priority || member == &c) {
            member->priority = priority;
            ++member->version;
            touch(*member);
        }
    }
    return noContent();
}

qsizetype findAssignment(const SandboxConfiguration &c, const QString &id)
{
    for (qsizetype i = 0; i < c.assignments.size(); ++i) {
        if (c.assignments.at(i).id.compare(id, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

HttpResponse routeConfigurations(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    const QByteArray &method = ctx.http.method;
    const qsizetype n = s.size();
    ctx.routeMatched = true;

    if (n == 2) {
        if (method == "GET")
            return listConfigurations(d, ctx);
        if (method == "POST")
            return notImplemented(ctx);
        return routeRefusal(ctx, "~/singleton/navigation");
    }

    SandboxConfiguration *config = d.findConfiguration(s.at(2));
    if (n == 3) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "GET")
            return getConfiguration(ctx, *config);
        if (method == "PATCH" || method == "DELETE")
            return notImplemented(ctx);
        return routeRefusal(ctx, "~/singleton/navigation/key");
    }

    const QString &part = s.at(3);
    if (n == 4 && is(part, u"assignments")) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "GET")
            return listAssignments(ctx, *config);
        if (method == "POST")
            return createAssignment(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/navigation");
    }
    // Bound actions answer to the bare and the namespace-qualified name.
    if (n == 4 && (is(part, u"assign") || is(part, u"microsoft.graph.assign"))) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "POST")
            return assign(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/action");
    }
    if (n == 4 && (is(part, u"setPriority") || is(part, u"microsoft.graph.setPriority"))) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        if (method == "POST")
            return setPriority(d, ctx, *config);
        return routeRefusal(ctx, "~/singleton/navigation/key/action");
    }
    if (n == 5 && is(part, u"assignments")) {
        if (!config)
            return errorResponse(ctx, configurationNotFound(s.at(2)));
        const qsizetype index = findAssignment(*config, s.at(4));
        if (method != "GET" && method != "DELETE" && method != "PATCH")
            return routeRefusal(ctx, "~/singleton/navigation/key/navigation/key");
        if (method == "DELETE" && config->isEsp && d.espRefusesDelete)
            return routeRefusal(ctx, "~/singleton/navigation/key/navigation/key");
        if (method != "GET" && config->isDefault)
            return errorResponse(ctx, intuneBadRequest(DefaultRefusal));
        if (index < 0)
            return errorResponse(ctx,
                intuneError(404, u"ResourceNotFound"_s,
                    u"The enrollment configuration assignment '"_s + s.at(4) + u"' was not found."_s));
        if (method == "GET")
            return assignmentEntity(ctx, *config, config->assignments.at(index), 200);
        if (method == "DELETE") {
            config->assignments.removeAt(index);
            config->invalidate();
            return noContent();
        }
        ApiError error;
        const auto object = bodyObject(ctx, &error);
        if (!object)
            return errorResponse(ctx, error);
        SandboxAssignment updated;
        if (const auto invalid = parseAssignment(*object, ctx.version, d, *config, false, &updated))
            return errorResponse(ctx, *invalid);
        SandboxAssignment &existing = config->assignments[index];
        existing.target = updated.target;
        if (ctx.isBeta() && object->contains(u"source"_s)) {
            existing.source = updated.source;
            existing.sourceId = updated.sourceId;
        }
        config->invalidate();
        return assignmentEntity(ctx, *config, existing, 200);
    }

    ctx.routeMatched = false;
    return notFound(ctx, s.at(n - 1));
}

HttpResponse routeFilters(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    ctx.routeMatched = true;
    if (ctx.http.method != "GET")
        return notImplemented(ctx);
    if (s.size() == 2) {
        QList<QByteArray> items;
        for (const SandboxFilter &f : std::as_const(d.filters))
            items.append(compact(filterObject(f)));
        return jsonResponse(200, collectionBody(ctx.metadata(u"deviceManagement/assignmentFilters"_s), items, {}));
    }
    if (s.size() == 3) {
        const SandboxFilter *f = d.findFilter(s.at(2));
        if (!f)
            return errorResponse(ctx,
                intuneError(
                    404, u"ResourceNotFound"_s, u"The assignment filter '"_s + s.at(2) + u"' was not found."_s));
        return jsonResponse(
            200, withContext(ctx.metadata(u"deviceManagement/assignmentFilters/$entity"_s), compact(filterObject(*f))));
    }
    ctx.routeMatched = false;
    return notFound(ctx, s.last());
}

ApiError badDirectoryRequest(const QString &message)
{
    return plainError(400, u"Request_BadRequest"_s, message);
}

HttpResponse listGroups(Private &d, const Context &ctx)
{
    const bool eventual = ctx.http.header("ConsistencyLevel").trimmed().compare("eventual", Qt::CaseInsensitive) == 0;

    if (ctx.option(u"skip"))
        return errorResponse(ctx, badDirectoryRequest(u"'$skip' is not supported by the service."_s));

    int top = DefaultGroupPageSize;
    if (const QueryOption *o = ctx.option(u"top")) {
        if (!parseInt(o->value, &top))
            return errorResponse(
                ctx, badDirectoryRequest(u"Invalid value '"_s + o->value + u"' for query option $top."_s));
        if (top < 1 || top > MaxPageSize)
            return errorResponse(ctx,
                unsupportedQuery(
                    u"Invalid page size specified: '"_s + o->value + u"'. Must be between 1 and 999 inclusive."_s));
    }
    const auto offset = readSkipToken(ctx);
    if (!offset)
        return errorResponse(ctx,
            plainError(400, u"Directory_ExpiredPageToken"_s,
                u"The specified page token value has expired and can no longer be included in your request."_s));

    bool count = false;
    if (const QueryOption *o = ctx.option(u"count")) {
        if (o->value != u"true" && o->value != u"false")
            return errorResponse(
                ctx, badDirectoryRequest(u"Invalid value '"_s + o->value + u"' for query option $count."_s));
        count = o->value == u"true";
        if (count && !eventual)
            return errorResponse(
                ctx, unsupportedQuery(u"$count is only supported with the header 'ConsistencyLevel: eventual'."_s));
    }

    QList<const GroupPropertyName *> select;
    QString selectText;
    if (const auto error = parseGroupSelect(ctx, &select, &selectText))
        return errorResponse(ctx, *error);

    QList<GroupClause> clauses;
    if (const QueryOption *o = ctx.option(u"filter")) {
        if (const auto error = parseGroupFilter(o->value, &clauses))
            return errorResponse(ctx, *error);
    }

    QString searchTerm;
    bool haveSearch = false;
    if (const QueryOption *o = ctx.option(u"search")) {
        if (!eventual)
            return errorResponse(ctx,
                unsupportedQuery(
                    u"Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"_s));
        QString term = o->value.trimmed();
        if (term.size() < 2 || !term.startsWith(u'"') || !term.endsWith(u'"'))
            return errorResponse(
                ctx, badDirectoryRequest(u"Syntax error: the $search value must be enclosed in double quotes."_s));
        term = term.mid(1, term.size() - 2);
        const qsizetype colon = term.indexOf(u':');
        if (colon >= 0) {
            if (!is(term.left(colon), u"displayName"))
                return errorResponse(ctx, unsupportedQuery(u"The sandbox only searches displayName."_s));
            term = term.mid(colon + 1);
        }
        searchTerm = caseFolded(term);
        haveSearch = true;
    }

    bool ordered = false;
    bool descending = false;
    if (const QueryOption *o = ctx.option(u"orderby")) {
        const QStringList words = o->value.simplified().split(u' ');
        if (words.isEmpty() || !is(words.first(), u"displayName") || words.size() > 2
            || (words.size() == 2 && !is(words.at(1), u"asc") && !is(words.at(1), u"desc")))
            return errorResponse(ctx, unsupportedQuery(u"Sorting not supported for current query."_s));
        // Combining $orderby with $filter or $search is an advanced query on
        // the directory: it needs ConsistencyLevel: eventual and $count=true.
        if ((!clauses.isEmpty() || haveSearch) && !(eventual && count))
            return errorResponse(ctx, unsupportedQuery(u"Sorting not supported for current query."_s));
        ordered = true;
        descending = words.size() == 2 && is(words.at(1), u"desc");
    }

    const bool filtering = !clauses.isEmpty() || haveSearch;
    QList<qsizetype> result;
    if (filtering) {
        const auto accept = [&](const SandboxGroup &g) {
            for (const GroupClause &c : std::as_const(clauses)) {
                if (!matches(g, c))
                    return false;
            }
            return !haveSearch || searchMatches(g, searchTerm);
        };
        const bool prefixOnly = clauses.size() == 1 && clauses.first().op == GroupClause::Op::StartsWith
            && clauses.first().property == GroupClause::Property::DisplayName;
        if (prefixOnly) {
            // The name index is sorted by folded name: a prefix is a range,
            // found by two binary searches (one letter matches a fifth of a
            // 100,000-group tenant, which a scan made the search's bottleneck).
            const QString &prefix = clauses.first().folded;
            const auto first = std::lower_bound(d.groupsByName.cbegin(), d.groupsByName.cend(), prefix,
                [&d](qsizetype index, const QString &p) { return d.groups.at(index).folded < p; });
            const auto last = std::partition_point(first, d.groupsByName.cend(),
                [&](qsizetype index) { return d.groups.at(index).folded.startsWith(prefix); });
            if (haveSearch) {
                for (auto it = first; it != last; ++it) {
                    if (accept(d.groups.at(*it)))
                        result.append(*it);
                }
            } else {
                result = QList<qsizetype>(first, last);
            }
            // Unordered lists come in tenant order, and a page needs only its
            // first offset + top entries in that order.
            if (!ordered) {
                const qsizetype needed = std::min(result.size(), qsizetype(*offset) + top);
                std::partial_sort(result.begin(), result.begin() + needed, result.end());
            }
        } else {
            for (qsizetype i = 0; i < d.groups.size(); ++i) {
                const qsizetype index = ordered ? d.groupsByName.at(i) : i;
                if (accept(d.groups.at(index)))
                    result.append(index);
            }
        }
        if (descending)
            std::reverse(result.begin(), result.end());
    }

    const qsizetype total = filtering ? result.size() : d.groups.size();
    const auto indexAt = [&](qsizetype i) -> qsizetype {
        if (filtering)
            return result.at(i);
        if (!ordered)
            return i;
        return descending ? d.groupsByName.at(total - 1 - i) : d.groupsByName.at(i);
    };
    const qsizetype begin = std::min(*offset, total);
    const qsizetype end = std::min(begin + top, total);
    QList<QByteArray> items;
    items.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i)
        items.append(groupJson(d.groups.at(indexAt(i)), select));

    const QString context = selectText.isEmpty() ? u"groups"_s : u"groups("_s + selectText + u')';
    return jsonResponse(200,
        collectionBody(
            ctx.metadata(context), items, end < total ? nextLink(ctx, end) : QByteArray(), count ? total : -1));
}

HttpResponse getGroup(Private &d, const Context &ctx, const QString &id)
{
    if (!isGuid(id))
        return errorResponse(ctx, badDirectoryRequest(u"Invalid object identifier '"_s + id + u"'."_s));
    const SandboxGroup *g = d.findGroup(id);
    if (!g)
        return errorResponse(ctx,
            plainError(404, u"Request_ResourceNotFound"_s,
                u"Resource '"_s + id
                    + u"' does not exist or one of its queried reference-property objects are not present."_s));
    QList<const GroupPropertyName *> select;
    QString selectText;
    if (const auto error = parseGroupSelect(ctx, &select, &selectText))
        return errorResponse(ctx, *error);
    return jsonResponse(200, withContext(ctx.metadata(u"groups/$entity"_s), groupJson(*g, select)));
}

HttpResponse routeGroups(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    const QByteArray &method = ctx.http.method;
    ctx.routeMatched = true;
    const auto methodNotAllowed = [&] {
        return errorResponse(ctx,
            plainError(
                405, u"Request_BadRequest"_s, u"Specified HTTP method is not allowed for the request target."_s));
    };
    if (s.size() == 1) {
        if (method == "GET")
            return listGroups(d, ctx);
        if (method == "POST")
            return notImplemented(ctx);
        return methodNotAllowed();
    }
    if (s.size() == 2) {
        if (method == "GET")
            return getGroup(d, ctx, s.at(1));
        if (method == "PATCH" || method == "DELETE")
            return notImplemented(ctx);
        return methodNotAllowed();
    }
    ctx.routeMatched = false;
    return notFound(ctx, s.last());
}

// One request resolves every group an assignment list names; ids that no
// longer exist are simply absent from the answer.
HttpResponse getByIds(Private &d, const Context &ctx)
{
    const auto value = parseJsonBody(ctx.http.body);
    if (!value || !value->isObject())
        return errorResponse(ctx, badDirectoryRequest(u"Invalid request body: a JSON object is expected."_s));
    const QJsonObject object = value->toObject();
    const QJsonValue ids = object.value(u"ids"_s);
    if (!ids.isArray())
        return errorResponse(ctx, badDirectoryRequest(u"The ids property is required."_s));
    const QJsonArray idArray = ids.toArray();
    if (idArray.size() > MaxGetByIds)
        return errorResponse(ctx, badDirectoryRequest(u"Too many ids: at most 1000 may be requested at once."_s));

    bool wantGroups = true;
    const QJsonValue types = object.value(u"types"_s);
    if (!types.isUndefined() && !types.isNull()) {
        if (!types.isArray())
            return errorResponse(ctx, badDirectoryRequest(u"The types property must be an array of strings."_s));
        const QJsonArray typeArray = types.toArray();
        if (!typeArray.isEmpty()) {
            wantGroups = false;
            for (const QJsonValue &t : typeArray) {
                const QString name = stripHash(t.toString());
                if (is(name, u"group") || is(name, u"microsoft.graph.group"))
                    wantGroups = true;
            }
        }
    }

    QList<QByteArray> items;
    for (const QJsonValue &id : idArray) {
        if (!id.isString() || !isGuid(id.toString()))
            return errorResponse(ctx, badDirectoryRequest(u"Invalid object identifier '"_s + id.toString() + u"'."_s));
        if (!wantGroups)
            continue;
        if (const SandboxGroup *g = d.findGroup(id.toString())) {
            const QByteArray &json = groupJson(*g);
            items.append("{\"@odata.type\":\"#microsoft.graph.group\"," + QByteArrayView(json).sliced(1));
        }
    }
    return jsonResponse(200, collectionBody(ctx.metadata(u"directoryObjects"_s), items, {}));
}

// Known before routing, so a write fault can stop a write from landing.
bool isReadOnlyAction(const Context &ctx)
{
    const QStringList &s = ctx.segments;
    return s.size() == 2 && is(s.first(), u"directoryObjects")
        && (is(s.at(1), u"getByIds") || is(s.at(1), u"microsoft.graph.getByIds"));
}

HttpResponse route(Private &d, Context &ctx)
{
    const QStringList &s = ctx.segments;
    if (s.isEmpty())
        return notFound(ctx, QString::fromLatin1(ctx.versionSegment));

    if (is(s.first(), u"deviceManagement")) {
        if (s.size() >= 2 && is(s.at(1), u"deviceEnrollmentConfigurations"))
            return routeConfigurations(d, ctx);
        if (s.size() >= 2 && is(s.at(1), u"assignmentFilters")) {
            if (!ctx.isBeta())
                return errorResponse(ctx,
                    plainError(400, u"BadRequest"_s, u"Resource not found for the segment 'assignmentFilters'."_s));
            return routeFilters(d, ctx);
        }
        return notFound(ctx, s.value(1, s.first()));
    }
    if (is(s.first(), u"groups"))
        return routeGroups(d, ctx);
    if (isReadOnlyAction(ctx)) {
        ctx.routeMatched = true;
        ctx.readOnlyAction = true;
        if (ctx.http.method != "POST")
            return errorResponse(ctx,
                plainError(
                    405, u"Request_BadRequest"_s, u"Specified HTTP method is not allowed for the request target."_s));
        return getByIds(d, ctx);
    }
    return notFound(ctx, s.first());
}

HttpResponse injectedFault(const Context &ctx, int status, std::optional<int> retryAfterSeconds)
{
    const QString code = status == 429 ? u"TooManyRequests"_s
        : status == 503                ? u"ServiceUnavailable"_s
        : status == 504                ? u"GatewayTimeout"_s
                                       : u"UnknownError"_s;
    HttpResponse response = errorResponse(ctx, plainError(status, code, u"Injected sandbox fault."_s));
    if (retryAfterSeconds && *retryAfterSeconds >= 0)
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*retryAfterSeconds)});
    return response;
}

QByteArray originFromHost(QByteArrayView host)
{
    if (host.isEmpty() || host.size() > 255)
        return {};
    for (const char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '-' || c == ':' || c == '[' || c == ']';
        if (!ok)
            return {};
    }
    return "http://" + host.toByteArray();
}

bool isSafeClientRequestId(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 128)
        return false;
    for (const char c : value) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\')
            return false;
    }
    return true;
}

const QStringList SystemQueryOptions {
    u"top"_s, u"skiptoken"_s, u"filter"_s, u"select"_s, u"expand"_s, u"orderby"_s, u"search"_s, u"count"_s, u"skip"_s};

} // namespace

// ===========================================================================
// the request pipeline

HttpResponse SandboxTenant::Private::handle(const HttpRequest &request)
{
    ++requestCount;
    if (requestLog.size() >= RequestLogCap)
        requestLog.remove(0, RequestLogCap / 2);
    requestLog.append(request.method + ' ' + request.rawTarget);

    Context ctx(request);
    ctx.requestId = newGuid();
    const QByteArray clientRequestId = request.header("client-request-id");
    ctx.clientRequestId = isSafeClientRequestId(clientRequestId) ? QString::fromLatin1(clientRequestId) : newGuid();
    ctx.origin = originFromHost(request.header("Host"));
    if (ctx.origin.isEmpty())
        ctx.origin = fallbackOrigin;

    const auto finish = [&ctx](HttpResponse response) {
        if (!response.body.isEmpty()) {
            response.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
            if (response.status < 400)
                response.headers.append({QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0")});
        }
        response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")});
        response.headers.append({QByteArrayLiteral("request-id"), ctx.requestId.toLatin1()});
        response.headers.append({QByteArrayLiteral("client-request-id"), ctx.clientRequestId.toLatin1()});
        response.headers.append({QByteArrayLiteral("x-ms-ags-diagnostic"), AgsDiagnostic});
        return response;
    };

    // Authentication comes first, as on Graph: without a valid token even a
    // wrong path answers 401.
    const QByteArray authorization = request.header("Authorization");
    const bool bearer = authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0;
    const QByteArray presented = bearer ? authorization.mid(7).trimmed() : QByteArray();
    if (presented.isEmpty() || (presented != token.toUtf8() && !identity->acceptsAccessToken(presented))) {
        HttpResponse response = errorResponse(ctx,
            plainError(401, u"InvalidAuthenticationToken"_s,
                presented.isEmpty() ? u"Access token is empty."_s
                                    : u"Access token validation failure. Invalid audience."_s));
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"),
            QByteArrayLiteral(
                R"(Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000")")});
        return finish(response);
    }

    if (faultsLeft > 0) {
        --faultsLeft;
        return finish(injectedFault(
            ctx, faultStatus, faultRetryAfter >= 0 ? std::optional<int>(faultRetryAfter) : std::optional<int>()));
    }

    // Split the raw target ourselves: decoding segment by segment keeps an
    // encoded '/' inside a configuration id from becoming a separator.
    QByteArrayView target = request.rawTarget;
    if (const qsizetype hash = target.indexOf('#'); hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    ctx.rawPath = (question >= 0 ? target.first(question) : target).toByteArray();
    const QByteArrayView rawQuery = question >= 0 ? target.sliced(question + 1) : QByteArrayView();

    const QList<QByteArray> rawSegments = ctx.rawPath.split('/');
    if (rawSegments.size() < 2
        || (rawSegments.at(1).compare("v1.0", Qt::CaseInsensitive) != 0
            && rawSegments.at(1).compare("beta", Qt::CaseInsensitive) != 0)) {
        return finish(errorResponse(ctx,
            plainError(404, u"ResourceNotFound"_s, u"Invalid version: "_s + QString::fromUtf8(rawSegments.value(1)))));
    }
    ctx.versionSegment = rawSegments.at(1);
    ctx.version = ctx.versionSegment.compare("beta", Qt::CaseInsensitive) == 0 ? ApiVersion::Beta : ApiVersion::V1;
    for (qsizetype i = 2; i < rawSegments.size(); ++i) {
        const QByteArray &raw = rawSegments.at(i);
        if (raw.isEmpty()) {
            if (i == rawSegments.size() - 1)
                break; // a trailing slash is tolerated
            return finish(notFound(ctx, QString()));
        }
        ctx.segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(raw)));
    }

    QSet<QString> seenOptions;
    for (const QByteArrayView piece : rawQuery.toByteArray().split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const auto decode = [](QByteArrayView raw) {
            QByteArray bytes = raw.toByteArray();
            bytes.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
        };
        QueryOption option {decode(eq >= 0 ? piece.first(eq) : piece),
            decode(eq >= 0 ? piece.sliced(eq + 1) : QByteArrayView()), piece.toByteArray()};
        const QString normalized = (option.key.startsWith(u'$') ? option.key.mid(1) : option.key).toLower();
        if (SystemQueryOptions.contains(normalized)) {
            if (seenOptions.contains(normalized))
                return finish(errorResponse(ctx,
                    plainError(400, u"BadRequest"_s,
                        u"Query option '$"_s + normalized
                            + u"' was specified more than once, but it must be specified at most once."_s)));
            seenOptions.insert(normalized);
        }
        ctx.query.append(option);
    }

    if (writeFaultsLeft > 0 && isWriteMethod(request.method) && !isReadOnlyAction(ctx)) {
        --writeFaultsLeft;
        if (writeFaultApplyFirst) {
            // The write lands (or is refused) as usual; only its answer is
            // replaced, as when a gateway loses the reply.
            route(*this, ctx);
            if (ctx.routeMatched)
                ++writeCount;
        }
        return finish(injectedFault(ctx, writeFaultStatus, writeFaultRetryAfter));
    }

    HttpResponse response = route(*this, ctx);
    if (ctx.routeMatched && !ctx.readOnlyAction && isWriteMethod(request.method))
        ++writeCount;
    return finish(response);
}

// ===========================================================================
// public API

SandboxTenant::SandboxTenant(const QString &accessToken, const SandboxOptions &options)
    : m_d(std::make_unique<Private>())
{
    m_d->options = options;
    m_d->token = accessToken;
    m_d->populate();
    m_d->identity = std::make_unique<SandboxIdentity>(m_d->tenantId);
}

SandboxTenant::~SandboxTenant() = default;

HttpResponse SandboxTenant::handle(const HttpRequest &request)
{
    // Sign-in paths never reach the Graph pipeline (no bearer token there).
    if (SandboxIdentity::handles(request))
        return m_d->identity->handle(request);
    QMutexLocker lock(&m_d->mutex);
    return m_d->handle(request);
}

void SandboxTenant::setAccessToken(const QString &token)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->token = token;
}

QString SandboxTenant::accessToken() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->token;
}

void SandboxTenant::setFallbackOrigin(const QByteArray &origin)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->fallbackOrigin = origin;
}

QString SandboxTenant::tenantId() const
{
    return m_d->tenantId; // immutable after construction
}

QStringList SandboxTenant::configurationIds() const
{
    QMutexLocker lock(&m_d->mutex);
    QStringList ids;
    ids.reserve(m_d->configurations.size());
    for (const SandboxConfiguration &c : std::as_const(m_d->configurations))
        ids.append(c.id);
    return ids;
}

QString SandboxTenant::configurationIdByName(const QString &displayName) const
{
    QMutexLocker lock(&m_d->mutex);
    for (const SandboxConfiguration &c : std::as_const(m_d->configurations)) {
        if (c.displayName == displayName)
            return c.id;
    }
    return {};
}

QString SandboxTenant::defaultLimitConfigurationId() const
{
    return m_d->tenantId + u"_DefaultLimit"_s;
}

QString SandboxTenant::defaultEspConfigurationId() const
{
    return m_d->tenantId + u"_DefaultWindows10EnrollmentCompletionPageConfiguration"_s;
}

QString SandboxTenant::espConfigurationId() const
{
    return m_d->espConfigurationId;
}

QString SandboxTenant::limitConfigurationId() const
{
    return m_d->limitConfigurationId;
}

QString SandboxTenant::nullTargetConfigurationId() const
{
    return m_d->nullTargetConfigurationId;
}

QString SandboxTenant::futureTypeConfigurationId() const
{
    return m_d->futureTypeConfigurationId;
}

QString SandboxTenant::espFilteredAssignmentId() const
{
    return m_d->espFilteredAssignmentId; // immutable after construction
}

QString SandboxTenant::espPolicySetAssignmentId() const
{
    return m_d->espPolicySetAssignmentId;
}

QString SandboxTenant::espScopeTagAssignmentId() const
{
    return m_d->espScopeTagAssignmentId;
}

QString SandboxTenant::policySetId() const
{
    return m_d->policySetId;
}

QStringList SandboxTenant::groupIds() const
{
    QStringList ids;
    ids.reserve(m_d->groups.size());
    for (const SandboxGroup &g : std::as_const(m_d->groups))
        ids.append(g.id);
    return ids;
}

QString SandboxTenant::groupIdByName(const QString &displayName) const
{
    // Test and tooling API: a scan is fine, and skipping a name index keeps
    // start-up fast with 100,000 generated groups.
    for (const SandboxGroup &g : std::as_const(m_d->groups)) {
        if (g.displayName == displayName)
            return g.id;
    }
    return {};
}

QString SandboxTenant::groupNameById(const QString &groupId) const
{
    const SandboxGroup *g = m_d->findGroup(groupId);
    return g ? g->displayName : QString();
}

QString SandboxTenant::deletedGroupId() const
{
    return m_d->deletedGroupId;
}

QStringList SandboxTenant::assignmentFilterIds() const
{
    QStringList ids;
    for (const SandboxFilter &f : std::as_const(m_d->filters))
        ids.append(f.id);
    return ids;
}

QString SandboxTenant::assignmentFilterIdByName(const QString &displayName) const
{
    for (const SandboxFilter &f : std::as_const(m_d->filters)) {
        if (f.displayName == displayName)
            return f.id;
    }
    return {};
}

QJsonArray SandboxTenant::assignmentsOf(const QString &configId) const
{
    QMutexLocker lock(&m_d->mutex);
    QJsonArray array;
    if (const SandboxConfiguration *c = m_d->findConfiguration(configId)) {
        for (const SandboxAssignment &a : c->assignments)
            array.append(assignmentObject(a, ApiVersion::Beta));
    }
    return array;
}

void SandboxTenant::setAssignments(const QString &configId, const QJsonArray &assignments)
{
    QMutexLocker lock(&m_d->mutex);
    SandboxConfiguration *c = m_d->findConfiguration(configId);
    if (!c)
        return;
    QList<SandboxAssignment> replacement;
    for (const QJsonValue &value : assignments) {
        const QJsonObject object = value.toObject();
        SandboxAssignment a;
        a.id = object.value(u"id"_s).toString();
        if (a.id.isEmpty())
            a.id = c->id + u'_' + newGuid();
        QJsonValue target = object.value(u"target"_s);
        if (target.isObject()) {
            QJsonObject t = target.toObject();
            const QString type = t.value(u"@odata.type"_s).toString();
            if (!type.isEmpty() && !type.startsWith(u'#'))
                t.insert(u"@odata.type"_s, QString(u'#' + type));
            if (!t.contains(FilterIdKey))
                t.insert(FilterIdKey, QJsonValue(QJsonValue::Null));
            if (!t.contains(FilterTypeKey))
                t.insert(FilterTypeKey, u"none"_s);
            target = t;
        } else {
            target = QJsonValue(QJsonValue::Null);
        }
        a.target = target;
        a.source = object.value(u"source"_s).toString(u"direct"_s);
        a.sourceId = object.value(u"sourceId"_s).toString();
        replacement.append(a);
    }
    c->assignments = replacement;
    c->invalidate();
}

int SandboxTenant::priorityOf(const QString &configId) const
{
    QMutexLocker lock(&m_d->mutex);
    const SandboxConfiguration *c = m_d->findConfiguration(configId);
    return c ? c->priority : -1;
}

int SandboxTenant::writeCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->writeCount;
}

int SandboxTenant::requestCount() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->requestCount;
}

QList<QByteArray> SandboxTenant::requestLog() const
{
    QMutexLocker lock(&m_d->mutex);
    return m_d->requestLog;
}

void SandboxTenant::resetTrafficCounters()
{
    QMutexLocker lock(&m_d->mutex);
    m_d->requestCount = 0;
    m_d->writeCount = 0;
    m_d->requestLog.clear();
}

SandboxIdentity &SandboxTenant::identity()
{
    return *m_d->identity; // set once in the constructor
}

void SandboxTenant::failNextRequests(int count, int status, int retryAfterSeconds)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->faultsLeft = std::max(0, count);
    m_d->faultStatus = status;
    m_d->faultRetryAfter = retryAfterSeconds;
}

void SandboxTenant::failNextWrites(int count, int status, std::optional<int> retryAfterSeconds, bool applyFirst)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->writeFaultsLeft = std::max(0, count);
    m_d->writeFaultStatus = status;
    m_d->writeFaultRetryAfter = retryAfterSeconds;
    m_d->writeFaultApplyFirst = applyFirst;
}

void SandboxTenant::setEspRefusesDelete(bool refuse)
{
    QMutexLocker lock(&m_d->mutex);
    m_d->espRefusesDelete = refuse;
}

} // namespace ea::sandbox
