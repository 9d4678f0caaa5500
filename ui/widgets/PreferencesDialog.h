#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace ea::ui {

class AppSettings;

// Edit > Preferences (the application menu on macOS): the API version new
// sessions start with, the Graph call timeout, and which writes ask first.
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
};

} // namespace ea::ui
