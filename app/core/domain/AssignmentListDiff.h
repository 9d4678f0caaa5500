#pragma once

#include "domain/Assignment.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ea {

// How a list of assignments read from the tenant differs from the list that
// was expected there: after a full-list write, the list that was sent; just
// before one, the list the admin approved.
struct AssignmentListDiff
{
    QStringList missing; // expected, not there
    QStringList unexpected; // there, not expected (someone else added it)
    QStringList changed; // there, but a property differs ("…: target.x "a" → "b"")

    bool isEmpty() const { return missing.isEmpty() && unexpected.isEmpty() && changed.isEmpty(); }
    // "Missing: …. Not expected: …. Changed: …." for messages and the journal.
    QString describe() const;
};

// An expected entry with an id is found by its id (or, when the service
// renumbered it, by identical content) and compared property by property,
// nested ones included, so a lost filter or policy-set source shows. One
// without an id (new) is found by its target and compared on the
// properties it was sent with; the service fills in the rest. "@odata.type"
// compares with or without '#', and a missing property equals null.
AssignmentListDiff compareAssignmentLists(const QList<QJsonObject> &expected, const QList<Assignment> &actual);

} // namespace ea
