#include "domain/PriorityOrder.h"

#include <QMap>

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

} // namespace ea
