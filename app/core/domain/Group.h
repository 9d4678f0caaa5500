#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ea {

// An Entra ID group as the group picker needs it.
struct Group
{
    QString id;
    QString displayName;
    QString description;
    bool securityEnabled = false;

    static Group fromJson(const QJsonObject &object)
    {
        Group g;
        g.id = object.value(QStringLiteral("id")).toString();
        g.displayName = object.value(QStringLiteral("displayName")).toString();
        g.description = object.value(QStringLiteral("description")).toString();
        g.securityEnabled = object.value(QStringLiteral("securityEnabled")).toBool();
        return g;
    }
};

inline QList<Group> groupsFromJson(const QJsonArray &values)
{
    QList<Group> out;
    out.reserve(values.size());
    for (const QJsonValue &v : values) {
        if (v.isObject())
            out.append(Group::fromJson(v.toObject()));
    }
    return out;
}

} // namespace ea
