#include "PreferencesDialog.h"

#include "AppSettings.h"
#include "Theme.h"
#include "net/ProxyAccess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ea::ui {

PreferencesDialog::PreferencesDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_apiVersion(new QComboBox(this))
    , m_timeout(new QSpinBox(this))
    , m_connectTimeout(new QSpinBox(this))
    , m_confirmRemove(new QCheckBox(tr("Ask before &removing an assignment"), this))
    , m_confirmUndo(new QCheckBox(tr("Ask before &undoing an assignment created in this session"), this))
    , m_proxySystem(new QRadioButton(tr("Use the &system's proxy settings"), this))
    , m_proxyNone(new QRadioButton(tr("&No proxy: connect directly"), this))
    , m_proxyManual(new QRadioButton(tr("&Manual proxy:"), this))
    , m_proxyAddress(new QLineEdit(this))
    , m_proxyProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));

    m_apiVersion->setObjectName(QStringLiteral("preferencesApiVersion"));
    m_apiVersion->setAccessibleName(tr("Graph API version for new sessions"));
    m_apiVersion->addItem(tr("v1.0 (supported)"), int(ApiVersion::V1));
    m_apiVersion->addItem(tr("beta (assignment filters, more types)"), int(ApiVersion::Beta));
    m_apiVersion->setCurrentIndex(m_apiVersion->findData(int(settings->defaultApiVersion())));

    m_timeout->setObjectName(QStringLiteral("preferencesTimeout"));
    m_timeout->setAccessibleName(tr("Timeout of one Graph call, in seconds"));
    m_timeout->setRange(AppSettings::kMinTransferTimeoutSeconds, AppSettings::kMaxTransferTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings->transferTimeoutSeconds());

    m_connectTimeout->setObjectName(QStringLiteral("preferencesConnectTimeout"));
    m_connectTimeout->setAccessibleName(tr("Timeout for connecting to Graph, in seconds"));
    m_connectTimeout->setRange(AppSettings::kMinConnectTimeoutSeconds, AppSettings::kMaxConnectTimeoutSeconds);
    m_connectTimeout->setSuffix(tr(" s"));
    m_connectTimeout->setValue(settings->connectTimeoutSeconds());
    m_connectTimeout->setToolTip(tr("A call that cannot connect in this time was not sent, so it is safely tried "
                                    "again."));

    m_confirmRemove->setObjectName(QStringLiteral("preferencesConfirmRemove"));
    m_confirmRemove->setAccessibleName(m_confirmRemove->text().remove(u'&'));
    m_confirmRemove->setChecked(settings->confirmRemove());
    m_confirmUndo->setObjectName(QStringLiteral("preferencesConfirmUndo"));
    m_confirmUndo->setAccessibleName(m_confirmUndo->text().remove(u'&'));
    m_confirmUndo->setChecked(settings->confirmUndo());

    // The proxy: one choice for sign-in and Graph alike.
    const net::ProxySettings proxy = settings->proxySettings();
    m_proxySystem->setObjectName(QStringLiteral("preferencesProxySystem"));
    m_proxyNone->setObjectName(QStringLiteral("preferencesProxyNone"));
    m_proxyManual->setObjectName(QStringLiteral("preferencesProxyManual"));
    for (QRadioButton *button : {m_proxySystem, m_proxyNone, m_proxyManual})
        button->setAccessibleName(button->text().remove(u'&').remove(u':'));
    m_proxySystem->setChecked(proxy.mode == net::ProxySettings::Mode::System);
    m_proxyNone->setChecked(proxy.mode == net::ProxySettings::Mode::None);
    m_proxyManual->setChecked(proxy.mode == net::ProxySettings::Mode::Manual);
    m_proxyAddress->setObjectName(QStringLiteral("preferencesProxyAddress"));
    m_proxyAddress->setAccessibleName(tr("Manual proxy address (host:port)"));
    m_proxyAddress->setPlaceholderText(tr("proxy.contoso.com:8080"));
    m_proxyAddress->setText(proxy.manualProxy.isValid() ? proxy.manualProxy.authority() : QString());
    m_proxyAddress->setEnabled(m_proxyManual->isChecked());
    connect(m_proxyManual, &QRadioButton::toggled, m_proxyAddress, &QLineEdit::setEnabled);
    connect(m_proxyManual, &QRadioButton::toggled, m_proxyProblem, [this] { m_proxyProblem->hide(); });
    connect(m_proxyAddress, &QLineEdit::textEdited, m_proxyProblem, [this] { m_proxyProblem->hide(); });
    m_proxyProblem->setObjectName(QStringLiteral("preferencesProxyProblem"));
    m_proxyProblem->setWordWrap(true);
    m_proxyProblem->setTextFormat(Qt::PlainText);
    m_proxyProblem->setStyleSheet(theme::textStyleSheet(theme::Tone::Error));
    m_proxyProblem->hide();
    // Which way Graph goes now, and what decided it: the first thing to check
    // when sign-in or Graph cannot be reached.
    QString current;
    if (const net::ProxyAccess *access = net::ProxyAccess::installed()) {
        // The rule only: asking the OS could mean fetching a PAC file on the GUI thread.
        const net::ProxyRoute route = access->rule(QUrl(QStringLiteral("https://graph.microsoft.com/")));
        const QString way = route.askSystem ? tr("as the system's proxy settings say")
            : route.isDirect()              ? tr("directly")
                                            : tr("through %1").arg(net::proxyLabel(route.proxy));
        current = tr("Now: graph.microsoft.com is reached %1 (%2). The https_proxy, http_proxy and no_proxy "
                     "variables, when set, come before the system's settings; no_proxy also applies to a manual "
                     "proxy.")
                      .arg(way, route.reason);
    }
    auto *proxyNote = new QLabel(current, this);
    proxyNote->setObjectName(QStringLiteral("preferencesProxyNote"));
    proxyNote->setWordWrap(true);
    proxyNote->setVisible(!current.isEmpty());
    auto *proxyBox = new QGroupBox(tr("Network proxy (sign-in and Graph)"), this);
    proxyBox->setObjectName(QStringLiteral("preferencesProxyBox"));
    auto *manualRow = new QHBoxLayout;
    manualRow->addWidget(m_proxyManual);
    manualRow->addWidget(m_proxyAddress, 1);
    auto *proxyLayout = new QVBoxLayout(proxyBox);
    proxyLayout->addWidget(m_proxySystem);
    proxyLayout->addWidget(m_proxyNone);
    proxyLayout->addLayout(manualRow);
    proxyLayout->addWidget(m_proxyProblem);
    proxyLayout->addWidget(proxyNote);

    auto *fullListNote = new QLabel(tr("Sending the full list of assignments always asks first: it shows what "
                                       "Intune deletes."),
        this);
    fullListNote->setWordWrap(true);
    auto *apiNote = new QLabel(tr("The toolbar's Graph API switch changes the current session only; "
                                  "--api-version on the command line overrides this default."),
        this);
    apiNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Default Graph &API:"), m_apiVersion);
    form->addRow(QString(), apiNote);
    form->addRow(tr("Graph call &timeout:"), m_timeout);
    form->addRow(tr("&Connect timeout:"), m_connectTimeout);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("preferencesOkButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the preferences"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("preferencesCancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close without saving"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_confirmRemove);
    layout->addWidget(m_confirmUndo);
    layout->addWidget(fullListNote);
    layout->addSpacing(8);
    layout->addWidget(proxyBox);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    net::ProxySettings proxy = m_settings->proxySettings();
    proxy.mode = m_proxyManual->isChecked() ? net::ProxySettings::Mode::Manual
        : m_proxyNone->isChecked()          ? net::ProxySettings::Mode::None
                                            : net::ProxySettings::Mode::System;
    if (proxy.mode == net::ProxySettings::Mode::Manual) {
        // Nothing is saved while the address is unusable.
        QString problem;
        const std::optional<QUrl> address = net::parseProxyAddress(m_proxyAddress->text(), &problem);
        if (!address) {
            m_proxyProblem->setText(problem);
            m_proxyProblem->setAccessibleName(problem);
            m_proxyProblem->show();
            m_proxyAddress->setFocus();
            m_proxyAddress->selectAll();
            return;
        }
        proxy.manualProxy = *address;
    }
    m_settings->setProxySettings(proxy);
    m_settings->setDefaultApiVersion(ApiVersion(m_apiVersion->currentData().toInt()));
    m_settings->setTransferTimeoutSeconds(m_timeout->value());
    m_settings->setConnectTimeoutSeconds(m_connectTimeout->value());
    m_settings->setConfirmRemove(m_confirmRemove->isChecked());
    m_settings->setConfirmUndo(m_confirmUndo->isChecked());
    m_settings->sync();
    QDialog::accept();
}

} // namespace ea::ui
