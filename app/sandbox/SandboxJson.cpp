#include "sandbox/SandboxJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ea::sandbox {

namespace {

void appendEscaped(QByteArray &out, char c)
{
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
        if (static_cast<unsigned char>(c) < 0x20)
            out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).unicode() < 0x80) {
            appendEscaped(out, char(text.at(i).unicode()));
            continue;
        }
        // A run of non-ASCII characters (surrogate pairs included) needs no
        // escaping: its UTF-8 bytes are all 0x80 or above.
        qsizetype end = i + 1;
        while (end < text.size() && text.at(end).unicode() >= 0x80)
            ++end;
        out += text.sliced(i, end - i).toUtf8();
        i = end - 1;
    }
    out += '"';
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    for (const char c : utf8)
        appendEscaped(out, c);
    out += '"';
}

QByteArray jsonString(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);
    return out;
}

QByteArray jsonString(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    appendJsonString(out, utf8);
    return out;
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

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
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

} // namespace ea::sandbox
