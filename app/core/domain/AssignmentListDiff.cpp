#include "domain/AssignmentListDiff.h"

#include "domain/ODataType.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ea {

namespace {

const QString kIdKey = QStringLiteral("id");

bool isAbsent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

QString shortText(const QJsonValue &v)
{
    if (isAbsent(v))
        return QStringLiteral("null");
    QString text;
    if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isString())
        text = u'"' + v.toString() + u'"';
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    return text.size() > 120 ? text.left(117) + QStringLiteral("...") : text;
}

// Appends "path: a → b" for every property that differs. With onlyExpectedKeys,
// properties the service added on its own (absent from `expected`) are fine.
void diffObjects(const QJsonObject &expected, const QJsonObject &actual, const QString &prefix, bool onlyExpectedKeys,
    QStringList *out)
{
    QStringList keys = expected.keys();
    if (!onlyExpectedKeys) {
        for (const QString &k : actual.keys()) {
            if (!expected.contains(k))
                keys << k;
        }
    }
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue e = expected.value(key);
        const QJsonValue a = actual.value(key);
        if (key == odata::kTypeKey && e.isString() && a.isString()) {
            if (odata::normalizedType(e.toString()) != odata::normalizedType(a.toString()))
                out->append(prefix + key + QStringLiteral(": ") + shortText(e) + QStringLiteral(" → ") + shortText(a));
            continue;
        }
        if (e.isObject() && a.isObject()) {
            diffObjects(e.toObject(), a.toObject(), prefix + key + u'.', onlyExpectedKeys, out);
            continue;
        }
        if (isAbsent(e) && isAbsent(a))
            continue;
        if (e != a)
            out->append(prefix + key + QStringLiteral(": ") + shortText(e) + QStringLiteral(" → ") + shortText(a));
    }
}

QJsonObject withoutId(QJsonObject o)
{
    o.remove(kIdKey);
    return o;
}

QString describeEntry(const QJsonObject &o)
{
    const Assignment a = Assignment::fromJson(o);
    return a.id.isEmpty() ? a.describe() : a.describe() + QStringLiteral(" [") + a.id + u']';
}

} // namespace

QString AssignmentListDiff::describe() const
{
    QStringList parts;
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("AssignmentListDiff", text);
    };
    if (!missing.isEmpty())
        parts << tr("Missing: %1.").arg(missing.join(QStringLiteral("; ")));
    if (!unexpected.isEmpty())
        parts << tr("Not expected (added by someone else?): %1.").arg(unexpected.join(QStringLiteral("; ")));
    if (!changed.isEmpty())
        parts << tr("Changed: %1.").arg(changed.join(QStringLiteral("; ")));
    return parts.join(u' ');
}

AssignmentListDiff compareAssignmentLists(const QList<QJsonObject> &expected, const QList<Assignment> &actual)
{
    AssignmentListDiff diff;
    QList<bool> used(actual.size(), false);
    QList<qsizetype> match(expected.size(), -1);

    // 1. By id.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString id = expected.at(i).value(kIdKey).toString();
        if (id.isEmpty())
            continue;
        for (qsizetype j = 0; j < actual.size(); ++j) {
            if (!used.at(j) && actual.at(j).id.compare(id, Qt::CaseInsensitive) == 0) {
                used[j] = true;
                match[i] = j;
                break;
            }
        }
    }
    // 2. A kept entry the service renumbered: the same content under another id.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (match.at(i) >= 0 || expected.at(i).value(kIdKey).toString().isEmpty())
            continue;
        for (qsizetype j = 0; j < actual.size(); ++j) {
            QStringList differences;
            if (used.at(j))
                continue;
            diffObjects(withoutId(expected.at(i)), withoutId(actual.at(j).raw), QString(), false, &differences);
            if (differences.isEmpty()) {
                used[j] = true;
                match[i] = j;
                break;
            }
        }
    }
    // 3. New entries, by their target.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (match.at(i) >= 0 || !expected.at(i).value(kIdKey).toString().isEmpty())
            continue;
        const QJsonObject targetObject = expected.at(i).value(QStringLiteral("target")).toObject();
        const AssignmentTarget target = AssignmentTarget::fromJson(targetObject);
        // A target type the app does not model is the same when every property sent came back.
        const auto sameUnknownTarget = [&](const Assignment &a) {
            if (target.kind() != AssignmentTarget::Kind::Unknown || targetObject.isEmpty())
                return false;
            QStringList differences;
            diffObjects(targetObject, a.raw.value(QStringLiteral("target")).toObject(), QString(), true, &differences);
            return differences.isEmpty();
        };
        for (qsizetype j = 0; j < actual.size(); ++j) {
            if (!used.at(j) && (actual.at(j).target.sameTargetAs(target) || sameUnknownTarget(actual.at(j)))) {
                used[j] = true;
                match[i] = j;
                break;
            }
        }
    }

    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject &e = expected.at(i);
        if (match.at(i) < 0) {
            diff.missing << describeEntry(e);
            continue;
        }
        const bool isNew = e.value(kIdKey).toString().isEmpty();
        QStringList differences;
        diffObjects(withoutId(e), withoutId(actual.at(match.at(i)).raw), QString(), isNew, &differences);
        if (!differences.isEmpty())
            diff.changed << describeEntry(e) + QStringLiteral(": ") + differences.join(QStringLiteral(", "));
    }
    for (qsizetype j = 0; j < actual.size(); ++j) {
        if (!used.at(j))
            diff.unexpected << describeEntry(actual.at(j).raw);
    }
    return diff;
}

} // namespace ea
