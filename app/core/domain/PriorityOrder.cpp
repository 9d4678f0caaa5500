#include "domain/PriorityOrder.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace ea {

using Kind = EnrollmentConfiguration::Kind;

PriorityOrderKey PriorityOrderKey::of(const EnrollmentConfiguration &c)
{
    const Kind kind = c.kind();
    return {kind, kind == Kind::SinglePlatformRestriction ? c.platformType : QString(),
        kind == Kind::Unknown ? c.odataType : QString()};
}

PriorityOrder PriorityOrder::of(const QList<EnrollmentConfiguration> &all, const PriorityOrderKey &key)
{
    PriorityOrder order;
    order.key = key;
    for (const EnrollmentConfiguration &c : all) {
        if (PriorityOrderKey::of(c) == key)
            (c.isDefault() ? order.defaults : order.ranked).append(c);
    }
    const auto byRank = [](const EnrollmentConfiguration &a, const EnrollmentConfiguration &b) {
        return a.priority != b.priority ? a.priority < b.priority : a.id < b.id;
    };
    std::sort(order.ranked.begin(), order.ranked.end(), byRank);
    std::sort(order.defaults.begin(), order.defaults.end(), byRank);
    return order;
}

QList<PriorityOrder> PriorityOrder::allOf(
    const QList<EnrollmentConfiguration> &all, const std::function<bool(const PriorityOrderKey &)> &keep)
{
    // Sorted by the English type name (the same in every language), then platform.
    QMap<QString, PriorityOrderKey> keys;
    for (const EnrollmentConfiguration &c : all) {
        const PriorityOrderKey key = PriorityOrderKey::of(c);
        if (keep(key))
            keys.insert(c.typeSortKey() + QChar(u'\n') + key.platform, key);
    }
    QList<PriorityOrder> orders;
    for (const PriorityOrderKey &key : std::as_const(keys))
        orders.append(of(all, key));
    return orders;
}

bool PriorityOrder::hasOrder(Kind kind)
{
    return kind != Kind::WindowsHelloForBusiness && kind != Kind::WindowsRestore;
}

QString PriorityOrder::typeName() const
{
    if (ranked.isEmpty() && defaults.isEmpty())
        return {};
    const EnrollmentConfiguration &first = !ranked.isEmpty() ? ranked.constFirst() : defaults.constFirst();
    return key.platform.isEmpty() ? first.typeDisplayName() : tr("%1: %2").arg(first.typeDisplayName(), key.platform);
}

QStringList PriorityOrder::rankedIds() const
{
    QStringList ids;
    for (const EnrollmentConfiguration &c : ranked)
        ids << c.id;
    return ids;
}

const EnrollmentConfiguration *PriorityOrder::find(const QString &configurationId) const
{
    for (const QList<EnrollmentConfiguration> *list : {&ranked, &defaults}) {
        for (const EnrollmentConfiguration &c : *list) {
            if (c.id.compare(configurationId, Qt::CaseInsensitive) == 0)
                return &c;
        }
    }
    return nullptr;
}

QStringList PriorityOrder::plannedIds(const QString &configurationId, int priority) const
{
    QStringList ids = rankedIds();
    const auto it = std::find_if(ids.begin(), ids.end(),
        [&](const QString &id) { return id.compare(configurationId, Qt::CaseInsensitive) == 0; });
    if (it == ids.end())
        return ids;
    const QString moved = *it;
    ids.erase(it);
    ids.insert(std::clamp<qsizetype>(priority - 1, 0, ids.size()), moved);
    return ids;
}

namespace {

// Which positions of `sequence` form a longest strictly increasing run
// (patience sorting, O(n log n)); true at the positions that belong to it.
QList<bool> longestIncreasingRun(const QList<int> &sequence)
{
    const auto n = sequence.size();
    QList<qsizetype> tails; // tails[k]: position of the smallest end of a run of length k + 1
    QList<qsizetype> previous(n, -1);
    for (qsizetype i = 0; i < n; ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), sequence.at(i),
            [&](qsizetype position, int value) { return sequence.at(position) < value; });
        if (it != tails.begin())
            previous[i] = *(it - 1);
        if (it == tails.end())
            tails.append(i);
        else
            *it = i;
    }
    QList<bool> inRun(n, false);
    for (qsizetype i = tails.isEmpty() ? -1 : tails.constLast(); i >= 0; i = previous.at(i))
        inRun[i] = true;
    return inRun;
}

} // namespace

QList<PriorityMove> PriorityOrder::movesTo(const QStringList &wanted) const
{
    QStringList current = rankedIds();
    QHash<QString, int> wantedIndex;
    for (qsizetype i = 0; i < wanted.size(); ++i)
        wantedIndex.insert(wanted.at(i), int(i));
    if (wanted.size() != current.size() || wantedIndex.size() != wanted.size())
        return {};
    QList<int> sequence;
    for (const QString &id : std::as_const(current)) {
        if (!wantedIndex.contains(id))
            return {};
        sequence.append(wantedIndex.value(id));
    }

    // The ones in place keep their relative order from here on; every move
    // puts one more of the others among them where `wanted` has it.
    QSet<QString> placed;
    const QList<bool> inRun = longestIncreasingRun(sequence);
    for (qsizetype i = 0; i < current.size(); ++i) {
        if (inRun.at(i))
            placed.insert(current.at(i));
    }
    QList<PriorityMove> moves;
    for (qsizetype w = 0; w < wanted.size(); ++w) {
        const QString &id = wanted.at(w);
        if (placed.contains(id))
            continue;
        QStringList after = current;
        const auto from = after.indexOf(id);
        after.removeAt(from);
        qsizetype to = 0; // first, unless one placed before it in `wanted` is
        for (qsizetype p = w - 1; p >= 0; --p) {
            if (placed.contains(wanted.at(p))) {
                to = after.indexOf(wanted.at(p)) + 1;
                break;
            }
        }
        if (to == 0) {
            // Before the first one placed (or first of all when none is).
            for (qsizetype i = 0; i < after.size(); ++i) {
                if (placed.contains(after.at(i))) {
                    to = i;
                    break;
                }
            }
        }
        after.insert(to, id);
        placed.insert(id);
        if (to == from)
            continue; // already where it belongs among the placed ones
        moves.append({id, int(to) + 1, after});
        current = after;
    }
    return moves;
}

} // namespace ea
