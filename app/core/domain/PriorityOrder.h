#pragma once

#include "domain/EnrollmentConfiguration.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ea {

// Which priority order a configuration belongs to: Intune numbers each type
// on its own, and beta's single-platform restrictions each platform on its
// own. Unknown (newer) types are kept apart by their raw @odata.type.
struct PriorityOrderKey
{
    EnrollmentConfiguration::Kind kind = EnrollmentConfiguration::Kind::Unknown;
    QString platform; // single-platform restrictions only
    QString odataType; // unknown kinds only

    static PriorityOrderKey of(const EnrollmentConfiguration &configuration);
    friend bool operator==(const PriorityOrderKey &a, const PriorityOrderKey &b)
    {
        return a.kind == b.kind && a.platform == b.platform && a.odataType == b.odataType;
    }
};

// One setPriority of a reorder plan: where the configuration goes, and the
// ranked ids as the order should read afterwards (what a re-read is
// compared with).
struct PriorityMove
{
    QString configurationId;
    int priority = 0;
    QStringList idsAfter;
};

// One type's order as read: the configurations an admin can reorder, the
// lowest number (the one that wins) first, then the defaults, which report
// priority 0 but apply last and whose priority cannot change.
struct PriorityOrder
{
    Q_DECLARE_TR_FUNCTIONS(PriorityOrder)
public:
    PriorityOrderKey key;
    QList<EnrollmentConfiguration> ranked;
    QList<EnrollmentConfiguration> defaults;

    // The members of `key`'s order among `all`. Equal priorities (a tenant
    // can hold them) keep the lowest id first, so the listing is stable.
    static PriorityOrder of(const QList<EnrollmentConfiguration> &all, const PriorityOrderKey &key);
    // Every order among `all` that `keep` accepts, by type name and platform.
    static QList<PriorityOrder> allOf(
        const QList<EnrollmentConfiguration> &all, const std::function<bool(const PriorityOrderKey &)> &keep);

    // Windows Hello for Business and Windows restore have only the tenant's
    // default: there is no order to change.
    static bool hasOrder(EnrollmentConfiguration::Kind kind);
    // "Device limit", "Platform restriction (single platform): windows", ...
    QString typeName() const;

    QStringList rankedIds() const;
    const EnrollmentConfiguration *find(const QString &configurationId) const;
    // The ranked ids as setPriority(configurationId, priority) should leave
    // them when the ones in between shift by one: a plan to compare the
    // re-read order with, never a stand-in for reading it.
    QStringList plannedIds(const QString &configurationId, int priority) const;
    // The fewest setPriority calls that turn this order into `wanted` (the
    // same ranked ids, rearranged): the longest run already in the wanted
    // relative order stays put, and each of the others is moved once, right
    // behind its wanted predecessor among the ones already in place. Each
    // move's idsAfter assumes the ones in between shift by one (plannedIds).
    // Empty when `wanted` is the current order, or not a rearrangement of it.
    QList<PriorityMove> movesTo(const QStringList &wanted) const;
};

} // namespace ea
