#pragma once

#include "domain/AssignmentTarget.h"
#include "service/GroupDirectory.h"

#include <QCoreApplication>
#include <QString>

namespace ea::ui {

// Words the tables and confirmations share, so a target, a deleted group or
// a policy-set source reads the same everywhere in the window.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)
public:
    // "Deleted group": Entra ID has no group with the id an assignment names.
    static QString deletedGroup();
    // What the name column shows for a group target: the display name, "Deleted
    // group", or empty while the name is not known.
    static QString groupName(const GroupName *name);
    // Beta's `source`: "Direct", "Policy set", or the raw value.
    static QString source(const QString &source);
    enum Length { Full, Short };
    // An assignment filter's platform as the admin center names it (Full), or
    // in a word or two for a narrow combo box (Short).
    static QString filterPlatform(const QString &platform, Length length = Full);
    // "Include: Corporate Windows devices", with the id when the name is unknown.
    static QString filter(const AssignmentTarget &target, const QString &filterName);
    // A target in a sentence: "the included group “Sales” (3f2a…)", "all devices",
    // "the Configuration Manager collection SMS00001". groupName may be empty.
    static QString targetInSentence(
        const AssignmentTarget &target, const QString &groupName, bool groupDeleted = false);
};

} // namespace ea::ui
