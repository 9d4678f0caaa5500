#include "service/AssignmentService.h"

#include "domain/Identifiers.h"
#include "domain/SharedStrings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace ea {

namespace {

const QString kConfigurations = QStringLiteral("deviceEnrollmentConfigurations");

GraphError inputError(const QString &problem, const QString &code)
{
    // Bad input is refused before any request is built; Kind::Refused with
    // httpStatus 0 says "nothing was sent".
    GraphError e = GraphError::local(GraphError::Kind::Refused, problem);
    e.code = code;
    return e;
}

} // namespace

AssignmentService::AssignmentService(GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
{ }

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
            .arg(ids::printable(configurationId, 80));
    return {};
}

QString AssignmentService::createInputProblem(const QString &configurationId, const AssignmentTarget &target) const
{
    const QString configProblem = configurationIdProblem(configurationId);
    if (!configProblem.isEmpty())
        return configProblem;
    return target.validationProblem(apiVersion());
}

QString AssignmentService::createInputProblem(
    const EnrollmentConfiguration &configuration, const AssignmentTarget &target) const
{
    if (configuration.isDefault())
        return tr("'%1' is a default policy: it applies to all users and all devices and cannot take "
                  "assignments. Choose or create a non-default policy.")
            .arg(configuration.displayName.left(80));
    if (configuration.kind() == EnrollmentConfiguration::Kind::EnrollmentNotifications
        && target.kind() == AssignmentTarget::Kind::ExcludeGroup)
        return tr("Enrollment notifications do not support excluding groups.");
    return createInputProblem(configuration.id, target);
}

QString AssignmentService::checkTarget(
    const EnrollmentConfiguration &configuration, const AssignmentTarget &target, const QList<Assignment> *live) const
{
    const QString inputProblem = createInputProblem(configuration, target);
    if (!inputProblem.isEmpty() || !live)
        return inputProblem;
    if (const Assignment *existing = assignmentWithTarget(*live, target))
        return tr("“%1” is already assigned to this target (assignment %2).")
            .arg(configuration.displayName, existing->id);
    return {};
}

const Assignment *AssignmentService::assignmentWithTarget(const QList<Assignment> &live, const AssignmentTarget &target)
{
    const auto found
        = std::find_if(live.cbegin(), live.cend(), [&](const Assignment &a) { return a.target.sameTargetAs(target); });
    return found == live.cend() ? nullptr : &*found;
}

void AssignmentService::setRequestTimeouts(std::chrono::seconds transfer, std::chrono::seconds connect)
{
    m_graph->setTransferTimeout(transfer);
    m_graph->setConnectTimeout(connect);
}

GraphRequest AssignmentService::createAssignmentRequest(
    const QString &configurationId, const AssignmentTarget &target) const
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

GraphRequest AssignmentService::listConfigurationsForOrderRequest() const
{
    GraphRequest request = listConfigurationsRequest();
    request.apiVersion = ApiVersion::Beta;
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

GraphRequest AssignmentService::deleteAssignmentRequest(
    const QString &configurationId, const QString &assignmentId) const
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
    p.headers = GraphClient::headersFor(request);
    if (!request.body.isEmpty())
        p.body = QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Indented).trimmed();
    return p;
}

Operation *AssignmentService::failed(QObject *context, const QString &problem,
    const std::function<void(const GraphError &)> &report, const QString &code)
{
    auto *op = new Operation(context, this);
    // Reported from the event loop, like every other outcome.
    QTimer::singleShot(0, op, [op, problem, report, code] {
        op->finish<Done>([report](const Result<Done> &r) { report(r.error()); }, inputError(problem, code));
    });
    return op;
}

void AssignmentService::setAuditJournal(AuditJournal *journal, const AuditContext &context)
{
    m_journal = journal;
    m_auditContext = context;
}

GraphRequest AssignmentService::getConfigurationRequest(const QString &configurationId) const
{
    return GraphRequest::get(configurationPath(configurationId));
}

GraphRequest AssignmentService::listAssignmentFiltersRequest() const
{
    GraphRequest request = GraphRequest::get({QStringLiteral("deviceManagement"), QStringLiteral("assignmentFilters")});
    request.followNextLinks = true;
    return request;
}

GraphRequest AssignmentService::listAssignmentsForFullListRequest(const QString &configurationId) const
{
    GraphRequest request = listAssignmentsRequest(configurationId);
    request.apiVersion = ApiVersion::Beta;
    return request;
}

QList<QJsonObject> AssignmentService::fullListEntries(
    const QList<Assignment> &kept, const QList<AssignmentTarget> &added)
{
    QList<QJsonObject> entries;
    for (const Assignment &a : kept)
        entries.append(a.fullListEntry(ApiVersion::Beta));
    for (const AssignmentTarget &t : added)
        entries.append(Assignment::requestBody(t, ApiVersion::Beta));
    return entries;
}

GraphRequest AssignmentService::assignFullListRequest(
    const QString &configurationId, const QList<QJsonObject> &entries) const
{
    QJsonArray list;
    for (const QJsonObject &entry : entries)
        list.append(entry);
    QStringList path = configurationPath(configurationId);
    path << QStringLiteral("assign");
    GraphRequest request
        = GraphRequest::post(path, QJsonObject {{QStringLiteral("enrollmentConfigurationAssignments"), list}});
    request.apiVersion = ApiVersion::Beta;
    return request;
}

QStringList AssignmentService::createNotes(const QList<Assignment> &live, const AssignmentTarget &target)
{
    if (!target.isGroupTarget())
        return {};
    const bool including = target.kind() == AssignmentTarget::Kind::IncludeGroup;
    const auto opposite = including ? AssignmentTarget::Kind::ExcludeGroup : AssignmentTarget::Kind::IncludeGroup;
    for (const Assignment &a : live) {
        if (a.target.kind() == opposite && a.target.groupId().compare(target.groupId(), Qt::CaseInsensitive) == 0)
            return {including ? tr("This group is also excluded from this configuration (assignment %1). Intune "
                                   "accepts both, and the exclusion wins: its members will not get it.")
                                    .arg(a.id)
                              : tr("This group is also included in this configuration (assignment %1). Intune "
                                   "accepts both, and the exclusion wins: its members will no longer get it.")
                                    .arg(a.id)};
    }
    return {};
}

QString FullListPlan::summary() const
{
    QStringList parts;
    parts << AssignmentService::tr("%n existing", nullptr, int(kept.size()));
    if (!added.isEmpty())
        parts << AssignmentService::tr("%n new", nullptr, int(added.size()));
    QString text = AssignmentService::tr("This configuration type only accepts the full list of assignments: %1 "
                                         "will be sent, replacing the current list.")
                       .arg(parts.join(QStringLiteral(" + ")));
    if (!removed.isEmpty())
        text += u' ' + AssignmentService::tr("%n assignment(s) will be removed.", nullptr, int(removed.size()));
    return text;
}

Operation *AssignmentService::getConfiguration(
    const QString &configurationId, QObject *context, const ResultCallback<EnrollmentConfiguration> &done)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    auto *op = new Operation(context, this);
    op->await(
        m_graph->send(getConfigurationRequest(configurationId)), [this, op, done](const Result<GraphResponse> &r) {
            if (!r)
                return op->finish<EnrollmentConfiguration>(done, r.error());
            const EnrollmentConfiguration c = EnrollmentConfiguration::fromJson(r.value().object);
            m_configurationNames.insert(c.id, c.displayName);
            op->finish<EnrollmentConfiguration>(done, c);
        });
    return op;
}

template<typename T>
Operation *AssignmentService::readListing(const GraphRequest &request, QList<T> (*decode)(const QJsonArray &),
    QObject *context, const ResultCallback<Listing<T>> &done)
{
    auto *op = new Operation(context, this);
    op->await(m_graph->send(request), [op, done, decode](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<Listing<T>>(done, r.error());
        Listing<T> listing;
        listing.objects = r.value().values;
        listing.items = decode(listing.objects);
        op->finish<Listing<T>>(done, listing);
    });
    return op;
}

namespace {

// For the typed reads: the listing without Graph's objects, as a plain list.
template<typename T> ResultCallback<Listing<T>> itemsOf(const ResultCallback<QList<T>> &done)
{
    return [done](const Result<Listing<T>> &r) {
        if (!r)
            return done(r.error());
        done(r.value().items);
    };
}

} // namespace

Operation *AssignmentService::listAssignmentFilters(
    QObject *context, const ResultCallback<QList<AssignmentFilter>> &done)
{
    return listAssignmentFiltersAsRead(context, itemsOf(done));
}

Operation *AssignmentService::listAssignmentFiltersAsRead(
    QObject *context, const ResultCallback<Listing<AssignmentFilter>> &done)
{
    if (apiVersion() != ApiVersion::Beta)
        return failed(context, tr("Assignment filters exist only on the beta API; switch to beta to use them."),
            [done](const GraphError &e) { done(e); });
    // A tenant has a few filters, at most hundreds: not worth a second read path.
    return readListing(listAssignmentFiltersRequest(), &assignmentFiltersFromJson, context, done);
}

Operation *AssignmentService::listConfigurations(
    QObject *context, const ResultCallback<QList<EnrollmentConfiguration>> &done)
{
    return readConfigurations(false, context, itemsOf(done));
}

Operation *AssignmentService::listConfigurationsAsRead(
    QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done)
{
    return readConfigurations(true, context, done);
}

Operation *AssignmentService::listConfigurationObjects(QObject *context, const ResultCallback<QJsonArray> &done)
{
    auto *op = new Operation(context, this);
    op->await(m_graph->send(listConfigurationsRequest()), [op, done](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<QJsonArray>(done, r.error());
        op->finish<QJsonArray>(done, r.value().values);
    });
    return op;
}

Operation *AssignmentService::listConfigurationsForOrder(
    QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done)
{
    return readListing(listConfigurationsForOrderRequest(), &configurationsFromJson, context, done);
}

Operation *AssignmentService::readConfigurations(
    bool keepObjects, QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done)
{
    using Configurations = Listing<EnrollmentConfiguration>;
    GraphRequest request = listConfigurationsRequest();
    auto decoded = std::make_shared<QList<EnrollmentConfiguration>>();
    if (!keepObjects) {
        // Each page is decoded as it arrives (a page's work per turn of the
        // event loop, never all 10,000 at once) and its JSON dropped: the list
        // is never held whole twice. The rows share their type names.
        auto typeNames = std::make_shared<SharedStrings>();
        request.pageSink = [decoded, typeNames](const QJsonArray &page) {
            appendConfigurationsFromJson(page, decoded.get(), typeNames.get());
        };
    }
    auto *op = new Operation(context, this);
    op->await(m_graph->send(request), [this, op, done, decoded, keepObjects](const Result<GraphResponse> &r) {
        if (!r)
            return op->finish<Configurations>(done, r.error());
        Configurations listing;
        if (keepObjects) {
            listing.objects = r.value().values;
            listing.items = configurationsFromJson(listing.objects);
        } else {
            listing.items = std::move(*decoded);
        }
        // Not remembered in m_configurationNames: a write reads its
        // configuration (and remembers that name) anyway, and 10,000 names
        // kept a second time cost half a megabyte (issue 15, P5).
        op->finish<Configurations>(done, listing);
    });
    return op;
}

Operation *AssignmentService::listAssignments(
    const QString &configurationId, QObject *context, const ResultCallback<QList<Assignment>> &done)
{
    return listAssignmentsAsRead(configurationId, context, itemsOf(done));
}

Operation *AssignmentService::listAssignmentsAsRead(
    const QString &configurationId, QObject *context, const ResultCallback<Listing<Assignment>> &done)
{
    const QString problem = configurationIdProblem(configurationId);
    if (!problem.isEmpty())
        return failed(context, problem, [done](const GraphError &e) { done(e); });
    // Each Assignment keeps its raw object anyway; the array adds only references to the same data.
    return readListing(listAssignmentsRequest(configurationId), &assignmentsFromJson, context, done);
}

Operation *AssignmentService::findGroups(
    const QString &text, QObject *context, const ResultCallback<GroupSearchResult> &done)
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
        result.objects = r.value().object.value(QStringLiteral("value")).toArray();
        result.groups = groupsFromJson(result.objects);
        result.hasMore = r.value().object.contains(QStringLiteral("@odata.nextLink"));
        op->finish<GroupSearchResult>(done, result);
    });
    return op;
}

} // namespace ea
