#pragma once

#include <QByteArray>

namespace ea::cli {

// JSON text as QJsonDocument wrote it, with every escaped surrogate pair
// ("\ud83d\ude80", how Qt 6.4 writes an emoji) turned into UTF-8. Other
// escapes are left alone; the result parses to the same document.
QByteArray withUtf8SurrogatePairs(const QByteArray &json);

} // namespace ea::cli
