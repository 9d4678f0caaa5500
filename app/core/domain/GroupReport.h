#pragma once

#include "domain/AssignmentTarget.h"
#include "domain/EffectiveConfiguration.h"
#include "domain/EnrollmentConfiguration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ea {

// One assignment that includes or excludes the group or one of the groups
// it is nested in, with what that means for the group's members.
struct GroupReportRow
{
    Q_DECLARE_TR_FUNCTIONS(GroupReportRow)
public:
    // Where the configuration stands for the members, as the resolver ranks
    // it within its type (EffectiveConfiguration).
    enum class Standing {
        Wins, // the one they get
        Tied, // same priority as the winner
        Outranked, // applies, but a lower priority number wins
        Excluded, // an exclusion holds it back
        NotApplied, // excluded only, or a type whose policies do not decide (Windows Hello)
    };

    QString typeName; // translated, with the platform for single-platform restrictions
    QString configurationId;
    QString configurationName;
    int priority = 0;
    bool exclude = false; // an exclusion group; else an included group
    QString assignmentId;
    PrincipalGroup group; // the group the assignment names
    bool direct = false; // it names the report's group itself, not a parent
    QString filterId;
    QString filterName; // empty when unknown (filters not readable)
    AssignmentTarget::FilterMode filterMode = AssignmentTarget::FilterMode::None;
    Standing standing = Standing::NotApplied;

    QString intentText() const; // "Include" | "Exclude"
    QString throughText() const; // "directly" | "through parent group “X”"
    QString filterText() const; // "" | "“Windows 11 only” (include)" | "f1 (exclude)"
    QString standingText() const; // "Wins", "Excluded", ...
    QString standingKey() const; // "wins" | "tied" | "outranked" | "excluded" | "not-applied", for scripts
};

// "Everything assigned to this group" (issue 17, section 4): for one group
// and the groups it is nested in, every enrollment configuration that
// includes or excludes one of them, and per type which configuration the
// group's members get. Pure: built from reads done elsewhere; the ranking is
// EffectiveConfiguration's, never re-implemented here.
class GroupReport
{
    Q_DECLARE_TR_FUNCTIONS(GroupReport)
public:
    QString groupId;
    QString groupName; // empty when unknown
    QString tenant; // the tenant or profile the reads went to
    QDateTime generatedAt; // UTC
    QList<PrincipalGroup> parents; // the groups it is nested in (transitively), as read
    int configurationCount = 0; // configurations read
    QList<GroupReportRow> rows; // by type, then priority
    QList<EffectiveTypeResult> types; // which one wins per type, for the members
    QStringList notes; // what the report could not know (filter names, ...)

    // `principal`: the group first, then its parents (AssignmentService::readPrincipal);
    // `configurations` read with their assignments; `filterNames`: lower-case id -> name.
    static GroupReport build(const Principal &principal, const QString &groupName,
        const QList<EnrollmentConfiguration> &configurations, const QHash<QString, QString> &filterNames);

    // "“Sales Interns” (08b8…)", or the id alone while the name is unknown.
    QString groupLabel() const;
    // The configuration of a type the members get, and why: "“X” (priority 1) through …".
    static QString winnerText(const EffectiveTypeResult &type);

    QJsonObject toJson() const;
    // One row per assignment (csvHeader()), through csv::row.
    QString toCsv() const;
    static QStringList csvHeader();
    // One self-contained page for a change ticket: inline style, no script,
    // nothing loaded from elsewhere, every text from the tenant escaped.
    QString toHtml() const;
};

} // namespace ea
