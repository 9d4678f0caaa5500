#pragma once

#include "cli/commands/CliCommand.h"
#include "domain/PriorityOrder.h"

#include <QHash>
#include <QJsonArray>

#include <optional>

namespace ea {

struct Assignment;
struct GroupName;

// The commands that only read: each asks AssignmentService and prints the
// typed values as a table, or with --json Graph's objects as received.

// configs [--type TYPE]: every configuration, every page; with --type the
// configurations of one type, order by order, in priority order (the one
// that wins first, defaults last).
class ConfigsCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    void run() override;

private:
    void runForType();
    std::optional<PriorityOrderKey> m_type; // kind, and a platform when one was named
};

namespace cli {
// --type's words: "limit", "esp", "platform-restriction:windows", ...
bool parseConfigurationType(const QString &word, PriorityOrderKey *key);
QString configurationTypeWord(const PriorityOrderKey &key);
QString configurationTypeWords();
// The table 'configs' prints; with orders, one order after the other, the
// defaults marked as applying last.
QString configurationsTable(const QList<EnrollmentConfiguration> &configurations);
QString ordersTable(const QList<PriorityOrder> &orders);
} // namespace cli

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
