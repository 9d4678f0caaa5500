#include "service/AssignmentService.h"

#include "domain/Identifiers.h"

#include <QJsonDocument>
#include <QTimer>

namespace ea {

namespace {

const QString kConfigurations = QStringLiteral("deviceEnrollmentConfigurations");

GraphError inputError(const QString &problem)
{
    // Bad input is refused before any request is built; Kind::Refused with
    // httpStatus 0 says "nothing was sent".
    return GraphError::local(GraphError::Kind::Refused, problem);
}

} // namespace

QString RequestPreview::toText() const
{
    QString text = QString::fromLatin1(method) + u' ' + url.toString(QUrl::FullyEncoded);
    if (!body.isEmpty())
        text += u'\n' + QString::fromUtf8(body);
    return text;
}

AssignmentService::AssignmentService(GraphClient *graph, QObject *parent) : QObject(parent), m_graph(graph) {}

QStringList AssignmentService::configurationPath(const QString &configurationId)
{
    return {QStringLiteral("deviceManagement"), kConfigurations, configurationId};
}

QString AssignmentService::configurationIdProblem(const QString &configurationId)
{
    if (configurationId.isEmpty())
        return tr("Choose an enrollment configuration.");
    if (!ids::isConfigurationId(configurationId))
        return tr("'%1' is not an enrollment configuration id: expected a GUID, optionally followed by '_' and "
                  "letters or digits (like 0b4f…_DefaultLimit). List them with the 'configs' command.")
            .arg(configurationId.left(80));
    return {};
}

QString AssignmentService::createInputProblem(const QString &configurationId, const AssignmentTarget &target) const
{
    const QString configProblem = configurationIdProblem(configurationId);
    if (!configProblem.isEmpty())
        return configProblem;
    return target.validationProblem(apiVersion());
}

QString AssignmentService::createInputProblem(const EnrollmentConfiguration &configuration,
                                             const AssignmentTarget &target) const
{
    if (configuration.isDefault())
        return tr("'%1' is a default policy: it applies to all users and all devices and cannot take "
                  "assignments. Choose or create a non-default policy.")
            .arg(configuration.displayName.left(80));
    if (configuration.requiresAssignAction())
        return tr("Intune refuses single assignments for %1 configurations: they can only be assigned as a full "
                  "list with the assign action, which this version does not send yet.")
            .arg(configuration.typeDisplayName());
    if (configuration.kind() == EnrollmentConfiguration::Kind::EnrollmentNotifications
        && target.kind() == AssignmentTarget::Kind::ExcludeGroup)
        return tr("Enrollment notifications do not support excluding groups.");
    return createInputProblem(configuration.id, target);
}

GraphRequest AssignmentService::createAssignmentRequest(const QString &configurationId,
                                                        const AssignmentTarget &target) const
{
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assignments");
    return GraphRequest::post(path, Assignment::requestBody(target, apiVersion()));
}

GraphRequest AssignmentService::findGroupsRequest(const QString &searchText) const
{
    GraphRequest request = GraphRequest::get({QStringLiteral("groups")});
    request.queryItems = {
        {QStringLiteral("$filter"),
         QStringLiteral("startswith(displayName,") + ids::odataStringLiteral(searchText) + u')'},
        {QStringLiteral("$select"), QStringLiteral("id,displayName,description,securityEnabled")},
        {QStringLiteral("$top"), QString::number(kGroupSearchPageSize)},
    };
    return request;
}

GraphRequest AssignmentService::listConfigurationsRequest() const
{
    GraphRequest request = GraphRequest::get({QStringLiteral("deviceManagement"), kConfigurations});
    request.followNextLinks = true;
    return request;
}

GraphRequest AssignmentService::listAssignmentsRequest(const QString &configurationId) const
{
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assignments");
    GraphRequest request = GraphRequest::get(path);
    request.followNextLinks = true;
    return request;
}

GraphRequest AssignmentService::deleteAssignmentRequest(const QString &configurationId,
                                                        const QString &assignmentId) const
{
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assignments") << assignmentId;
    return GraphRequest::del(path);
}

RequestPreview AssignmentService::preview(const GraphRequest &request) const
{
    RequestPreview p;
    p.method = request.method;
    p.url = m_graph->urlFor(request);
    if (!request.body.isEmpty())
        p.body = QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Indented).trimmed();
    return p;
}

Operation *AssignmentService::failed(QObject *context, const QString &problem,
                                     const std::function<void(const GraphError &)> &report)
{
    auto *op = new Operation(context, this);
    // Reported from the event loop, like every other outcome.
    QTimer::singleShot(0, op, [op, problem, report] {
        op->finish<Done>([report](const Result<Done> &r) { report(r.error()); }, inputError(problem));
    });
    return op;
}

Operation *AssignmentService::listConfigurations(QObject *context,
                                                 const ResultCallback<QList<EnrollmentConfiguration>> &done)
{
    GraphRequest request = GraphRequest::get({QStringLiteral("deviceManagement"), kConfigurations});
    request.followNextLinks = true;
    auto *op = new Operation(context, this);
    op->await(m_graph->send(request), [op, done](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<QList<EnrollmentConfiguration>>(done, r.error());
        op->finish<QList<EnrollmentConfiguration>>(done, configurationsFromJson(r.value().values));
    });
    return op;
}

Operation *AssignmentService::listAssignments(const QString &configurationId, QObject *context,
                                              const ResultCallback<QList<Assignment>> &done)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assignments");
    GraphRequest request = GraphRequest::get(path);
    request.followNextLinks = true;
    auto *op = new Operation(context, this);
    op->await(m_graph->send(request), [op, done](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<QList<Assignment>>(done, r.error());
        op->finish<QList<Assignment>>(done, assignmentsFromJson(r.value().values));
    });
    return op;
}

Operation *AssignmentService::createAssignment(const QString &configurationId, const AssignmentTarget &target,
                                               QObject *context, const ResultCallback<Assignment> &done)
{
    return createAssignmentWithRequestIds(configurationId, target, context,
                                          [done](const Result<CreatedAssignment> &r) {
                                              if (!r)
                                                  return done(r.error());
                                              done(r.value().assignment);
                                          });
}

Operation *AssignmentService::createAssignmentWithRequestIds(const QString &configurationId,
                                                             const AssignmentTarget &target, QObject *context,
                                                             const ResultCallback<CreatedAssignment> &done)
{
    const QString problem = createInputProblem(configurationId, target);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto *op = new Operation(context, this);
    op->await(m_graph->send(createAssignmentRequest(configurationId, target)),
              [op, done, configurationId](const Result<GraphResponse> &r) {
                  if (!r)
                      return op->finish<CreatedAssignment>(done, r.error());
                  const Assignment created = Assignment::fromJson(r.value().object);
                  if (r.value().httpStatus != 201 || created.id.isEmpty()) {
                      GraphError e = GraphError::local(
                          GraphError::Kind::InvalidResponse,
                          tr("Graph answered HTTP %1 without the created assignment; reload the assignments to "
                             "see whether it was created.")
                              .arg(r.value().httpStatus));
                      e.httpStatus = r.value().httpStatus;
                      e.requestId = r.value().requestId;
                      e.clientRequestId = r.value().clientRequestId;
                      return op->finish<CreatedAssignment>(done, e);
                  }
                  CreatedAssignment result;
                  result.configurationId = configurationId;
                  result.assignment = created;
                  result.httpStatus = r.value().httpStatus;
                  result.requestId = r.value().requestId;
                  result.clientRequestId = r.value().clientRequestId;
                  op->finish<CreatedAssignment>(done, result);
              });
    return op;
}

Operation *AssignmentService::deleteAssignment(const QString &configurationId, const QString &assignmentId,
                                               QObject *context, const ResultCallback<Done> &done)
{
    QString problem = configurationIdProblem(configurationId);
    if (problem.isEmpty() && !ids::isAssignmentId(assignmentId))
        problem = tr("'%1' is not an assignment id; list them with the 'assignments' command.")
                      .arg(assignmentId.left(80));
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assignments") << assignmentId;
    auto *op = new Operation(context, this);
    op->await(m_graph->send(GraphRequest::del(path)), [op, done](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<Done>(done, r.error());
        op->finish<Done>(done, Done{});
    });
    return op;
}

Operation *AssignmentService::findGroups(const QString &text, QObject *context,
                                         const ResultCallback<GroupSearchResult> &done)
{
    QString problem;
    const QString searchText = ids::sanitizeSearchText(text, &problem);
    if (problem.isEmpty() && searchText.isEmpty())
        problem = tr("Type the start of a group name to search.");
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto *op = new Operation(context, this);
    op->await(m_graph->send(findGroupsRequest(searchText)), [op, done, searchText](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<GroupSearchResult>(done, r.error());
        GroupSearchResult result;
        result.text = searchText;
        result.groups = groupsFromJson(r.value().object.value(QStringLiteral("value")).toArray());
        result.hasMore = r.value().object.contains(QStringLiteral("@odata.nextLink"));
        op->finish<GroupSearchResult>(done, result);
    });
    return op;
}

} // namespace ea
