#pragma once

#include "sandbox/HttpServer.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ea::sandbox {

class SandboxIdentity;

struct SandboxOptions
{
    // Default $top of the configuration list. Small on purpose: real tenants
    // page, and a client that ignores @odata.nextLink should fail visibly.
    int pageSize = 25;
    // Generated, deterministic (from seed) extras for benchmarks.
    int extraConfigurations = 0;
    int extraGroups = 0;
    quint32 seed = 1;
};

// An in-memory fake of the Graph surface Enrollment Assigner uses: device
// enrollment configurations and their assignments (Intune), groups and
// directoryObjects/getByIds (Entra ID), and beta assignment filters. It
// reproduces the traps documented in shared/reference/graph/README.md: the
// ESP route refusal, refused defaults, /assign replacing the whole list,
// nested Intune error messages, non-GUID configuration ids, a null target,
// and a deleted group that is still referenced.
//
// Fixed seed data worth knowing (all ids lower-case):
//   tenant          7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37
//   defaults        {tenant}_DefaultLimit, _DefaultPlatformRestrictions,
//                   _DefaultWindowsHelloForBusiness, _WindowsRestore,
//                   _DefaultWindows10EnrollmentCompletionPageConfiguration
//   custom ESP      b797d8ff-f2fa-4f9b-a998-4adc70fd3979_Windows10EnrollmentCompletionPageConfiguration
//   "Limit 5 devices – Sales"  f7dad281-914f-40a9-a506-8da6627ff3d7 (3 assignments)
//   null target     on 3f557a19-d5d3-4fac-9824-19e2ab9e30c1 (enrollment notification)
//   deleted group   69f3fc7c-df87-4689-bbcf-bff0d0af1d93 (excluded on "Limit 3 devices – Contractors")
//   apostrophes     "Admins' Laptops" bfca287b-26e9-4026-aae4-99c02727e9fa,
//                   "O'Brien's Devices" dd611145-2b6a-4e94-b8a6-a7de8d98f38d
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
    QStringList groupIds() const; // existing groups only
    QString groupIdByName(const QString &displayName) const;
    QString groupNameById(const QString &groupId) const;
    QString deletedGroupId() const; // referenced by an assignment, absent from /groups
    QStringList assignmentFilterIds() const;
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
    // route, successful or not. Not counted: 401s, injected faults, unknown
    // paths, and POST directoryObjects/getByIds (a read that happens to be
    // a POST, so a dry run that resolves group names still shows zero).
    int writeCount() const;
    int requestCount() const;
    // "METHOD raw-target" per request, oldest first (capped at the newest
    // 100,000 entries so endless benchmark runs stay bounded).
    QList<QByteArray> requestLog() const;
    void resetTrafficCounters();

    // The next `count` authenticated requests are answered with `status`
    // (429, 503, 504, ...) and, if retryAfterSeconds >= 0, Retry-After. For
    // exercising client retry logic; they count in requestCount only.
    void failNextRequests(int count, int status, int retryAfterSeconds = -1);

    // --- sign-in ----------------------------------------------------------
    // The identity endpoints served beside Graph (/{tenant}/oauth2/v2.0/...,
    // /sandbox/...). Graph accepts the fixed access token above and every
    // access token the identity part issued and has not expired or revoked.
    SandboxIdentity &identity();
    // Makes DELETE of an ESP assignment answer with the route refusal too.
    void setEspRefusesDelete(bool refuse);

    struct Private;

private:
    std::unique_ptr<Private> m_d;
};

} // namespace ea::sandbox
