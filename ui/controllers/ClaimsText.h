#pragma once

#include "auth/TokenClaims.h"

#include <QString>

namespace ea::ui {

// What the window says about a sign-in's token: who, and what it may do.

// The account's name (the UPN, else the display name).
QString accountOf(const auth::TokenClaims &claims);
// Several lines for a tooltip or the account details: who, where, until when, allowed to do what.
QString claimsDescription(const auth::TokenClaims &claims);
// What the window warns about before a write; empty when nothing is missing.
QString writePermissionProblem(const auth::TokenClaims &claims);
// What the group search warns about; empty when nothing is missing.
QString groupSearchProblem(const auth::TokenClaims &claims);

} // namespace ea::ui
