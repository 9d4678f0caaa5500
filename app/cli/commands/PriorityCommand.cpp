#include "cli/commands/PriorityCommand.h"

#include "cli/CliApp.h"
#include "cli/TextTable.h"
#include "cli/commands/ReadCommands.h"
#include "service/AssignmentService.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace ea {

using cli::TextTable;

namespace {

// "“A”, “B”" for a note; names where the order knows them.
QString namesOf(const QStringList &ids, const PriorityOrder &order)
{
    QStringList names;
    for (const QString &id : ids) {
        const EnrollmentConfiguration *c = order.find(id);
        names << u"“"_s + (c ? c->displayName : id) + u"”"_s;
    }
    return names.join(u", "_s);
}

QJsonArray orderJson(const PriorityOrder &order)
{
    QJsonArray array;
    for (const EnrollmentConfiguration &c : order.ranked) {
        array.append(QJsonObject {{u"id"_s, c.id}, {u"displayName"_s, c.displayName}, {u"priority"_s, c.priority}});
    }
    return array;
}

} // namespace

QString PriorityCommand::prepare(const QStringList &args)
{
    m_cx.configurationId = args.at(0);
    bool ok = false;
    m_priority = args.at(1).toInt(&ok);
    if (!ok)
        return tr("'%1' is not a priority: give a whole number from 1 (the one that wins) up.")
            .arg(TextTable::terminalSafe(args.at(1).left(40)));
    return AssignmentService::priorityInputProblem(m_cx.configurationId, m_priority);
}

GraphRequest PriorityCommand::firstRequest() const
{
    return service()->setPriorityRequest(m_cx.configurationId, m_priority);
}

QString PriorityCommand::dryRunNote() const
{
    return tr("Without --dry-run the order of the configuration's type is read first (a default policy, the "
              "priority it already has and a position out of range are refused), then this request is sent "
              "and the order is read again and shown.\n");
}

void PriorityCommand::run()
{
    m_operation
        = service()->setPriority(m_cx.configurationId, m_priority, this, [this](const Result<PriorityChange> &r) {
              if (!r) {
                  // A lost answer is settled by the service; what is left to check is the order itself.
                  return m_cx.failService(r.error(), m_operation && m_operation->hasSentWrite(), u"configs"_s);
              }
              print(r.value());
              m_cx.finish(CliApp::ExitOk);
          });
}

void PriorityCommand::print(const PriorityChange &change)
{
    const QString typeWord = cli::configurationTypeWord(change.before.key);
    const bool differs = !change.afterReadError && !change.matchesPlan();
    if (m_cx.options.json) {
        QJsonObject object {{u"configurationId"_s, change.configurationId},
            {u"previousPriority"_s, change.previousPriority}, {u"priority"_s, change.requestedPriority},
            {u"requestId"_s, change.requestId}, {u"confirmedByReread"_s, change.confirmedAfterAmbiguousFailure},
            {u"plannedOrder"_s, QJsonArray::fromStringList(change.plannedIds)}};
        if (!change.afterReadError) {
            object.insert(u"priorityAfter"_s, change.priorityAfter());
            object.insert(u"orderAfter"_s, orderJson(change.after));
            object.insert(u"matchesPlan"_s, change.matchesPlan());
        }
        m_cx.writeJson(object);
    } else {
        QString line = tr("Priority of %1 set to %2 (was %3; request-id %4)")
                           .arg(m_cx.configurationLabel())
                           .arg(change.requestedPriority)
                           .arg(change.previousPriority)
                           .arg(change.requestId.isEmpty() ? tr("none") : change.requestId);
        if (change.confirmedAfterAmbiguousFailure)
            line += u" ("_s + tr("the answer to the write was lost, a re-read confirmed it") + u')';
        m_cx.writeOut(line + u".\n"_s);
        if (!change.afterReadError) {
            m_cx.writeOut(tr("%1, as read afterwards:\n").arg(change.after.typeName()));
            m_cx.writeOut(cli::ordersTable({change.after}));
        }
    }
    if (change.afterReadError) {
        m_cx.writeErr(TextTable::terminalSafe(
                          tr("Note: the order could not be read afterwards (%1); run 'configs --type %2' to see it.")
                              .arg(change.afterReadError->summary(), typeWord))
            + u'\n');
    } else if (differs) {
        m_cx.writeErr(
            TextTable::terminalSafe(tr("Note: the order read afterwards differs from the one planned. "
                                       "Planned: %1. Read: %2 (%3 has priority %4).")
                                        .arg(namesOf(change.plannedIds, change.before),
                                            namesOf(change.after.rankedIds(), change.after), change.configurationName)
                                        .arg(change.priorityAfter()))
            + u'\n');
    }
}

} // namespace ea
