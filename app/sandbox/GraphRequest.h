#pragma once

// One Graph request as the sandbox's routes see it: the version, the decoded
// path segments and query options, and the ids that go into every answer.

#include "sandbox/HttpServer.h"
#include "sandbox/SandboxTenant_p.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ea::sandbox {

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

// Graph compares path segments and names case-insensitively.
inline bool sameName(const QString &segment, QStringView name)
{
    return segment.compare(name, Qt::CaseInsensitive) == 0;
}

// ('id') with quotes doubled, as OData writes a key.
inline QString odataKey(const QString &id)
{
    QString escaped = id;
    escaped.replace(u'\'', QStringLiteral("''"));
    return QStringLiteral("('") + escaped + QStringLiteral("')");
}

inline QString stripHash(const QString &type)
{
    return type.startsWith(u'#') ? type.mid(1) : type;
}

} // namespace ea::sandbox
