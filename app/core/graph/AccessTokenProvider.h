#pragma once

#include "graph/Result.h"

#include <QString>

namespace ea {

// Where GraphClient gets the bearer token. Sign-in flows implement it with
// refresh; tests and the CLI's supplied token use StaticTokenProvider.
// The callback may run synchronously or later, on the caller's thread.
class AccessTokenProvider
{
public:
    virtual ~AccessTokenProvider() = default;
    // forceRefresh: the last token was rejected with 401; get a new one if possible.
    virtual void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) = 0;
};

// A token supplied by the user (file, stdin, environment, paste): kept in
// memory only, never refreshed.
class StaticTokenProvider final : public AccessTokenProvider
{
public:
    explicit StaticTokenProvider(QString token) : m_token(std::move(token)) {}

    void requestAccessToken(bool forceRefresh, const ResultCallback<QString> &done) override
    {
        if (m_token.isEmpty() || forceRefresh) {
            done(GraphError::local(GraphError::Kind::Refused,
                                   forceRefresh ? QCoreApplication::translate(
                                       "ea::StaticTokenProvider",
                                       "The access token was rejected and cannot be refreshed; supply a new one.")
                                                : QCoreApplication::translate("ea::StaticTokenProvider",
                                                                              "No access token was supplied.")));
            return;
        }
        done(m_token);
    }

private:
    QString m_token;
};

} // namespace ea
