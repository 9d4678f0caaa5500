#pragma once

#include "cli/commands/CliCommand.h"
#include "domain/AssignmentTarget.h"
#include "service/Operation.h"

#include <QPointer>

#include <functional>

namespace ea {

struct FullListPlan;

// What assign and unassign share: the approval of a full-list write, which
// the CLI gives after saying on stderr what it sends.
class WriteCommand : public CliCommand
{
public:
    using CliCommand::CliCommand;

protected:
    void approveFullList(const FullListPlan &plan, const std::function<void(bool)> &answer);
    void failWrite(const GraphError &error);

    QPointer<Operation> m_operation; // the running write
};

// assign CONFIG_ID TARGET [--filter FILTER_ID [--filter-mode MODE]]
class AssignCommand final : public WriteCommand
{
public:
    using WriteCommand::WriteCommand;
    QString prepare(const QStringList &args) override;
    QString inputProblemForSession() const override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    AssignmentTarget m_target;
};

// unassign CONFIG_ID ASSIGNMENT_ID
class UnassignCommand final : public WriteCommand
{
public:
    using WriteCommand::WriteCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    QString m_assignmentId;
};

} // namespace ea
