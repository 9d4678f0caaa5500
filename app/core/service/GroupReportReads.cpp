// The reads behind the group report (issue 17): the group's parents, every
// configuration with its assignments on beta, then, only where the report
// needs them, the filters' names and the group's own name.

#include "domain/AssignmentFilter.h"
#include "service/ReportService.h"
#include "service/Session.h"

namespace ea {

struct ReportService::GroupReportState
{
    QString groupId;
    Principal principal;
    QList<EnrollmentConfiguration> configurations;
    QHash<QString, QString> filterNames; // lower-case id -> name
    QStringList notes;
};

Operation *ReportService::groupReport(const QString &groupId, QObject *context, const ResultCallback<GroupReport> &done)
{
    auto *op = new Operation(context, this);
    auto state = std::make_shared<GroupReportState>();
    state->groupId = groupId;
    AssignmentService *service = m_session->assignments();
    op->follow(service->readPrincipal(
        Principal::Kind::Group, groupId, op, [this, op, state, done, service](const Result<PrincipalRead> &read) {
            if (!read)
                return op->finish<GroupReport>(done, read.error());
            state->principal = read.value().principal;
            Q_EMIT op->statusChanged(tr("Reading every enrollment configuration with its assignments…"));
            op->follow(service->listConfigurationsWithAssignments(
                op,
                [this, op, state, done, service](const Result<Listing<EnrollmentConfiguration>> &configurations) {
                    if (!configurations)
                        return op->finish<GroupReport>(done, configurations.error());
                    state->configurations = configurations.value().items;
                    const GroupReport draft = GroupReport::build(state->principal, {}, state->configurations, {});
                    const bool filtered = std::any_of(draft.rows.cbegin(), draft.rows.cend(),
                        [](const GroupReportRow &r) { return !r.filterId.isEmpty(); });
                    if (!filtered)
                        return finishGroupReport(op, state, done);
                    // Filters are read on beta, and need DeviceManagementConfiguration.Read.All, which an
                    // admin of enrollment settings alone may lack: then the report shows their ids.
                    Q_EMIT op->statusChanged(tr("Reading the assignment filters' names…"));
                    GraphRequest request = service->listAssignmentFiltersRequest();
                    request.apiVersion = ApiVersion::Beta;
                    op->await(
                        m_session->graph()->send(request), [this, op, state, done](const Result<GraphResponse> &f) {
                            if (!f && f.error().kind == GraphError::Kind::Cancelled)
                                return op->finish<GroupReport>(done, f.error());
                            if (!f)
                                state->notes << tr("The assignment filters' names could not be read, so filters show "
                                                   "by id: %1")
                                                    .arg(f.error().summary());
                            else
                                for (const AssignmentFilter &filter : assignmentFiltersFromJson(f.value().values))
                                    state->filterNames.insert(filter.id.toLower(), filter.displayName);
                            finishGroupReport(op, state, done);
                        });
                },
                ApiVersion::Beta));
        }));
    return op;
}

void ReportService::finishGroupReport(
    Operation *op, std::shared_ptr<GroupReportState> state, const ResultCallback<GroupReport> &done)
{
    // transitiveMemberOf names the parents but not the group itself.
    Q_EMIT op->statusChanged(tr("Reading the group's name…"));
    op->follow(m_session->groups()->resolve(
        {state->groupId}, op, [this, op, state, done](const Result<QHash<QString, GroupName>> &names) {
            if (!names && names.error().kind == GraphError::Kind::Cancelled)
                return op->finish<GroupReport>(done, names.error());
            if (!names)
                state->notes << tr("The group's name could not be read: %1").arg(names.error().summary());
            const QString name = names ? names.value().value(state->groupId.toLower()).displayName : QString();
            GroupReport report = GroupReport::build(state->principal, name, state->configurations, state->filterNames);
            report.tenant = m_session->tenantLabel();
            report.notes = state->notes;
            op->finish<GroupReport>(done, report);
        }));
}

} // namespace ea
