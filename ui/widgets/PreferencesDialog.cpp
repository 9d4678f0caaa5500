#include "PreferencesDialog.h"

#include "AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
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
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    m_settings->setDefaultApiVersion(ApiVersion(m_apiVersion->currentData().toInt()));
    m_settings->setTransferTimeoutSeconds(m_timeout->value());
    m_settings->setConnectTimeoutSeconds(m_connectTimeout->value());
    m_settings->setConfirmRemove(m_confirmRemove->isChecked());
    m_settings->setConfirmUndo(m_confirmUndo->isChecked());
    m_settings->sync();
    QDialog::accept();
}

} // namespace ea::ui
