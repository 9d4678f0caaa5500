#pragma once

#include "cli/commands/CliCommand.h"

#include <QPointer>

#include <memory>

namespace ea {

class CliSignIn;

namespace auth {
class SignInFlow;
class SignedInTokenProvider;
struct SaveReceipt;
struct TokenSet;
} // namespace auth

// What login, logout and status share: the sign-in storage and profile
// (CliSignIn) and a token provider of their own for the profile.
class SignInCommand : public CliCommand
{
    // The strings are CliSignIn's, where they were before the commands became classes.
    Q_DECLARE_TR_FUNCTIONS(ea::CliSignIn)
public:
    // `command`: login, logout or status, for the checks CliSignIn makes.
    SignInCommand(CliContext &context, const QString &command);
    ~SignInCommand() override;
    QString prepare(const QStringList &args) override;

protected:
    CliSignIn &m_signIn;
    QString m_command;
    std::unique_ptr<auth::SignedInTokenProvider> m_provider;
};

// login --device-code | --browser: signs in and keeps the sign-in.
class LoginCommand final : public SignInCommand
{
public:
    explicit LoginCommand(CliContext &context);
    ~LoginCommand() override;
    void run() override;

private:
    void onSignedIn(const auth::TokenSet &tokens);
    void reportSignedIn(const auth::SaveReceipt &receipt);

    QPointer<auth::SignInFlow> m_flow;
};

// logout: removes the stored refresh token of the profile.
class LogoutCommand final : public SignInCommand
{
public:
    explicit LogoutCommand(CliContext &context);
    void run() override;
};

// status: who is signed in where, with which permissions (redeems the refresh token).
class StatusCommand final : public SignInCommand
{
public:
    explicit StatusCommand(CliContext &context);
    void run() override;
};

} // namespace ea
