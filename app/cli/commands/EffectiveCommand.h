#pragma once

#include "cli/commands/CliCommand.h"
#include "domain/EffectiveConfiguration.h"

#include <QJsonArray>

namespace ea {

// effective --user UPN_OR_ID | --group GROUP_ID: which enrollment
// configuration of each type the principal gets, and why. Two bounded reads
// (the principal's groups, then the configurations with their assignments);
// the answer is EffectiveConfiguration's.
class EffectiveCommand final : public CliCommand
{
public:
    using CliCommand::CliCommand;
    QString prepare(const QStringList &args) override;
    GraphRequest firstRequest() const override;
    QString dryRunNote() const override;
    void run() override;

private:
    // memberOf: the principal's groups as Graph sent them.
    void print(const QJsonArray &memberOf, const QList<EffectiveTypeResult> &results);
    QString principalLabel() const;

    Principal::Kind m_kind = Principal::Kind::User;
    QString m_principal;
};

} // namespace ea
