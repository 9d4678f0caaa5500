// The benchmark extras (SandboxOptions::extraGroups, extraConfigurations),
// generated deterministically from SandboxOptions::seed, and the indexes
// built over all data.

#include "sandbox/SandboxDataBuilders.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

void SandboxTenant::Private::generateExtraGroups()
{
    if (options.extraGroups <= 0)
        return;
    // Words reused across many names so startswith() ranges are wide, with
    // some of the awkward characters the base set has.
    static const QStringList departments {u"Sales"_s, u"Sales –"_s, u"Marketing"_s, u"Finance"_s, u"Engineering"_s,
        u"IT"_s, u"HR"_s, u"Legal"_s, u"Support"_s, u"Field Ops'"_s, u"Équipe"_s, u"Operations"_s, u"Research"_s,
        u"Warehouse"_s, u"Retail"_s, u"Logistics"_s, u"Security"_s, u"Facilities"_s, u"Design"_s, u"Data"_s};
    static const QStringList sites {u"Berlin"_s, u"London"_s, u"Paris"_s, u"Zürich"_s, u"Madrid"_s, u"Oslo"_s,
        u"Dublin"_s, u"Warsaw"_s, u"New York"_s, u"Seattle"_s, u"Austin"_s, u"Toronto"_s, u"São Paulo"_s, u"Tokyo"_s,
        u"Sydney"_s, u"Singapore"_s, u"Mumbai"_s, u"Dubai"_s, u"Nairobi"_s, u"Auckland"_s, u"Devices"_s, u"Users"_s,
        u"Kiosks"_s, u"Pilot"_s};
    static const QString description = u"Generated benchmark group."_s;

    QRandomGenerator rng(options.seed ^ 0x9e3779b9u);
    const QStringList unified {u"Unified"_s};
    for (int i = 0; i < options.extraGroups; ++i) {
        SandboxGroup g;
        g.serial = i + 1;
        g.id = guidFrom(rng);
        g.displayName = departments.at(rng.bounded(int(departments.size()))) + u' '
            + sites.at(rng.bounded(int(sites.size()))) + u' ' + QString::number(g.serial);
        g.folded = caseFolded(g.displayName);
        g.description = description;
        if (i % 7 == 0) {
            g.groupTypes = unified;
            g.mailEnabled = true;
            g.securityEnabled = false;
        }
        groups.append(std::move(g));
    }
}

void SandboxTenant::Private::generateExtraConfigurations()
{
    if (options.extraConfigurations <= 0)
        return;
    QRandomGenerator rng(options.seed ^ 0x85ebca6bu);

    QHash<QString, int> nextPriority;
    for (const SandboxConfiguration &c : std::as_const(configurations))
        nextPriority[c.family] = std::max(nextPriority.value(c.family), c.priority);

    struct Kind
    {
        QString odataType;
        QString family;
        QString namePrefix;
    };
    // Shared strings and shared type-specific objects: building a fresh
    // QJsonObject per configuration would dominate start-up at 10,000.
    const std::array<Kind, 6> kinds {{
        {GraphNs + u"deviceEnrollmentLimitConfiguration"_s, u"limit"_s, u"Generated device limit "_s},
        {GraphNs + u"deviceEnrollmentPlatformRestrictionConfiguration"_s, u"singlePlatformRestriction"_s,
            u"Generated restriction "_s},
        {GraphNs + u"windows10EnrollmentCompletionPageConfiguration"_s,
            u"windows10EnrollmentCompletionPageConfiguration"_s, u"Generated ESP "_s},
        {GraphNs + u"deviceEnrollmentWindowsHelloForBusinessConfiguration"_s, u"windowsHelloForBusiness"_s,
            u"Generated Windows Hello "_s},
        {GraphNs + u"deviceEnrollmentNotificationConfiguration"_s, u"enrollmentNotificationsConfiguration"_s,
            u"Generated notification "_s},
        {GraphNs + u"deviceComanagementAuthorityConfiguration"_s, u"deviceComanagementAuthorityConfiguration"_s,
            u"Generated co-management "_s},
    }};
    static const QStringList platforms {u"windows"_s, u"ios"_s, u"android"_s, u"androidForWork"_s, u"mac"_s};
    static const QStringList templates {
        u"8f1c2a9e-3b7d-4e61-9a05-c4d2e8f7b1a3"_s, u"2d6e9b14-7c3a-4f85-b0e2-91a7c5d3f648"_s};
    const QString description = u"Generated benchmark configuration."_s;
    QHash<quint32, std::pair<QJsonObject, QJsonObject>> shapes;

    const qsizetype groupCount = groups.size();
    configurations.reserve(configurations.size() + options.extraConfigurations);
    for (int i = 0; i < options.extraConfigurations; ++i) {
        const quint32 roll = rng.bounded(100u);
        const int kindIndex = roll < 35 ? 0 : roll < 65 ? 1 : roll < 75 ? 2 : roll < 85 ? 3 : roll < 95 ? 4 : 5;
        const quint32 variant = rng.bounded(16u);
        const Kind &kind = kinds.at(kindIndex);

        SandboxConfiguration c;
        c.createdDateTime = timestampFrom(rng, 2022);
        c.lastModifiedDateTime = c.createdDateTime;
        c.version = 1;
        c.description = description;
        c.odataType = kind.odataType;
        c.typeEnum = kind.family;
        c.family = kind.family;
        c.isEsp = kindIndex == 2;
        c.displayName = kind.namePrefix + QString::number(i + 1).rightJustified(5, u'0');

        const quint32 shapeKey = quint32(kindIndex) << 8 | variant;
        auto shape = shapes.constFind(shapeKey);
        if (shape == shapes.cend()) {
            switch (kindIndex) {
            case 0: setLimit(c, 1 + int(variant % 15)); break;
            case 1: setSinglePlatformRestriction(c, platforms.at(variant % 5), variant % 2 == 1); break;
            case 2: setEsp(c, variant % 2 == 1, 30 + int(variant) * 5); break;
            case 3: setWindowsHello(c, true, 4 + int(variant % 8)); break;
            case 4: setNotification(c, templates.at(variant % 2)); break;
            default: setComanagement(c); break;
            }
            shape = shapes.insert(shapeKey, {c.specificV1, c.specificBeta});
        }
        c.specificV1 = shape->first;
        c.specificBeta = shape->second;

        c.id = guidFrom(rng);
        if (c.isEsp)
            c.id += EspSuffix;
        c.priority = ++nextPriority[c.family];

        const int assignmentCount = int(rng.bounded(4));
        for (int a = 0; a < assignmentCount; ++a) {
            const SandboxGroup &g = groups.at(rng.bounded(int(groupCount)));
            const bool exclude = a > 0 && rng.bounded(4) == 0 && kindIndex != 4;
            c.assignments.append(SandboxAssignment {
                c.id + u'_' + guidFrom(rng), groupTarget(g.id, exclude), u"direct"_s, QString(), {}});
        }
        configurations.append(std::move(c));
    }
}

void SandboxTenant::Private::buildIndexes()
{
    configurationIndex.clear();
    configurationIndex.reserve(configurations.size());
    for (qsizetype i = 0; i < configurations.size(); ++i)
        configurationIndex.insert(configurations.at(i).id.toLower(), i);

    groupIndex.clear();
    groupIndex.reserve(groups.size());
    groupsByName.resize(groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        groupIndex.insert(groups.at(i).id.toLower(), i);
        groupsByName[i] = i;
    }
    std::sort(groupsByName.begin(), groupsByName.end(), [this](qsizetype a, qsizetype b) {
        const SandboxGroup &ga = groups.at(a);
        const SandboxGroup &gb = groups.at(b);
        const int byName = QString::compare(ga.folded, gb.folded);
        return byName != 0 ? byName < 0 : ga.id < gb.id;
    });
}

} // namespace ea::sandbox
