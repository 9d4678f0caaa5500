#pragma once

// Internal to the sandbox: the tenant's data model, shared by the pipeline
// (SandboxTenant.cpp), the resources (*Resource.cpp) and the seed data
// (SandboxData.cpp).

#include "sandbox/SandboxIdentity.h"
#include "sandbox/SandboxSupport.h"
#include "sandbox/SandboxTenant.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

namespace ea::sandbox {

enum class ApiVersion { V1, Beta };

struct SandboxAssignment
{
    QString id;
    // Stored in beta shape (filter properties present) with every property
    // that was sent, including those of beta-only target types
    // (scopeTagGroupAssignmentTarget's targetType and entraObjectId); an
    // object, or Null for the one documented assignment whose target reads
    // back as null. v1.0 serialization hides the filter properties.
    QJsonValue target;
    QString source; // "direct" | "policySets"; beta only
    QString sourceId; // empty → null; beta only
    // Properties the sandbox does not model, kept only with
    // keepUnknownAssignmentProperties (a test knob); beta only.
    QJsonObject unknown;
};

struct SandboxConfiguration
{
    QString id;
    QString odataType; // "#microsoft.graph.…"
    QString typeEnum; // beta deviceEnrollmentConfigurationType
    // Intune numbers priorities within one kind of configuration (limits,
    // restrictions, ESPs, …), so setPriority renumbers within a family.
    QString family;
    QString displayName;
    QString description;
    int priority = 0;
    int version = 1;
    QString createdDateTime;
    QString lastModifiedDateTime;
    QJsonObject specificV1; // type-specific properties v1.0 knows
    QJsonObject specificBeta; // type-specific properties beta knows
    bool isDefault = false;
    bool isEsp = false;
    QList<SandboxAssignment> assignments;

    // Serialized once and reused: listing 10,000 configurations must not
    // rebuild 10,000 JSON objects per page. Cleared on any change.
    mutable QByteArray jsonV1;
    mutable QByteArray jsonBeta;
    mutable QByteArray assignmentsJsonV1;
    mutable QByteArray assignmentsJsonBeta;
    mutable QByteArray expandedJsonV1; // with "assignments" inline
    mutable QByteArray expandedJsonBeta;

    void invalidate() const
    {
        jsonV1.clear();
        jsonBeta.clear();
        assignmentsJsonV1.clear();
        assignmentsJsonBeta.clear();
        expandedJsonV1.clear();
        expandedJsonBeta.clear();
    }
};

struct SandboxGroup
{
    QString id;
    QString displayName;
    QString folded; // case-folded displayName for startswith and ordering
    QString description;
    // Seed groups store these; generated groups (serial > 0) leave them empty
    // and derive them on serialization, which keeps generating 100,000
    // groups well under a second. Read them through the accessors below.
    QString mailNickname;
    QString mail; // empty → null
    QString createdDateTime;
    QString membershipRule; // empty → null
    QStringList groupTypes;
    int serial = 0;
    bool securityEnabled = true;
    bool mailEnabled = false;
    mutable QByteArray json; // full property set, cached

    QString nickname() const;
    QString mailAddress() const;
    QString created() const;
};

// A user, for "who gets which": only what transitiveMemberOf needs.
struct SandboxUser
{
    QString id;
    QString userPrincipalName;
    QString displayName;
    QStringList memberOf; // direct group memberships (ids)
};

struct SandboxFilter
{
    QString id;
    QString displayName;
    QString description;
    QString platform;
    QString rule;
    QString managementType;
    QString createdDateTime;
    QString lastModifiedDateTime;
};

struct SandboxTenant::Private
{
    mutable QMutex mutex;
    SandboxOptions options;
    QString token;
    QByteArray fallbackOrigin = QByteArrayLiteral("http://127.0.0.1");

    QString tenantId;
    QList<SandboxConfiguration> configurations;
    QHash<QString, qsizetype> configurationIndex; // key: lower-case id
    QList<SandboxGroup> groups;
    QHash<QString, qsizetype> groupIndex; // key: lower-case id
    QList<qsizetype> groupsByName; // sorted by folded name, then id
    QList<SandboxFilter> filters;
    QList<SandboxUser> users;
    // Nested groups: lower-case group id -> the ids of the groups it is a direct member of.
    QHash<QString, QStringList> groupParents;

    QString deletedGroupId;
    QString espConfigurationId;
    QString limitConfigurationId;
    QString nullTargetConfigurationId;
    QString futureTypeConfigurationId;
    QString policySetId;
    // The custom ESP's entries that a faithful full-list write must keep.
    QString espFilteredAssignmentId;
    QString espPolicySetAssignmentId;
    QString espScopeTagAssignmentId;

    int requestCount = 0;
    int writeCount = 0;
    QList<QByteArray> requestLog;
    // Locks itself; never calls back into the tenant, so taking its lock
    // while holding ours cannot deadlock.
    std::unique_ptr<SandboxIdentity> identity;
    int faultsLeft = 0;
    int faultStatus = 0;
    int faultRetryAfter = -1;
    // failNextWrites: only POST/PATCH/PUT/DELETE on Graph routes; with
    // writeFaultApplyFirst the write lands before the fault answers.
    int writeFaultsLeft = 0;
    int writeFaultStatus = 0;
    std::optional<int> writeFaultRetryAfter;
    bool writeFaultApplyFirst = false;
    // The emulated limit (SandboxThrottling): arrival times (ms of `clock`)
    // of the writes and of all requests in the current window.
    QElapsedTimer clock;
    std::deque<qint64> writeArrivals;
    std::deque<qint64> requestArrivals;
    int throttledCount = 0;
    int throttleAnswers = 0;
    // A 429 for the request when a limit is reached, after counting it.
    std::optional<int> throttleRetryAfter(bool isWrite);
    // Some tenants refuse DELETE .../assignments/{id} for ESP like they refuse
    // POST; off by default (not documented), on for tests of the fallback.
    bool espRefusesDelete = false;
    // Test knobs (SandboxTenant.h, "test knobs").
    QList<QByteArray> extraTokens;
    bool keepUnknownAssignmentProperties = false;
    int assignmentPageSize = 0;

    // SandboxData.cpp
    void populate();
    void generateExtraGroups();
    void generateExtraConfigurations();
    void buildIndexes();
    void populateUsers(); // SandboxUsers.cpp

    // SandboxTenant.cpp; the routes are in *Resource.cpp
    HttpResponse handle(const HttpRequest &request);

    const SandboxConfiguration *findConfiguration(const QString &id) const;
    SandboxConfiguration *findConfiguration(const QString &id);
    const SandboxGroup *findGroup(const QString &id) const;
    const SandboxFilter *findFilter(const QString &id) const;
    // By object id or user principal name (case-insensitive), or null.
    const SandboxUser *findUser(const QString &idOrUpn) const;
    // Every group reached from `direct` through nesting, each once, nearest first.
    QStringList transitiveGroups(const QStringList &direct) const;
};

// A target of the given type (without "#microsoft.graph.") with the filter
// properties as beta stores them (SandboxData.cpp).
QJsonObject assignmentTarget(const QString &odataType);

} // namespace ea::sandbox
