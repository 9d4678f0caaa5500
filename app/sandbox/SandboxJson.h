#pragma once

// JSON writing for the sandbox. Everything served in bulk is written by hand:
// QJsonObject round trips cost several microseconds each, which adds up at
// 100,000 groups. There is one escaping rule for every string the sandbox
// writes (appendJsonString), whether it starts as UTF-16 or as UTF-8 bytes.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

#include <optional>

namespace ea::sandbox {

// Appends text as a quoted JSON string: '"' and '\\' escaped, \n \r \t by
// name, other control characters as \u00XX, everything else as UTF-8.
void appendJsonString(QByteArray &out, QStringView text);
// The same for text that is already UTF-8 (URLs built from the request):
// bytes from 0x80 up pass through untouched.
void appendJsonString(QByteArray &out, QByteArrayView utf8);
QByteArray jsonString(QStringView text);
QByteArray jsonString(QByteArrayView utf8);
// An empty text is written as null (Graph's "not set").
void appendStringOrNull(QByteArray &out, QStringView text);
void appendJsonValue(QByteArray &out, const QJsonValue &value);
// Appends ,"key": (or "key": for the first member).
void appendKey(QByteArray &out, bool *first, QByteArrayView key);

QByteArray compact(const QJsonObject &object);
QByteArray compact(const QJsonArray &array);
// An object or an array; nullopt when the body is not JSON.
std::optional<QJsonValue> parseJsonBody(const QByteArray &body);

} // namespace ea::sandbox
