#pragma once

#include "sandbox/HttpServer.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ea::sandbox {

class SandboxIdentity;

// Intune's throttling, emulated (shared/reference/graph/README.md,
// "Throttling"); a limit of 0 is off, the default. Past `writeLimit` writes
// (POST/PATCH/PUT/DELETE on Graph routes) within any `windowMs`, a write is
// answered 429 TooManyRequests in Graph's error shape with Retry-After (whole
// seconds until a slot frees), except every `omitRetryAfterEvery`-th 429,
// which has none, as Graph sometimes leaves it out. `requestLimit` does the
// same for every request, reads included (Intune: 1,000 per 20 s). Throttled
// requests count against the limit, as on Graph: a client that hammers stays
// locked out. Each request inside a $batch is counted and throttled on its own.
struct SandboxThrottling
{
    int writeLimit = 0;
    int requestLimit = 0;
    int windowMs = 20000;
    int omitRetryAfterEvery = 3;
};

struct SandboxOptions
{
    // Default $top of the configuration list. Small on purpose: real tenants
    // page, and a client that ignores @odata.nextLink should fail visibly.
    int pageSize = 25;
    // Generated, deterministic (from seed) extras for benchmarks.
    int extraConfigurations = 0;
    int extraGroups = 0;
    quint32 seed = 1;
    SandboxThrottling throttling;
};

// An in-memory fake of the Graph surface Enrollment Assigner uses: device
// enrollment configurations and their assignments (Intune), groups and
// directoryObjects/getByIds (Entra ID), and beta assignment filters. It
// reproduces the traps documented in shared/reference/graph/README.md: the
// ESP route refusal, refused defaults, /assign replacing the whole list,
// nested Intune error messages, non-GUID configuration ids, a null target,
// and a deleted group that is still referenced.
//
// Full lists: v1.0 reads hide source/sourceId and the targets' filter
// properties, beta reads show them, and /assign (either version) stores
// exactly what was sent: an entry sent without its filter loses it, one sent
// without source/sourceId becomes "direct". Beta also knows
// #microsoft.graph.scopeTagGroupAssignmentTarget (targetType,
// entraObjectId), which v1.0 reads show as stored (minus the filter
// properties) and v1.0 writes refuse as a type its model lacks. /assign keeps
// the ids it is sent (the reference does not say Graph regenerates them) and
// gives entries without one a new {configId}_{guid}, so a beta read sent back
// unchanged to beta /assign reads back byte for byte the same.
//
// Fixed seed data worth knowing (all ids lower-case):
//   tenant          7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37
//   defaults        {tenant}_DefaultLimit, _DefaultPlatformRestrictions,
//                   _DefaultWindowsHelloForBusiness, _WindowsRestore,
//                   _DefaultWindows10EnrollmentCompletionPageConfiguration
//   custom ESP      b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration
//                   (5 assignments: an included and an excluded group, plus a
//                   filtered include, a policy-set entry and a beta-only
//                   scopeTagGroupAssignmentTarget; see the accessors below)
//   "Limit 5 devices – Sales"  f7dad281-914f-40a9-a506-8da6627ff3d7 (3 assignments)
//   null target     on 3f557a19-d5d3-4fac-9824-19e2ab9e30c1 (enrollment notification)
//   deleted group   69f3fc7c-df87-4689-bbcf-bff0d0af1d93 (excluded on "Limit 3 devices – Contractors")
//   apostrophes     "Admins' Laptops" bfca287b-26e9-4026-aae4-99c02727e9fa,
//                   "O'Brien's Devices" dd611145-2b6a-4e94-b8a6-a7de8d98f38d
//   users           alice@contoso.onmicrosoft.com (Contractors, Sales Interns
//                   inside Sales – EMEA, C++ Developers inside Engineering –
//                   Linux Workstations inside Engineering), bob@… (IT Helpdesk
//                   inside IT – Pilot Users inside Intune Pilot – Ring 0;
//                   Sales – APAC), noor@… (no group); see SandboxUsers.cpp
//
// Thread-safe: handle() and every inspection method take one internal lock
// (or read data that never changes after construction), so tests and a GUI
// may inspect a tenant served from another thread.
class SandboxTenant
{
public:
    explicit SandboxTenant(const QString &accessToken, const SandboxOptions &options = {});
    ~SandboxTenant();
    SandboxTenant(const SandboxTenant &) = delete;
    SandboxTenant &operator=(const SandboxTenant &) = delete;

    HttpResponse handle(const HttpRequest &request);

    void setAccessToken(const QString &token);
    QString accessToken() const;
    // Origin used in @odata.nextLink/@odata.context when a request carries no
    // usable Host header (HTTP/1.0), e.g. "http://127.0.0.1:8080".
    void setFallbackOrigin(const QByteArray &origin);

    // --- fixed data -------------------------------------------------------
    QString tenantId() const;
    QStringList configurationIds() const;
    QString configurationIdByName(const QString &displayName) const; // first match
    QString defaultLimitConfigurationId() const; // {tenantId}_DefaultLimit
    QString defaultEspConfigurationId() const; // {tenantId}_DefaultWindows10EnrollmentCompletionPageConfiguration
    QString espConfigurationId() const; // custom ESP, {guid}_Windows10EnrollmentCompletionPageConfiguration
    QString limitConfigurationId() const; // "Limit 5 devices – Sales"
    QString nullTargetConfigurationId() const; // has one assignment whose target reads as null
    QString futureTypeConfigurationId() const; // @odata.type unknown to any client
    // Entries of the custom ESP that only a faithful full-list write keeps
    // (beta shows their extra properties, v1.0 hides them):
    QString espFilteredAssignmentId() const; // include group + filter "Windows 11 only" (include)
    QString espPolicySetAssignmentId() const; // source "policySets", sourceId policySetId()
    QString espScopeTagAssignmentId() const; // #microsoft.graph.scopeTagGroupAssignmentTarget
    QString policySetId() const; // the policy set behind every "policySets" entry
    QStringList groupIds() const; // existing groups only
    QString groupIdByName(const QString &displayName) const;
    QString groupNameById(const QString &groupId) const;
    QString deletedGroupId() const; // referenced by an assignment, absent from /groups
    QStringList assignmentFilterIds() const;
    QString userIdByPrincipalName(const QString &userPrincipalName) const; // empty if unknown
    QString assignmentFilterIdByName(const QString &displayName) const;

    // --- state ------------------------------------------------------------
    // Beta shape (source, sourceId, filter properties), i.e. everything known.
    QJsonArray assignmentsOf(const QString &configId) const;
    // Replaces assignments without validation (tests use it to set up state).
    // Entries missing an id get {configId}_{guid}; missing source → "direct".
    void setAssignments(const QString &configId, const QJsonArray &assignments);
    int priorityOf(const QString &configId) const; // -1 if unknown

    // --- traffic ----------------------------------------------------------
    // POST/PATCH/PUT/DELETE requests that were authenticated and reached a
    // route, successful or not. Not counted: 401s, injected faults (except
    // failNextWrites with applyFirst, whose write did reach its route),
    // unknown paths, and POST directoryObjects/getByIds (a read that happens
    // to be a POST, so a dry run that resolves group names still shows zero).
    int writeCount() const;
    int requestCount() const;
    // "METHOD raw-target" per request, oldest first (capped at the newest
    // 100,000 entries so endless benchmark runs stay bounded).
    QList<QByteArray> requestLog() const;
    void resetTrafficCounters();
    // 429s the emulated limit answered (SandboxThrottling), since the last reset.
    int throttledCount() const;
    // Switches the emulated limit on, off or to other numbers; the counts of
    // the window start afresh.
    void setThrottling(const SandboxThrottling &throttling);

    // The next `count` authenticated requests are answered with `status`
    // (429, 503, 504, ...) and, if retryAfterSeconds >= 0, Retry-After. For
    // exercising client retry logic; they count in requestCount only.
    void failNextRequests(int count, int status, int retryAfterSeconds = -1);
    // The next `count` writes (POST/PATCH/PUT/DELETE under /v1.0 or /beta,
    // except the read-only POST directoryObjects/getByIds) are answered with
    // `status` and a Graph error body, plus Retry-After when given. With
    // applyFirst the write is performed first and only its answer is lost
    // ("it landed, but the client saw a 503"); such writes count in
    // writeCount. Without it nothing changes and writeCount stays. Reads
    // pass untouched; failNextRequests, when armed, answers first.
    void failNextWrites(
        int count, int status, std::optional<int> retryAfterSeconds = std::nullopt, bool applyFirst = false);

    // --- sign-in ----------------------------------------------------------
    // The identity endpoints served beside Graph (/{tenant}/oauth2/v2.0/...,
    // /sandbox/...). Graph accepts the fixed access token above and every
    // access token the identity part issued and has not expired or revoked.
    SandboxIdentity &identity();
    // Makes DELETE of an ESP assignment answer with the route refusal too.
    void setEspRefusesDelete(bool refuse);

    // --- test knobs -------------------------------------------------------
    // Each makes the sandbox behave as Graph can but the seed tenant does
    // not; tests/common/SandboxWithFaults.h uses them. Off by default.
    //
    // Graph also takes this token, as it takes a refreshed one: tests hand a
    // client two tokens to see it refresh after a 401 and replay once.
    void acceptAccessToken(const QString &token);
    // The configuration is gone, as after an admin deleted it elsewhere:
    // lists leave it out and every request about it answers 404. False if
    // there was no such configuration.
    bool removeConfiguration(const QString &configId);
    // Stands in for a Graph newer than the client: assignment properties the
    // sandbox does not model are kept by setAssignments and /assign (beta) and
    // read back on beta, instead of refused. Tests use it to prove that a
    // full-list write sends back what it read, unknown properties and all.
    void setKeepsUnknownAssignmentProperties(bool keep);
    // Assignment lists in pages of this size with @odata.nextLink (0, the
    // default: one page, as the seed lists are short). Graph pages any
    // collection; tests that need a second page ask for small ones.
    void setAssignmentPageSize(int size);

    struct Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace ea::sandbox
