#pragma once

#include "cli/commands/CliCommand.h"

#include <QHash>
#include <QJsonArray>

namespace ea {

struct Assignment;
struct GroupName;

// The commands that only read: each asks AssignmentService and prints the
// typed values as a table, or with --json Graph's objects as received.

// configs: every configuration, every page.
class ConfigsCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    GraphRequest firstRequest() const override;
    void run() override;
};

// assignments CONFIG_ID: the assignments, with the names of their groups.
class AssignmentsCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    void run() override;

private:
    void printAssignments(const QList<Assignment> &assignments, const QHash<QString, GroupName> *names);
};

// groups TEXT: the first page of groups whose name starts with TEXT.
class GroupsCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    void run() override;
    GraphRequest firstRequest() const override;

private:
    QString m_searchText;
};

// filters: the assignment filters (beta only).
class FiltersCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    GraphRequest firstRequest() const override;
    QString prepare(const QStringList &args) override;
    void run() override;
};

} // namespace ea
