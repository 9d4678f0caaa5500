#pragma once

// Small helpers every part of the sandbox (tenant, identity, seed data) uses.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace ea::sandbox {

QString newGuid(); // lower-case, without braces
QString nowIso(); // UTC, ISO 8601, seconds
bool isGuid(QStringView text);
// Case-folded for comparisons and ordering; cheap for ASCII.
QString caseFolded(const QString &text);
// "http://" + a Host header made only of host-name characters, or empty:
// answers name their own URLs, and a hostile Host must not get into them.
QByteArray originFromHost(QByteArrayView host);

} // namespace ea::sandbox
