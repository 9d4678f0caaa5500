#include "widgets/DialogStatus.h"

#include "service/Operation.h"
#include "widgets/WrappingLabel.h"

#include <QAbstractButton>
#include <QDialog>
#include <QHBoxLayout>
#include <QProgressBar>

namespace ea::ui {

DialogStatus::DialogStatus(QDialog *dialog, const QString &objectNamePrefix, const QString &initialText)
    : QObject(dialog)
    , m_dialog(dialog)
    , m_prefix(objectNamePrefix)
    , m_label(new WrappingLabel(initialText, dialog))
{
    m_label->setObjectName(objectNamePrefix + QStringLiteral("Status"));
}

QProgressBar *DialogStatus::addBusyBar(const QString &accessibleName)
{
    m_busy = new QProgressBar(m_dialog);
    m_busy->setObjectName(m_prefix + QStringLiteral("Busy"));
    m_busy->setAccessibleName(accessibleName);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(m_isBusy);
    return m_busy;
}

QHBoxLayout *DialogStatus::row()
{
    auto *row = new QHBoxLayout;
    row->addWidget(m_label, 1);
    if (m_busy)
        row->addWidget(m_busy);
    return row;
}

QString DialogStatus::text() const
{
    return m_label->text();
}

void DialogStatus::setText(const QString &text)
{
    m_label->setText(text);
}

void DialogStatus::setBusy(bool busy, const QString &text)
{
    setBusy(busy);
    m_label->setText(text);
}

void DialogStatus::setBusy(bool busy)
{
    m_isBusy = busy;
    if (m_busy)
        m_busy->setVisible(busy);
    if (m_cancelButton)
        m_cancelButton->setEnabled(busy);
}

void DialogStatus::setCancelButton(QAbstractButton *button)
{
    m_cancelButton = button;
    m_cancelButton->setEnabled(m_isBusy);
    connect(m_cancelButton, &QAbstractButton::clicked, this, &DialogStatus::cancel);
}

void DialogStatus::cancelWhenClosed()
{
    connect(m_dialog, &QDialog::finished, this, &DialogStatus::cancel);
}

void DialogStatus::track(Operation *operation)
{
    m_operation = operation;
}

bool DialogStatus::isRunning() const
{
    return m_operation;
}

void DialogStatus::showStatusOf(Operation *operation)
{
    if (operation)
        connect(operation, &Operation::statusChanged, m_label, &QLabel::setText);
}

void DialogStatus::cancel()
{
    if (m_operation)
        m_operation->cancel();
}

} // namespace ea::ui
