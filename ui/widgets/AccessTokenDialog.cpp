#include "widgets/AccessTokenDialog.h"

#include "Theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

// The cloud whose Graph the token was issued for, if its audience names one.
bool cloudOfAudience(const QString &audience, Cloud *out)
{
    const QUrl aud(audience);
    for (Cloud cloud : {Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5DoD, Cloud::China}) {
        if (QUrl(QString::fromLatin1(cloudInfo(cloud).graphRoot)).host().compare(aud.host(), Qt::CaseInsensitive) == 0
            && !aud.host().isEmpty()) {
            *out = cloud;
            return true;
        }
    }
    return false;
}

} // namespace

AccessTokenDialog::AccessTokenDialog(QWidget *parent)
    : QDialog(parent)
    , m_tokenEdit(new QLineEdit(this))
    , m_cloud(new QComboBox(this))
    , m_claimsLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("accessTokenDialog"));
    setWindowTitle(tr("Use an access token"));
    setAccessibleName(windowTitle());
    setWindowModality(Qt::WindowModal);

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("accessTokenIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    intro->setText(tr("<p>Paste a Microsoft Graph access token, for example from<br>"
                      "<code>az account get-access-token --resource https://graph.microsoft.com</code></p>"
                      "<p>It is kept in memory only, for this session, and cannot be renewed: when it expires, "
                      "paste a new one or sign in.</p>"));

    m_tokenEdit->setObjectName(QStringLiteral("accessTokenEdit"));
    m_tokenEdit->setAccessibleName(tr("Access token"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("eyJ0eXAiOiJKV1Qi…"));
    m_tokenEdit->setMaxLength(int(auth::TokenClaims::kMaxTokenLength));
    // Nothing typed here may leave through the clipboard or a drag.
    m_tokenEdit->setDragEnabled(false);
    m_tokenEdit->setContextMenuPolicy(Qt::NoContextMenu);
    connect(m_tokenEdit, &QLineEdit::textChanged, this, &AccessTokenDialog::onTokenChanged);

    m_cloud->setObjectName(QStringLiteral("accessTokenCloudCombo"));
    m_cloud->setAccessibleName(tr("Cloud of the token"));
    for (Cloud cloud : {Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5DoD, Cloud::China})
        m_cloud->addItem(cloudDisplayName(cloud), int(cloud));

    m_claimsLabel->setObjectName(QStringLiteral("accessTokenClaims"));
    m_claimsLabel->setAccessibleName(tr("What the token says"));
    m_claimsLabel->setTextFormat(Qt::RichText);
    m_claimsLabel->setWordWrap(true);
    m_claimsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_claimsLabel->setMinimumHeight(m_claimsLabel->fontMetrics().lineSpacing() * 6);
    m_claimsLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("accessTokenButtons"));
    m_use = buttons->addButton(tr("Use this token"), QDialogButtonBox::AcceptRole);
    m_use->setObjectName(QStringLiteral("useAccessTokenButton"));
    m_use->setAccessibleName(tr("Use this token"));
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("accessTokenCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Token:"), m_tokenEdit);
    form->addRow(tr("C&loud:"), m_cloud);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_claimsLabel, 1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 80);
    onTokenChanged();
}

AccessTokenDialog::~AccessTokenDialog()
{
    m_tokenEdit->clear(); // the one copy this dialog holds
}

QString AccessTokenDialog::token() const
{
    // The same rule as GRAPH_ACCESS_TOKEN and the command line's --token-file.
    QString problem;
    return auth::normalizeSuppliedToken(m_tokenEdit->text(), &problem).value_or(QString());
}

Cloud AccessTokenDialog::cloud() const
{
    return Cloud(m_cloud->currentData().toInt());
}

void AccessTokenDialog::onTokenChanged()
{
    if (m_tokenEdit->text().trimmed().isEmpty()) {
        m_claims = {};
        m_claimsLabel->setText(tr("Paste the token above; who it belongs to is shown here."));
        m_use->setEnabled(false);
        return;
    }
    QString problem;
    const std::optional<QString> normalized = auth::normalizeSuppliedToken(m_tokenEdit->text(), &problem);
    if (!normalized) {
        m_claims = {};
        m_claimsLabel->setText(QStringLiteral("<p style='color:%1'>%2</p>")
                                   .arg(theme::textColor(theme::Tone::Error).name(), problem.toHtmlEscaped()));
        m_use->setEnabled(false);
        return;
    }
    const QString &token = *normalized;
    m_claims = auth::TokenClaims::fromAccessToken(token);
    if (!m_claims.isValid()) {
        m_claimsLabel->setText(QStringLiteral("<p style='color:%1'>%2</p><p>%3</p>")
                                   .arg(theme::textColor(theme::Tone::Error).name(),
                                       tr("Its claims cannot be read: %1.").arg(m_claims.parseError).toHtmlEscaped(),
                                       tr("Graph decides whether it is accepted; the tenant it writes to cannot be "
                                          "shown.")
                                           .toHtmlEscaped()));
        m_use->setEnabled(true);
        return;
    }
    Cloud cloud = Cloud::Global;
    if (cloudOfAudience(m_claims.audience, &cloud))
        m_cloud->setCurrentIndex(m_cloud->findData(int(cloud)));

    const QString none = tr("(not in the token)");
    auto value = [&none](const QString &s) {
        return s.isEmpty() ? none : s.toHtmlEscaped();
    };
    QString expiry = none;
    if (m_claims.expiresAt.isValid())
        expiry = QLocale().toString(m_claims.expiresAt.toLocalTime(), QLocale::ShortFormat);
    QStringList permissions = m_claims.scopes + m_claims.roles;
    QString html = tr("<table>"
                      "<tr><td>Account:</td><td><b>%1</b></td></tr>"
                      "<tr><td>Tenant id:</td><td>%2</td></tr>"
                      "<tr><td>For:</td><td>%3</td></tr>"
                      "<tr><td>Expires:</td><td>%4</td></tr>"
                      "<tr><td>Permissions:</td><td>%5</td></tr>"
                      "</table>")
                       .arg(value(m_claims.account.isEmpty() ? m_claims.name : m_claims.account),
                           value(m_claims.tenantId), value(m_claims.audience), expiry,
                           permissions.isEmpty() ? none : permissions.join(QStringLiteral(", ")).toHtmlEscaped());
    QStringList warnings;
    if (m_claims.isExpired())
        warnings << tr("This token has expired; get a new one.");
    if (!m_claims.audience.isEmpty() && !cloudOfAudience(m_claims.audience, &cloud))
        warnings
            << tr("It was not issued for Microsoft Graph (audience %1): Graph will refuse it.").arg(m_claims.audience);
    const QString missing = m_claims.missingPermissionsDescription();
    if (!missing.isEmpty())
        warnings << missing;
    if (!warnings.isEmpty()) {
        for (QString &w : warnings)
            w = w.toHtmlEscaped();
        html += QStringLiteral("<p style='color:%1'>").arg(theme::textColor(theme::Tone::Error).name())
            + warnings.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
    }
    m_claimsLabel->setText(html);
    m_use->setEnabled(!m_claims.isExpired());
}

} // namespace ea::ui
