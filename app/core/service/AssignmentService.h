#pragma once

#include "domain/Assignment.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/Group.h"
#include "graph/GraphClient.h"
#include "service/Operation.h"

#include <QObject>

namespace ea {

// The exact HTTP request a write will send, shown to the admin before it is
// sent (GUI preview, CLI --dry-run). Never contains the token.
struct RequestPreview
{
    QByteArray method;
    QUrl url;
    QByteArray body; // indented JSON, empty when there is none
    QString toText() const;
};

// A created assignment with the ids that identify the write in Microsoft's
// logs: what an admin quotes in a support ticket.
struct CreatedAssignment
{
    QString configurationId;
    Assignment assignment;
    int httpStatus = 0;
    QString requestId;
    QString clientRequestId;
};

struct GroupSearchResult
{
    QString text; // what was searched for
    QList<Group> groups;
    bool hasMore = false; // Graph has more matches than were asked for
};

// What an admin does with enrollment configurations, in Graph calls. Knows
// the endpoints and bodies; GraphClient knows HTTP; the UI and CLI know
// neither. Input is validated here before anything is sent.
class AssignmentService : public QObject
{
    Q_OBJECT
public:
    explicit AssignmentService(GraphClient *graph, QObject *parent = nullptr);

    GraphClient *graph() const { return m_graph; }
    ApiVersion apiVersion() const { return m_graph->endpoint().version(); }

    // All configurations, every page.
    Operation *listConfigurations(QObject *context, const ResultCallback<QList<EnrollmentConfiguration>> &done);
    Operation *listAssignments(const QString &configurationId, QObject *context,
                               const ResultCallback<QList<Assignment>> &done);
    // POST .../assignments exactly as Graph documents it; 201 -> the created assignment.
    Operation *createAssignment(const QString &configurationId, const AssignmentTarget &target, QObject *context,
                                const ResultCallback<Assignment> &done);
    // The same call; the result also carries the response's request ids.
    Operation *createAssignmentWithRequestIds(const QString &configurationId, const AssignmentTarget &target,
                                              QObject *context, const ResultCallback<CreatedAssignment> &done);
    Operation *deleteAssignment(const QString &configurationId, const QString &assignmentId, QObject *context,
                                const ResultCallback<Done> &done);
    // Groups whose display name starts with `text` (first page only: a picker
    // wants the best few, not 100,000).
    Operation *findGroups(const QString &text, QObject *context, const ResultCallback<GroupSearchResult> &done);

    // Problems with the input of a write; empty when it can be sent.
    QString createInputProblem(const QString &configurationId, const AssignmentTarget &target) const;
    // The same, plus what the configuration itself rules out: defaults take no
    // assignments, Intune refuses POST .../assignments for the types that need
    // the `assign` action, and enrollment notifications cannot exclude groups.
    QString createInputProblem(const EnrollmentConfiguration &configuration, const AssignmentTarget &target) const;
    static QString configurationIdProblem(const QString &configurationId);

    GraphRequest createAssignmentRequest(const QString &configurationId, const AssignmentTarget &target) const;
    GraphRequest findGroupsRequest(const QString &searchText) const;
    // The reads and the delete as requests, for callers that preview them
    // (--dry-run) or need Graph's objects as received (the CLI's --json).
    // The list requests follow every @odata.nextLink. Input is not checked
    // here: use configurationIdProblem() and ids::isAssignmentId() first.
    GraphRequest listConfigurationsRequest() const;
    GraphRequest listAssignmentsRequest(const QString &configurationId) const;
    GraphRequest deleteAssignmentRequest(const QString &configurationId, const QString &assignmentId) const;
    RequestPreview preview(const GraphRequest &request) const;

    static constexpr int kGroupSearchPageSize = 25;

private:
    static QStringList configurationPath(const QString &configurationId);
    Operation *failed(QObject *context, const QString &problem, const std::function<void(const GraphError &)> &report);

    GraphClient *m_graph;
};

} // namespace ea
