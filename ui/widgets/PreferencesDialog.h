#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace ea::ui {

class AppSettings;

// Edit > Preferences (the application menu on macOS): the API version new
// sessions start with, the Graph call timeout, which writes ask first, and
// the network proxy (system settings, none, or host:port).
// OK saves to the settings; the caller applies them (finished/accepted).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(AppSettings *settings, QWidget *parent = nullptr);

    void accept() override;

private:
    AppSettings *m_settings;
    QComboBox *m_apiVersion;
    QSpinBox *m_timeout;
    QSpinBox *m_connectTimeout;
    QCheckBox *m_confirmRemove;
    QCheckBox *m_confirmUndo;
    QRadioButton *m_proxySystem;
    QRadioButton *m_proxyNone;
    QRadioButton *m_proxyManual;
    QLineEdit *m_proxyAddress;
    QLabel *m_proxyProblem;
};

} // namespace ea::ui
