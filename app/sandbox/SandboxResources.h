#pragma once

// Internal to the sandbox: what the resource files (Configurations,
// Assignments, Groups, DirectoryObjects, Filters) offer the router in
// SandboxTenant.cpp and each other. Each route sets ctx.routeMatched when the
// path is one of its own, which is what counts a write.

#include "sandbox/GraphErrors.h"
#include "sandbox/GraphRequest.h"
#include "sandbox/SandboxTenant_p.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ea::sandbox {

// The filter properties of a target: beta only; v1.0 hides and refuses them.
extern const QString FilterIdKey;
extern const QString FilterTypeKey;
extern const QString DefaultRefusal;

// --- deviceManagement/deviceEnrollmentConfigurations (ConfigurationsResource.cpp)
HttpResponse routeConfigurations(SandboxTenant::Private &d, Context &ctx);
ApiError configurationNotFound(const QString &id);
// The request body as a JSON object, or the Intune error for anything else.
std::optional<QJsonObject> bodyObject(const Context &ctx, ApiError *error);

// --- .../{id}/assignments, .../{id}/assign (AssignmentsResource.cpp)
// nullopt when the path is not an assignments route.
std::optional<HttpResponse> routeAssignments(SandboxTenant::Private &d, Context &ctx, SandboxConfiguration *config);
const QByteArray &assignmentsJson(const SandboxConfiguration &c, ApiVersion version);
QJsonObject assignmentObject(const SandboxAssignment &a, ApiVersion version);
// The members of an assignment object the sandbox does not model (kept only
// with the keepUnknownAssignmentProperties test knob).
QJsonObject unknownAssignmentProperties(const QJsonObject &assignment);

// --- deviceManagement/assignmentFilters, beta only (FiltersResource.cpp)
HttpResponse routeFilters(SandboxTenant::Private &d, Context &ctx);

// --- groups (GroupsResource.cpp)
HttpResponse routeGroups(SandboxTenant::Private &d, Context &ctx);
// Every property, in Graph's order; cached on the group.
const QByteArray &groupJson(const SandboxGroup &g);

// --- users/{id|upn}/transitiveMemberOf and groups/{id}/transitiveMemberOf (SandboxUsers.cpp)
HttpResponse routeUsers(SandboxTenant::Private &d, Context &ctx);
// The groups reached from `direct` (transitively), paged, with $select.
HttpResponse transitiveMemberOf(SandboxTenant::Private &d, const Context &ctx, const QStringList &direct);
// GroupsResource.cpp: a group with the properties $select names (all without $select),
// or the error Graph gives for an unknown name.
QByteArray selectedGroupJson(
    const SandboxGroup &g, const Context &ctx, QString *selectText, std::optional<ApiError> *error);

// --- directoryObjects/getByIds (DirectoryObjectsResource.cpp)
// A POST that only reads: known before routing, so a write fault can stop a
// write from landing and a dry run that resolves group names counts no write.
bool isReadOnlyAction(const Context &ctx);
HttpResponse getByIds(SandboxTenant::Private &d, const Context &ctx);

// --- $batch (BatchResource.cpp): each inner request runs through the whole pipeline
bool isBatchRequest(const Context &ctx);
HttpResponse batch(SandboxTenant::Private &d, Context &ctx);

} // namespace ea::sandbox
