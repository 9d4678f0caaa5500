#include "widgets/FullListConfirmationDialog.h"

#include "models/FullListPlanModel.h"
#include "widgets/ListTableView.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ea::ui {

FullListConfirmationDialog::FullListConfirmationDialog(
    const FullListPlan &plan, const QString &intro, std::function<void(bool)> answer, QWidget *parent)
    : QDialog(parent)
    , m_answer(std::move(answer))
    , m_model(new FullListPlanModel(this))
{
    setObjectName(QStringLiteral("fullListConfirmationDialog"));
    setAccessibleName(tr("Confirm sending the full list of assignments"));
    setWindowTitle(tr("Send the full list of assignments?"));
    m_model->setPlan(plan);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("“%1” needs the full list").arg(plan.configurationName), this);
    heading->setObjectName(QStringLiteral("fullListHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);

    auto *introLabel = new QLabel(intro, this);
    introLabel->setObjectName(QStringLiteral("fullListIntroLabel"));
    introLabel->setTextFormat(Qt::PlainText);
    introLabel->setWordWrap(true);

    m_summary = new QLabel(plan.summary(), this);
    m_summary->setObjectName(QStringLiteral("fullListSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(heading);
    if (!plan.changedSinceApproval.isEmpty()) {
        // The admin approved a list that is no longer the tenant's: say so first.
        auto *changed = new QLabel(tr("The assignments changed after you approved, so nothing was sent. This is "
                                      "the list as it is now. What changed: %1")
                                       .arg(plan.changedSinceApproval),
            this);
        changed->setObjectName(QStringLiteral("fullListChangedLabel"));
        changed->setTextFormat(Qt::PlainText);
        changed->setWordWrap(true);
        changed->setTextInteractionFlags(Qt::TextSelectableByMouse);
        changed->setAccessibleName(tr("The list changed since you approved"));
        changed->setAccessibleDescription(changed->text());
        QFont changedFont = changed->font();
        changedFont.setBold(true);
        changed->setFont(changedFont);
        textColumn->addWidget(changed);
    }
    textColumn->addWidget(introLabel);
    textColumn->addWidget(m_summary);
    if (!plan.notes.isEmpty()) {
        auto *notes = new QLabel(plan.notes.join(u'\n'), this);
        notes->setObjectName(QStringLiteral("fullListNotesLabel"));
        notes->setTextFormat(Qt::PlainText);
        notes->setWordWrap(true);
        notes->setAccessibleName(tr("Note"));
        notes->setAccessibleDescription(notes->text());
        textColumn->addWidget(notes);
    }
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(textColumn, 1);

    auto *listCaption = new QLabel(m_model->count(FullListPlanModel::Change::Removed) > 0
            ? tr("The list that will be sent. Intune deletes the rows marked “Removed”:")
            : tr("The list that will be sent:"),
        this);
    listCaption->setTextFormat(Qt::PlainText);
    listCaption->setWordWrap(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("fullListTargetsView"));
    m_view->setAccessibleName(tr("Assignments in the full list"));
    m_view->setModel(m_model);
    setUpListTableView(m_view); // Tab moves on to the buttons
    m_view->horizontalHeader()->setSectionResizeMode(FullListPlanModel::ChangeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        FullListPlanModel::TargetTypeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FullListPlanModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(FullListPlanModel::SubjectColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(FullListPlanModel::SourceColumn, QHeaderView::ResizeToContents);
    listCaption->setBuddy(m_view);

    auto *verify = new QLabel(tr("Kept assignments are sent exactly as read, filters and policy-set sources included. "
                                 "Right before sending, the app reads the list again and sends nothing if it "
                                 "changed; afterwards it reads it back and reports any difference. The write is "
                                 "recorded in the History."),
        this);
    verify->setTextFormat(Qt::PlainText);
    verify->setWordWrap(true);

    m_requestButton = new QToolButton(this);
    m_requestButton->setObjectName(QStringLiteral("fullListRequestButton"));
    m_requestButton->setAccessibleName(tr("Show the request"));
    m_requestButton->setText(tr("Show the &request"));
    m_requestButton->setCheckable(true);
    m_requestButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_requestButton->setArrowType(Qt::RightArrow);
    m_requestButton->setAutoRaise(true);

    m_request = new QPlainTextEdit(this);
    m_request->setObjectName(QStringLiteral("fullListRequestText"));
    m_request->setAccessibleName(tr("The request that will be sent"));
    m_request->setReadOnly(true);
    m_request->setTabChangesFocus(true);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_request->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_request->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_request->setPlainText(plan.request.toText());
    m_request->setVisible(false);
    connect(m_requestButton, &QToolButton::toggled, this, [this](bool shown) {
        m_request->setVisible(shown);
        m_requestButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        m_requestButton->setText(shown ? tr("Hide the &request") : tr("Show the &request"));
        // Grow to fit the request instead of squeezing it under the buttons.
        layout()->activate();
        const int wanted = sizeHint().height();
        if (height() < wanted)
            resize(width(), wanted);
    });

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("fullListButtons"));
    m_sendButton = buttons->addButton(tr("&Send the full list"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("sendFullListButton"));
    m_sendButton->setAccessibleName(tr("Send the full list"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelFullListButton"));
    m_cancelButton->setAccessibleName(tr("Cancel, send nothing"));
    // Enter does not replace a tenant's list by accident: Cancel is the default.
    m_sendButton->setAutoDefault(false);
    m_cancelButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(4);
    layout->addWidget(listCaption);
    layout->addWidget(m_view);
    layout->addWidget(verify);
    layout->addWidget(m_requestButton, 0, Qt::AlignLeft);
    layout->addWidget(m_request, 1);
    layout->addStretch(0); // takes the slack while the request is hidden
    layout->addWidget(buttons);

    // As tall as the list (up to eight rows; longer lists scroll); the request takes what is left.
    const int rows = std::clamp(m_model->rowCount(), 2, 8);
    const int listHeight = m_view->horizontalHeader()->sizeHint().height()
        + m_view->verticalHeader()->defaultSectionSize() * rows + 2 * m_view->frameWidth() + 2;
    m_view->setMinimumHeight(listHeight);
    m_view->setMaximumHeight(listHeight);
    m_request->setMinimumHeight(m_request->fontMetrics().lineSpacing() * 10);
    resize(760, sizeHint().height());
    m_cancelButton->setFocus();
}

FullListConfirmationDialog::~FullListConfirmationDialog()
{
    answer(false); // destroyed unanswered (the window closed): nothing is sent
}

void FullListConfirmationDialog::setGroupNames(const QHash<QString, GroupName> &names)
{
    m_model->setGroupNames(names);
}

QStringList FullListConfirmationDialog::groupIds() const
{
    return m_model->groupIds();
}

QString FullListConfirmationDialog::summaryText() const
{
    return m_summary->text();
}

QString FullListConfirmationDialog::requestText() const
{
    return m_request->toPlainText();
}

void FullListConfirmationDialog::done(int result)
{
    QDialog::done(result);
    answer(result == QDialog::Accepted);
}

void FullListConfirmationDialog::answer(bool send)
{
    if (!m_answer)
        return;
    const auto answerOnce = std::move(m_answer);
    m_answer = nullptr;
    answerOnce(send);
}

} // namespace ea::ui
