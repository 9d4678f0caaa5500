#pragma once

#include <QString>

// Validation of the identifiers an admin types or a script passes. Graph itself
// is lax (it accepts any collection id), so the app checks shapes before a
// request is ever built: bad input is reported and nothing is sent.
namespace ea::ids {

// 8-4-4-4-12 hex digits, no braces.
bool isGuid(QStringView text);

// A GUID, optionally followed by "_" and letters/digits:
// "{tenantId}_DefaultLimit", "{guid}_Windows10EnrollmentCompletionPageConfiguration".
bool isConfigurationId(QStringView text);

// Three letters/digits (site code) then five hex digits: "SMS00001", "JAX0002C".
bool isCollectionId(QStringView text);

// Graph assignment ids are GUIDs or "{configId}_{suffix}"; they travel as one
// path segment, so the check only refuses what could never be an id.
bool isAssignmentId(QStringView text);

// An OData string literal: the text wrapped in single quotes with every
// quote doubled ("Admins' Laptops" -> 'Admins'' Laptops').
QString odataStringLiteral(QStringView text);

// Trims, then refuses control characters (C0/C1, line and paragraph
// separators, bidi embeddings/overrides/isolates, unpaired surrogates) and
// overlong search text. Returns an empty string and sets *problem when the
// text cannot be searched for.
QString sanitizeSearchText(const QString &text, QString *problem);

constexpr int kMaxSearchTextLength = 120;

// Characters that must not reach a terminal or a label verbatim: they move
// the cursor, start escape sequences, break lines or reorder the text around them.
bool isUnsafeForDisplay(QChar c);

// Text from outside (the admin's input, a service's error body) made safe to
// echo in a message: each unsafe character becomes U+FFFD, and the result is
// cut to maxLength characters with "…" when longer.
QString printable(QStringView text, qsizetype maxLength);

} // namespace ea::ids
