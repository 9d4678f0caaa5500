#include "widgets/ProfileDialog.h"

#include "Theme.h"
#include "widgets/LineEditActions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

QLineEdit *makeEdit(QWidget *parent, const QString &objectName, const QString &accessibleName,
    const QString &placeholder, const QString &text)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    enableNamedClearButton(edit, ProfileDialog::tr("Clear: %1").arg(accessibleName));
    edit->setMaxLength(300);
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(const auth::TenantProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_id(profile.id)
{
    setObjectName(QStringLiteral("profileDialog"));
    const QString title = profile.id.isEmpty() ? tr("Add a tenant profile") : tr("Edit tenant profile");
    setWindowTitle(title);
    setAccessibleName(title);
    setWindowModality(Qt::WindowModal);

    m_displayName = makeEdit(this, QStringLiteral("profileDisplayNameEdit"), tr("Display name"),
        tr("e.g. Contoso production"), profile.displayName);
    m_tenant = makeEdit(this, QStringLiteral("profileTenantEdit"), tr("Tenant"),
        tr("Tenant id (GUID) or domain, e.g. contoso.onmicrosoft.com"), profile.tenant);

    m_cloud = new QComboBox(this);
    m_cloud->setObjectName(QStringLiteral("profileCloudCombo"));
    m_cloud->setAccessibleName(tr("Cloud"));
    for (Cloud cloud : {Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5DoD, Cloud::China})
        m_cloud->addItem(cloudDisplayName(cloud), int(cloud));
    m_cloud->setCurrentIndex(m_cloud->findData(int(profile.cloud)));

    m_clientId = makeEdit(this, QStringLiteral("profileClientIdEdit"), tr("Client id"),
        tr("Application (client) ID of the app registration"), profile.clientId);
    m_useGraphCliButton = new QPushButton(tr("Use Graph Command Line Tools"), this);
    m_useGraphCliButton->setObjectName(QStringLiteral("profileUseGraphCliButton"));
    m_useGraphCliButton->setAccessibleName(tr("Use the Microsoft Graph Command Line Tools client id"));
    m_useGraphCliButton->setToolTip(tr("A public client Microsoft publishes (%1); an admin must consent to it in "
                                       "the tenant once.")
                                        .arg(QLatin1String(auth::kGraphCommandLineToolsClientId)));
    connect(m_useGraphCliButton, &QPushButton::clicked, this,
        [this] { m_clientId->setText(QLatin1String(auth::kGraphCommandLineToolsClientId)); });
    auto *clientRow = new QHBoxLayout;
    clientRow->addWidget(m_clientId, 1);
    clientRow->addWidget(m_useGraphCliButton);

    // Rarely needed: a sign-in server or Graph other than the cloud's (a proxy, the sandbox).
    auto *advanced = new QGroupBox(tr("Advanced (leave empty for the cloud's own addresses)"), this);
    advanced->setObjectName(QStringLiteral("profileAdvancedBox"));
    m_loginRoot = makeEdit(advanced, QStringLiteral("profileLoginRootEdit"), tr("Sign-in URL"),
        tr("e.g. https://login.microsoftonline.us"), profile.loginRootOverride);
    m_graphRoot = makeEdit(advanced, QStringLiteral("profileGraphRootEdit"), tr("Graph URL"),
        tr("e.g. https://graph.microsoft.us"), profile.graphRootOverride);
    auto *advancedForm = new QFormLayout(advanced);
    advancedForm->addRow(tr("Si&gn-in URL:"), m_loginRoot);
    advancedForm->addRow(tr("&Graph URL:"), m_graphRoot);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("profileProblemLabel"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setStyleSheet(theme::textStyleSheet(theme::Tone::Error));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("profileButtons"));
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("profileSaveButton"));
    m_save->setAccessibleName(tr("Save the profile"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("profileCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_displayName);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("C&loud:"), m_cloud);
    form->addRow(tr("&Client id:"), clientRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(advanced);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 80);

    for (QLineEdit *edit : {m_displayName, m_tenant, m_clientId, m_loginRoot, m_graphRoot})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
    validate();
}

auth::TenantProfile ProfileDialog::profile() const
{
    auth::TenantProfile p;
    p.id = m_id;
    p.displayName = m_displayName->text().trimmed();
    p.tenant = m_tenant->text().trimmed();
    p.cloud = Cloud(m_cloud->currentData().toInt());
    p.clientId = m_clientId->text().trimmed();
    p.loginRootOverride = m_loginRoot->text().trimmed();
    p.graphRootOverride = m_graphRoot->text().trimmed();
    return p;
}

void ProfileDialog::validate()
{
    m_problem = profile().validate();
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_save->setEnabled(m_problem.isEmpty());
}

} // namespace ea::ui
