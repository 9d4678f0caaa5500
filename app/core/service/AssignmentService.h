#pragma once

#include "audit/AuditJournal.h"
#include "domain/Assignment.h"
#include "domain/AssignmentFilter.h"
#include "domain/CopyPlan.h"
#include "domain/EffectiveConfiguration.h"
#include "domain/EnrollmentConfiguration.h"
#include "domain/Group.h"
#include "domain/PriorityOrder.h"
#include "domain/RestorePlan.h"
#include "graph/GraphClient.h"
#include "graph/RequestExport.h"
#include "service/Operation.h"
#include "service/WriteGovernor.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>

#include <memory>

namespace ea {

// A created assignment with the ids that identify the write in Microsoft's
// logs: what an admin quotes in a support ticket.
struct CreatedAssignment
{
    QString configurationId;
    QString configurationName;
    Assignment assignment;
    int httpStatus = 0;
    QString requestId;
    QString clientRequestId;
    // Intune refused the single POST, so the full list was sent with the
    // `assign` action; previousAssignments is the list before (read on beta,
    // each entry with its raw object), for an exact undo.
    bool viaAssignAction = false;
    QList<Assignment> previousAssignments;
    // The write's answer was lost or refused "for now" (timeout, dropped
    // connection, 5xx, 429) and a re-read showed that it had been applied.
    bool confirmedAfterAmbiguousFailure = false;
    // The service said "not now" (429/503) this many times; each time a read
    // showed the write had not landed before it was sent again.
    int throttledResends = 0;
};

// An assignment removed, with the ids that identify the write in Microsoft's logs.
struct RemovedAssignment
{
    QString configurationId;
    // As read just before the write (its raw object is Graph's, as received).
    Assignment assignment;
    int httpStatus = 0;
    QString requestId;
    QString clientRequestId;
    // Intune refused DELETE, so the list without it was sent with the `assign`
    // action, keeping keptCount other assignments exactly as read.
    bool viaAssignAction = false;
    int keptCount = 0;
    // The answer to the write was lost or refused "for now" and a re-read
    // showed that it had been applied.
    bool confirmedAfterAmbiguousFailure = false;
};

// A list as read: the app's typed values and Graph's objects exactly as
// received, in the same order. The CLI's --json prints the objects, so
// properties the app does not model appear as Graph sent them. Only the
// configurations, the one list that can be large, keep their objects just when
// asked (listConfigurationsAsRead): a window holding 10,000 of them should not
// hold them twice.
template<typename T> struct Listing
{
    QList<T> items;
    QJsonArray objects;
};

// A replace-all write (`POST .../assign`) the admin must agree to first:
// Intune accepts some configuration types' assignments only as a whole list,
// and whatever is not in the list is deleted.
struct FullListPlan
{
    QString configurationId;
    QString configurationName;
    // Live assignments sent again exactly as read on beta (filters, policy-set
    // sources and target types newer than the app included).
    QList<Assignment> kept;
    QList<AssignmentTarget> added; // new targets
    QList<Assignment> removed; // live assignments left out (deleted)
    // Set when an earlier plan was approved but the live list changed before
    // it could be sent: nothing was sent, this plan is made from the new
    // list, and this says what changed.
    QString changedSinceApproval;
    // Intune accepts including and excluding the same group (exclusion wins);
    // one note per such group in the list that would be sent.
    QStringList notes;
    RequestPreview request;
    // "2 existing + 1 new will be sent", in words.
    QString summary() const;
};

// A bulk plan's changes to one full-list configuration, as they ended.
struct MergedFullList
{
    QList<Assignment> after; // the live list read back (verified), or as read when nothing was written
    bool written = false; // false: every add was there and every remove gone already
    int added = 0;
    int removed = 0;
    QString requestId;
};

// A priority change as it ended: the order of the configuration's type read
// before the write and re-read after it (never assumed), and the order the
// move was expected to give.
struct PriorityChange
{
    QString configurationId;
    QString configurationName;
    int previousPriority = 0;
    int requestedPriority = 0;
    PriorityOrder before;
    PriorityOrder after; // empty when afterReadError is set
    QStringList plannedIds; // ranked ids as planned (the others shifted by one)
    // The write is done, but the order could not be re-read afterwards.
    std::optional<GraphError> afterReadError;
    int httpStatus = 0;
    QString requestId;
    QString clientRequestId;
    // The answer was lost or refused "for now"; a re-read showed the new priority.
    bool confirmedAfterAmbiguousFailure = false;
    int throttledResends = 0;

    // The configuration's priority in the re-read order (0 if it is not there).
    int priorityAfter() const;
    // The re-read order is the planned one and the configuration has the asked-for priority.
    bool matchesPlan() const;
};

// A reorder (several setPriority calls, one at a time) as it ended. Every
// step re-reads the order; the run stops at the first step whose re-read
// order is not the one planned, or that fails, and sends nothing more.
struct PriorityReorder
{
    QStringList wanted; // ranked ids as the admin arranged them
    QList<PriorityMove> plan; // from the order read first
    QList<PriorityChange> steps; // the ones sent, in order
    PriorityOrder last; // the order as last read (before any step: as first read)
    std::optional<GraphError> stepError; // the step after the last of `steps` failed or was cancelled
    // A step's re-read order differed from its plan (index into steps), or -1.
    int divergedAt = -1;

    bool reachedWanted() const { return last.rankedIds() == wanted; }
};

// A restore as it ended: the steps that were written (each verified by the
// full-list write's own re-read), and where it stopped, if it did.
struct RestoreOutcome
{
    QList<RestoreStep> written;
    // The write that failed, was refused or cancelled; nothing after it was
    // sent. stoppedAt: that configuration's name.
    std::optional<GraphError> stoppedBy;
    QString stoppedAt;
};

// Asked before a full-list write. Call `answer(true)` to send it, `answer(false)`
// to stop with nothing sent. May answer later (a dialog); may be empty, which
// means "never send a full list" (the write then fails with code FullListNotApproved).
using FullListApproval = std::function<void(const FullListPlan &plan, const std::function<void(bool)> &answer)>;

// Error codes of the app's own refusals (GraphError::code, httpStatus 0):
// nothing was written.
namespace refusal {
inline const QString kAlreadyAssigned = QStringLiteral("AlreadyAssigned");
inline const QString kDefaultPolicy = QStringLiteral("DefaultPolicy");
inline const QString kUnsupportedTarget = QStringLiteral("UnsupportedTarget");
inline const QString kFullListNotApproved = QStringLiteral("FullListNotApproved");
inline const QString kUnreadableAssignment = QStringLiteral("UnreadableAssignment");
inline const QString kInvalidInput = QStringLiteral("InvalidInput");
inline const QString kListChanged = QStringLiteral("ListChangedBeforeSending");
inline const QString kSamePriority = QStringLiteral("SamePriority");
inline const QString kPriorityOutOfRange = QStringLiteral("PriorityOutOfRange");
inline const QString kNoPriorityOrder = QStringLiteral("NoPriorityOrder");
inline const QString kUnknownConfiguration = QStringLiteral("UnknownConfiguration");
inline const QString kOrderChanged = QStringLiteral("OrderChangedBeforeSending");
} // namespace refusal

// A principal's groups as read with transitiveMemberOf: typed, and Graph's
// objects as received (for --json).
struct PrincipalRead
{
    Principal principal;
    QJsonArray objects;
};

struct GroupSearchResult
{
    QString text; // what was searched for
    QList<Group> groups;
    QJsonArray objects; // Graph's objects as received (a page: at most kGroupSearchPageSize)
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

    // Names and cloud written into every audit entry.
    struct AuditContext
    {
        QString tenant;
        QString cloud;
    };
    // Every write is journalled here (attempt before, result after). Null: no journal.
    void setAuditJournal(AuditJournal *journal, const AuditContext &context);
    AuditJournal *auditJournal() const { return m_journal; }
    // Every write request waits for a slot of this governor (Intune's write
    // limit per app per tenant) and tells it of 429s; null: none. Not owned.
    void setWriteGovernor(WriteGovernor *governor) { m_governor = governor; }
    WriteGovernor *writeGovernor() const { return m_governor; }
    // Writes started from now on are journalled with this run id (a bulk
    // plan's run); empty: a one-off.
    void setRunId(const QString &runId) { m_runId = runId; }
    QString runId() const { return m_runId; }

    // All configurations, every page.
    Operation *listConfigurations(QObject *context, const ResultCallback<QList<EnrollmentConfiguration>> &done);
    Operation *getConfiguration(
        const QString &configurationId, QObject *context, const ResultCallback<EnrollmentConfiguration> &done);
    Operation *listAssignments(
        const QString &configurationId, QObject *context, const ResultCallback<QList<Assignment>> &done);
    // Beta only (v1.0 has no assignment filters): refused before sending on v1.0.
    Operation *listAssignmentFilters(QObject *context, const ResultCallback<QList<AssignmentFilter>> &done);
    // The same three reads with Graph's objects as received (Listing::objects).
    Operation *listConfigurationsAsRead(QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done);
    Operation *listAssignmentsAsRead(
        const QString &configurationId, QObject *context, const ResultCallback<Listing<Assignment>> &done);
    Operation *listAssignmentFiltersAsRead(QObject *context, const ResultCallback<Listing<AssignmentFilter>> &done);
    // Graph's objects alone, as received and in order, with no typed values: what
    // `configs --json` prints. Decoding 10,000 configurations nobody reads cost that
    // command a sixth of its instructions (issue 15, P3).
    Operation *listConfigurationObjects(QObject *context, const ResultCallback<QJsonArray> &done);

    // Creates one assignment the careful way:
    //  1. reads the configuration: a default policy is refused;
    //  2. reads the live assignments: the same target again is refused;
    //  3. POST .../assignments exactly as Graph documents it (201);
    //  4. if Intune refuses that route (ESP and others), asks `approve` and
    //     sends the full list (live + new) with POST .../assign, then re-reads
    //     to verify nothing was lost and to find the new assignment;
    //  5. if the answer to a write is lost, re-reads to learn whether it was
    //     applied instead of sending it again.
    Operation *createAssignment(const QString &configurationId, const AssignmentTarget &target, QObject *context,
        const ResultCallback<CreatedAssignment> &done, const FullListApproval &approve = {});
    // DELETE .../assignments/{id}; where Intune refuses that route, the full
    // list without it (after approval), verified by a re-read.
    // undoOf: the assignment whose creation this write undoes (the history
    // then names it an undo); empty for a plain removal.
    Operation *deleteAssignment(const QString &configurationId, const QString &assignmentId, QObject *context,
        const ResultCallback<RemovedAssignment> &done, const FullListApproval &approve = {},
        const QString &undoOf = {});
    // Replaces the whole list (undo of a full-list write): sends `wanted`
    // with POST .../assign after approval, then verifies the live list.
    Operation *replaceAssignments(const QString &configurationId, const QList<Assignment> &wanted, QObject *context,
        const ResultCallback<QList<Assignment>> &done, const FullListApproval &approve, const QString &undoOf = {});
    // A bulk plan's changes to one configuration whose type takes only full
    // lists, merged into ONE `assign` write (never one per change): planned
    // from the live list read on beta just before sending, less the
    // assignments whose target is in `remove`, plus each target of `add` that
    // is not there yet; then approved, sent and verified like every full-list
    // write. Nothing left to change (a plan run again) writes nothing.
    Operation *mergeIntoFullList(const QString &configurationId, const QList<AssignmentTarget> &add,
        const QList<AssignmentTarget> &remove, QObject *context, const ResultCallback<MergedFullList> &done,
        const FullListApproval &approve);
    // Every configuration as the priority orders need them: read on beta,
    // where single-platform restrictions show their platform (each platform
    // has its own order; v1.0 hides the platform and would merge them).
    Operation *listConfigurationsForOrder(
        QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done);
    GraphRequest listConfigurationsForOrderRequest() const;
    // Restore of an export (RestoreRun.cpp). planRestore reads every
    // configuration with its assignments on beta (one paged read) and
    // compares each of the file's with it. applyRestore sends the plan's
    // Replace steps one after the other, each as one full-list write of the
    // file's list (replaceAssignments: re-read first, verified after). A list
    // that changed since the plan was made is not sent (the write is
    // declined, nothing goes out) and stops the run; so does any failure.
    // Running the same restore again re-plans from the tenant and writes only
    // what still differs.
    Operation *planRestore(const TenantExport &file, QObject *context, const ResultCallback<RestorePlan> &done);
    Operation *applyRestore(const RestorePlan &plan, QObject *context,
        const std::function<void(const RestoreStep &step, int index, int total)> &starting,
        const ResultCallback<RestoreOutcome> &done);

    // Priority (PriorityWrites.cpp). The order of the configuration's type
    // (single-platform restrictions: of its platform), from one paged read of
    // every configuration: ranked ones best first, the defaults last.
    Operation *readPriorityOrder(
        const QString &configurationId, QObject *context, const ResultCallback<PriorityOrder> &done);
    // POST .../setPriority {"priority": N}, the careful way: reads the order
    // first and refuses, with nothing sent, a default, a type without an
    // order (Windows Hello for Business), the priority it already has (Intune
    // answers that with an error) and a priority outside 1..number ranked;
    // journals the order before, the request and the order after; re-reads
    // the order after the write and returns it as read. An answer that does
    // not prove the outcome is settled by reading the configuration: never
    // sent again unless that read proves it did not land and the service
    // said "not now".
    Operation *setPriority(
        const QString &configurationId, int priority, QObject *context, const ResultCallback<PriorityChange> &done);
    GraphRequest setPriorityRequest(const QString &configurationId, int priority) const;
    // Rearranges a whole order (PriorityReorder.cpp): reads the order of
    // `configurationId`'s type, refuses with nothing sent when it is no longer
    // `shown` (the order the admin planned from), then sends
    // PriorityOrder::movesTo(wanted) one setPriority at a time (each the
    // careful way above). After each step the order is re-read; a re-read
    // that differs from the step's plan stops the run. `stepDone` hears each
    // step as it ended. Errors before any write come as the result's error;
    // after one, in PriorityReorder::stepError.
    Operation *reorder(const QString &configurationId, const QStringList &shown, const QStringList &wanted,
        QObject *context, const std::function<void(const PriorityChange &)> &stepDone,
        const ResultCallback<PriorityReorder> &done);
    // Problems with the input alone (id shape, priority below 1); empty when it can be sent.
    static QString priorityInputProblem(const QString &configurationId, int priority);

    // For a copy into this tenant (CopyReads.cpp): each group of another
    // tenant (id -> display name) matched here by its display name, one read
    // per name (GET /groups?$filter=displayName eq '…'): exactly one group of
    // that name is a match; none or several is a problem, said in words.
    // Keyed by the other tenant's group id in lower case. A group without a
    // name (deleted there) is a problem without a read.
    Operation *matchGroupsByName(
        const QMap<QString, QString> &groups, QObject *context, const ResultCallback<QHash<QString, GroupMatch>> &done);
    GraphRequest groupsNamedRequest(const QString &displayName) const;
    // A copy worked out (CopyReads.cpp; the CLI's copy, the GUI's Copy
    // dialog): every configuration with its assignments read on beta (so the
    // source's filters and policy-set sources show), the two ends found
    // (CopyEnds::resolve), and, from an export, the groups the request's map
    // does not settle matched here by name. Reads only. A request that
    // cannot be planned comes back with ends.problem set and no rows.
    Operation *planCopy(const CopyRequest &request, QObject *context, const ResultCallback<PlannedCopy> &done);

    // Groups whose display name starts with `text` (first page only: a picker
    // wants the best few, not 100,000).
    Operation *findGroups(const QString &text, QObject *context, const ResultCallback<GroupSearchResult> &done);

    // "Who gets which" (EffectiveReads.cpp): two bounded reads. Every
    // configuration with its assignments in one paged read with
    // $expand=assignments; where Graph refuses the expand (400), the plain
    // list and one assignments read per configuration instead. The objects
    // carry their "assignments" either way.
    // `version`: read on that API version instead of the session's (an
    // export reads on beta, where filters and policy-set sources show).
    Operation *listConfigurationsWithAssignments(QObject *context,
        const ResultCallback<Listing<EnrollmentConfiguration>> &done, std::optional<ApiVersion> version = {});
    // The groups of a user (object id or UPN) or the parents of a group
    // (object id), every page: GET .../transitiveMemberOf/microsoft.graph.group.
    // A group principal lists itself first. Needs GroupMember.Read.All or
    // Directory.Read.All.
    Operation *readPrincipal(
        Principal::Kind kind, const QString &idOrUpn, QObject *context, const ResultCallback<PrincipalRead> &done);
    static QString principalProblem(Principal::Kind kind, const QString &idOrUpn);
    // The display names of these assignment filters (id in lower case ->
    // name), from one read of the tenant's filters. Filters exist on beta
    // only: on v1.0, or with no ids, `done` is called at once with nothing
    // and no operation is returned.
    Operation *readFilterNames(
        const QStringList &filterIds, QObject *context, const ResultCallback<QHash<QString, QString>> &done);
    GraphRequest listConfigurationsWithAssignmentsRequest(std::optional<ApiVersion> version = {}) const;
    GraphRequest principalGroupsRequest(Principal::Kind kind, const QString &idOrUpn) const;

    // Things worth knowing before sending a target that are not errors: the
    // same group both included and excluded (Intune accepts it; the
    // exclusion wins). `live` is the configuration's current list.
    static QStringList createNotes(const QList<Assignment> &live, const AssignmentTarget &target);

    // Problems with the input of a write; empty when it can be sent.
    QString createInputProblem(const QString &configurationId, const AssignmentTarget &target) const;
    // The same, plus what the configuration itself rules out: defaults take no
    // assignments, Intune refuses POST .../assignments for the types that need
    // the `assign` action, and enrollment notifications cannot exclude groups.
    QString createInputProblem(const EnrollmentConfiguration &configuration, const AssignmentTarget &target) const;
    static QString configurationIdProblem(const QString &configurationId);
    // Whether `target` can be assigned to `configuration` now: the input
    // problems above, then (when the live list is known) a target that is
    // already assigned. Empty when it can be sent. The same rules
    // createAssignment applies before it sends, for a UI that asks first.
    QString checkTarget(const EnrollmentConfiguration &configuration, const AssignmentTarget &target,
        const QList<Assignment> *live) const;
    // The live assignment that already has `target`, or null.
    static const Assignment *assignmentWithTarget(const QList<Assignment> &live, const AssignmentTarget &target);

    // How long a call may stall, and how long it may take to connect, for the
    // calls started from now on (every service on this session's Graph client).
    void setRequestTimeouts(std::chrono::seconds transfer, std::chrono::seconds connect);

    GraphRequest createAssignmentRequest(const QString &configurationId, const AssignmentTarget &target) const;
    GraphRequest findGroupsRequest(const QString &searchText) const;
    // The reads and the delete as requests, for callers that preview them
    // (--dry-run) or need Graph's objects as received (the CLI's --json).
    // The list requests follow every @odata.nextLink. Input is not checked
    // here: use configurationIdProblem() and ids::isAssignmentId() first.
    GraphRequest listConfigurationsRequest() const;
    GraphRequest listAssignmentsRequest(const QString &configurationId) const;
    // The list a full-list write is planned from and verified against: always
    // beta, whatever the session's version, because v1.0 hides filters and
    // policy-set sources, and a plan read there would drop them.
    GraphRequest listAssignmentsForFullListRequest(const QString &configurationId) const;
    GraphRequest deleteAssignmentRequest(const QString &configurationId, const QString &assignmentId) const;
    GraphRequest getConfigurationRequest(const QString &configurationId) const;
    GraphRequest listAssignmentFiltersRequest() const;
    // POST .../assign on beta (see listAssignmentsForFullListRequest).
    GraphRequest assignFullListRequest(const QString &configurationId, const QList<QJsonObject> &entries) const;
    static QList<QJsonObject> fullListEntries(const QList<Assignment> &kept, const QList<AssignmentTarget> &added);
    RequestPreview preview(const GraphRequest &request) const;

    // The display name of a configuration read on its own (every write reads
    // its configuration first) in this session, or empty.
    QString knownConfigurationName(const QString &configurationId) const
    {
        return m_configurationNames.value(configurationId);
    }

    static constexpr int kGroupSearchPageSize = 25;

private:
    struct WriteState; // one create/delete/replace in progress (AssignmentWrites.cpp)
    struct WriteAttempt; // one write request and the read that settles it
    struct WriteOutcome;
    struct ExpandFallback; // EffectiveReads.cpp
    // PriorityWrites.cpp
    void readOrderThen(Operation *op, const QString &configurationId,
        std::function<void(const Result<std::pair<EnrollmentConfiguration, PriorityOrder>> &)> next);
    void sendPriority(Operation *op, std::shared_ptr<WriteState> state);
    void finishPriority(Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome);
    std::optional<GraphError> priorityRefusal(const WriteState &state) const;
    struct ReorderRun; // PriorityReorder.cpp
    struct RestoreRun; // RestoreRun.cpp
    void restoreNext(Operation *op, std::shared_ptr<RestoreRun> run);
    struct GroupMatching; // CopyReads.cpp
    void matchNextGroup(Operation *op, std::shared_ptr<GroupMatching> state);
    void reorderStep(Operation *op, std::shared_ptr<ReorderRun> run);
    void readAssignmentsOneByOne(Operation *op, std::shared_ptr<ExpandFallback> state,
        const ResultCallback<Listing<EnrollmentConfiguration>> &done);

    static QStringList configurationPath(const QString &configurationId);
    // One paged read, decoded by `decode`, with Graph's objects.
    template<typename T>
    Operation *readListing(const GraphRequest &request, QList<T> (*decode)(const QJsonArray &), QObject *context,
        const ResultCallback<Listing<T>> &done);
    Operation *readConfigurations(
        bool keepObjects, QObject *context, const ResultCallback<Listing<EnrollmentConfiguration>> &done);
    Operation *failed(QObject *context, const QString &problem, const std::function<void(const GraphError &)> &report,
        const QString &code = refusal::kInvalidInput);

    // Steps of the writes, in AssignmentWrites.cpp.
    Operation *startFullListWrite(QObject *context, std::shared_ptr<WriteState> state);
    void readConfigurationThen(Operation *op, std::shared_ptr<WriteState> state, std::function<void()> next);
    void readConfigurationAndAssignmentsThen(Operation *op, std::shared_ptr<WriteState> state,
        std::function<std::optional<GraphError>()> refuseByConfiguration, std::function<void()> next);
    void takeConfiguration(WriteState &state, const GraphResponse &answer);
    void postSingleAssignment(Operation *op, std::shared_ptr<WriteState> state);
    void deleteSingleAssignment(Operation *op, std::shared_ptr<WriteState> state);
    void planFullList(Operation *op, std::shared_ptr<WriteState> state, const QString &changedSinceApproval);
    void sendApprovedFullList(Operation *op, std::shared_ptr<WriteState> state);
    void verifyFullList(
        Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome, const QList<Assignment> &after);
    // The one place that runs a write and settles any answer that does not
    // prove its outcome (GraphError::writeOutcome): read first, send again
    // only when the read proves it did not land and the service said "not now".
    void runWrite(Operation *op, std::shared_ptr<WriteAttempt> attempt);
    void settleWrite(Operation *op, std::shared_ptr<WriteAttempt> attempt, const GraphError &error, bool secondLook);
    GraphError uncertainOutcomeError(const WriteOutcome &outcome, const QString &what) const;
    void finishUnsettledWrite(
        Operation *op, std::shared_ptr<WriteState> state, const WriteOutcome &outcome, const QString &what);
    void switchToFullList(Operation *op, std::shared_ptr<WriteState> state, const GraphError &refusal);
    void finishWrite(Operation *op, std::shared_ptr<WriteState> state, const GraphError &error);

    AuditEntry journalEntry(const WriteState &state, AuditPhase phase) const;
    bool journalAttempt(
        WriteState &state, AuditAction action, const std::optional<FullListRecord> &fullList = std::nullopt);
    GraphError journalFailure(const WriteState &state) const;
    void journalResult(const WriteState &state, AuditOutcome outcome, const QString &message,
        const QString &assignmentId = {}, const QString &requestId = {}, const QString &clientRequestId = {},
        int httpStatus = 0);

    GraphClient *m_graph;
    AuditJournal *m_journal = nullptr;
    AuditContext m_auditContext;
    WriteGovernor *m_governor = nullptr;
    QString m_runId;
    QHash<QString, QString> m_configurationNames; // id -> display name, from reads of one configuration
};

} // namespace ea
