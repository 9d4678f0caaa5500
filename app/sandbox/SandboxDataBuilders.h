#pragma once

// Internal to the sandbox's data: builders of configurations, assignments,
// targets and groups shared by the fixed seed (SandboxData.cpp) and the
// generated benchmark extras (SandboxGeneratedData.cpp).

#include "sandbox/SandboxTenant_p.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QString>
#include <QStringView>

namespace ea::sandbox {

inline const QString GraphNs = QStringLiteral("#microsoft.graph.");
inline const QString TenantGuid = QStringLiteral("7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37");
inline const QString DefaultsCreated = QStringLiteral("0001-01-01T00:00:00Z");
inline const QString DefaultDisplayName = QStringLiteral("All users and all devices");
inline const QString EspSuffix = QStringLiteral("_Windows10EnrollmentCompletionPageConfiguration");

QJsonValue stringOrNull(const QString &text);
QJsonObject restriction(ApiVersion version, bool platformBlocked, bool personalBlocked, const QString &osMin = {},
    const QString &osMax = {});
void setLimit(SandboxConfiguration &c, int limit);
void setPlatformRestrictions(SandboxConfiguration &c, bool kiosk);
void setSinglePlatformRestriction(
    SandboxConfiguration &c, const QString &platform, bool personalBlocked, const QString &osMin = {});
void setWindowsHello(SandboxConfiguration &c, bool enabled, int minPin);
void setEsp(SandboxConfiguration &c, bool showProgress, int timeoutMinutes);
void setComanagement(SandboxConfiguration &c);
void setNotification(SandboxConfiguration &c, const QString &templateGuid);
SandboxConfiguration makeDefault(const QString &idSuffix, const QString &type, const QString &typeEnum,
    const QString &family, const QString &description);
SandboxConfiguration makeCustom(const QString &id, const QString &type, const QString &typeEnum, const QString &family,
    const QString &name, const QString &description, int priority, int version, const QString &created,
    const QString &modified);
SandboxAssignment assignment(const QString &configId, const QString &guid, const QJsonValue &target,
    const QString &source = QStringLiteral("direct"), const QString &sourceId = {});
QJsonObject groupTarget(const QString &groupId, bool exclude = false, const QString &filterId = {},
    const QString &filterType = QStringLiteral("none"));
QJsonObject collectionTarget(const QString &collectionId);

struct GroupSeed
{
    const char16_t *id;
    const char16_t *name;
    enum Kind { Security, Microsoft365, DynamicDevice, DynamicUser } kind;
    const char16_t *rule;
};

SandboxGroup makeGroup(
    const QString &id, const QString &name, GroupSeed::Kind kind, const QString &rule, const QString &created);
// Deterministic from the generator: same seed, same tenant.
QString guidFrom(QRandomGenerator &rng);
QString timestampFrom(QRandomGenerator &rng, int fromYear);

} // namespace ea::sandbox
