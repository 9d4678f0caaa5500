// The export (issue 17): every configuration with its assignments as read on
// beta, then the group names, in as few requests as Graph allows.

#include "service/ReportService.h"
#include "service/Session.h"

namespace ea {

ReportService::ReportService(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

Operation *ReportService::exportTenant(QObject *context, const ResultCallback<TenantExportRead> &done)
{
    auto *op = new Operation(context, this);
    Q_EMIT op->statusChanged(tr("Reading every enrollment configuration with its assignments…"));
    // Beta, whatever the session's version: v1.0 hides filters and policy-set
    // sources, and an export must hold what a restore sends back.
    op->follow(m_session->assignments()->listConfigurationsWithAssignments(
        op,
        [this, op, done](const Result<Listing<EnrollmentConfiguration>> &read) {
            if (!read)
                return op->finish<TenantExportRead>(done, read.error());
            TenantExportRead result;
            result.document = TenantExport::fromConfigurationObjects(read.value().objects);
            result.document.tenant = m_session->tenantLabel();
            const QStringList groupIds = result.document.referencedGroupIds();
            if (groupIds.isEmpty())
                return op->finish<TenantExportRead>(done, result);
            Q_EMIT op->statusChanged(tr("Reading the names of %n group(s)…", nullptr, int(groupIds.size())));
            op->follow(m_session->groups()->resolveInBulk(
                groupIds, op, [op, done, result, groupIds](const Result<QHash<QString, GroupName>> &names) mutable {
                    if (!names && names.error().kind == GraphError::Kind::Cancelled)
                        return op->finish<TenantExportRead>(done, names.error());
                    if (!names)
                        result.groupNamesProblem = tr("The group names could not be read, so the export has "
                                                      "group ids only: %1")
                                                       .arg(names.error().summary());
                    for (const QString &id : groupIds)
                        result.document.groups.insert(
                            id, names ? names.value().value(id.toLower()).displayName : QString());
                    op->finish<TenantExportRead>(done, result);
                }));
        },
        ApiVersion::Beta));
    return op;
}

} // namespace ea
