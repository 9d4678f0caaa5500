#include "widgets/ApplyPlanDialog.h"

#include "widgets/WrappingLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ea::ui {

ApplyPlanDialog::ApplyPlanDialog(AssignmentService *service, QWidget *parent)
    : QDialog(parent)
    , m_view(new PlanRunView(service, QStringLiteral("applyPlan"), this))
{
    setObjectName(QStringLiteral("applyPlanDialog"));
    setWindowTitle(tr("Apply a plan"));
    setAccessibleName(windowTitle());

    auto *intro = new WrappingLabel(tr("A plan is a CSV file with the header configuration,action,target,filter,"
                                       "filterMode and one row per change (add or remove a target, written as "
                                       "in the command line's assign), or the JSON file an export writes: each "
                                       "of its assignments is added where it is missing, and nothing is removed "
                                       "(File › Restore assignments… does that). Every row is checked and the "
                                       "tenant read before anything is written; running a plan again writes only "
                                       "what is still missing."),
        this);
    intro->setObjectName(QStringLiteral("applyPlanIntro"));

    m_pathLabel = new QLabel(tr("No plan chosen."), this);
    m_pathLabel->setObjectName(QStringLiteral("applyPlanPath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseButton = new QPushButton(tr("&Choose plan…"), this);
    m_chooseButton->setObjectName(QStringLiteral("applyPlanChooseButton"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_pathLabel, 1);
    fileRow->addWidget(m_chooseButton);

    m_view->reset(tr("Choose a plan file."));
    m_view->setHints(tr("Fix them and choose the plan again."),
        tr("Choose the plan again to finish it: only what is still missing is written."));
    m_view->diffTree()->setAccessibleName(tr("Changes of the plan, by configuration"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_view->applyButton(), QDialogButtonBox::ActionRole);
    buttons->addButton(m_view->cancelButton(), QDialogButtonBox::ActionRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("applyPlanCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(900, 600);

    connect(m_chooseButton, &QPushButton::clicked, this, &ApplyPlanDialog::choosePlan);
    connect(m_view, &PlanRunView::busyChanged, m_chooseButton, &QWidget::setDisabled);
    connect(m_view, &PlanRunView::diffShown, this, &ApplyPlanDialog::diffShown);
    connect(m_view, &PlanRunView::runFinished, this, &ApplyPlanDialog::runFinished);
}

ApplyPlanDialog::~ApplyPlanDialog() = default;

void ApplyPlanDialog::setGroupDirectory(GroupDirectory *groups)
{
    m_view->setGroupDirectory(groups);
}

void ApplyPlanDialog::reject()
{
    // Closing while writes run would leave them unseen: cancel first, close once they ended.
    if (m_view->isRunning()) {
        m_view->cancel();
        return;
    }
    QDialog::reject();
}

void ApplyPlanDialog::choosePlan()
{
    // Not the static helper: its nested event loop would hold the window's calls.
    auto *picker = new QFileDialog(this, tr("Choose a plan"), QString(), tr("Plans (*.csv *.json);;All files (*)"));
    picker->setObjectName(QStringLiteral("applyPlanFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setFileMode(QFileDialog::ExistingFile);
    connect(picker, &QFileDialog::fileSelected, this, &ApplyPlanDialog::openPlan);
    picker->open();
}

void ApplyPlanDialog::openPlan(const QString &path)
{
    if (m_view->isBusy())
        return;
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_view->reset(QString());
    const ParsedPlan plan = PlanFile::readFile(path);
    if (!plan.problems.isEmpty()) {
        m_view->showProblems(plan.problems);
        Q_EMIT diffShown(false);
        return;
    }
    m_view->readDiff(plan.rows, plan.leftOut); // an export's entries no row carries are listed first
}

} // namespace ea::ui
