#pragma once

#include "domain/GroupReport.h"
#include "domain/TenantExport.h"
#include "service/Operation.h"

#include <QObject>

#include <memory>

namespace ea {

class Session;

// An export as read, and what it could not learn.
struct TenantExportRead
{
    TenantExport document;
    // Why group names are missing when the names read failed (the export
    // itself is whole: the names are only for people); empty otherwise.
    QString groupNamesProblem;
};

// Reads that gather a whole tenant's assignments for people and files: the
// export (issue 17, section 1) and the group report (section 4). Reads
// only; bounded (one paged read of every configuration with its
// assignments, then the names the rows need, many per request).
class ReportService : public QObject
{
    Q_OBJECT
public:
    explicit ReportService(Session *session, QObject *parent = nullptr);

    // Every configuration with its assignments as read on beta (filters,
    // policy-set sources and unknown target types visible and kept), then
    // the names of the groups they name (GroupDirectory::resolveInBulk). A
    // failed names read leaves the names out and says why; a group that is
    // not found has no name.
    Operation *exportTenant(QObject *context, const ResultCallback<TenantExportRead> &done);

    // The group report: the groups it is nested in (readPrincipal, itself
    // first), every configuration with its assignments on beta (filters
    // show there), the filters' names when an assignment has one and the
    // filters can be read, and the group's own name. Only the first two
    // are needed: without the names the report says so in its notes.
    Operation *groupReport(const QString &groupId, QObject *context, const ResultCallback<GroupReport> &done);

private:
    struct GroupReportState;
    void finishGroupReport(
        Operation *op, std::shared_ptr<GroupReportState> state, const ResultCallback<GroupReport> &done);

    Session *m_session;
};

} // namespace ea
