#pragma once

#include "auth/TokenClaims.h"
#include "graph/GraphEndpoint.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ea::ui {

// Paste an access token obtained elsewhere (e.g. `az account get-access-token
// --resource https://graph.microsoft.com`). The token is shown only as dots,
// kept in memory only and never copied anywhere; its claims (who, tenant,
// expiry, permissions) are read and shown so the admin sees which tenant it
// writes to before using it. The cloud follows the token's audience.
class AccessTokenDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AccessTokenDialog(QWidget *parent = nullptr);
    ~AccessTokenDialog() override;

    QString token() const; // trimmed, without a leading "Bearer "
    auth::TokenClaims claims() const { return m_claims; }
    Cloud cloud() const;

    QLineEdit *tokenEdit() const { return m_tokenEdit; }
    QLabel *claimsLabel() const { return m_claimsLabel; }
    QPushButton *useButton() const { return m_use; }

private:
    void onTokenChanged();

    QLineEdit *m_tokenEdit;
    QComboBox *m_cloud;
    QLabel *m_claimsLabel;
    QPushButton *m_use;
    auth::TokenClaims m_claims;
};

} // namespace ea::ui
