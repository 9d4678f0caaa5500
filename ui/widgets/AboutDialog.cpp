#include "widgets/AboutDialog.h"

#include "widgets/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace ea::ui {

namespace {

QString applicationTitle()
{
    return AboutDialog::tr("Enrollment Assigner");
}

} // namespace

QString AboutDialog::versionText()
{
    return tr("%1 %2, Qt %3 (built with %4), %5 (%6)")
        .arg(applicationTitle(), QStringLiteral(EA_VERSION_STRING), QString::fromLatin1(qVersion()),
            QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
}

QString AboutDialog::licencesText()
{
    // The app's own terms are those of packaging/linux/copyright.
    return tr("<p><b>Enrollment Assigner</b>: © 2026 Enrollment Assigner authors. Not yet published under a "
              "licence: all rights are reserved.</p>"
              "<p><b>Qt %1</b>: GNU Lesser General Public License v3 (LGPLv3), used as shared libraries that "
              "you may replace. Source: <a href=\"https://download.qt.io/\">download.qt.io</a>.</p>"
              "<p><b>QtKeychain</b> (refresh tokens in the system keychain): BSD 3-Clause License.</p>")
        .arg(QString::fromLatin1(qVersion()));
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(applicationTitle()));
    setAccessibleName(windowTitle());

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(appIcon(QStringLiteral("app"), QStyle::SP_ComputerIcon).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(applicationTitle(), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *version = new QLabel(tr("Version %1").arg(QStringLiteral(EA_VERSION_STRING)), this);
    version->setObjectName(QStringLiteral("aboutVersion"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *description
        = new QLabel(tr("Assigns Intune device enrollment configurations through Microsoft Graph."), this);
    description->setObjectName(QStringLiteral("aboutDescription"));
    description->setWordWrap(true);

    auto *facts = new QLabel(this);
    facts->setObjectName(QStringLiteral("aboutFacts"));
    facts->setTextFormat(Qt::PlainText);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts->setText(
        tr("Qt %1 (built with Qt %2)\n%3, %4\nPlatform plugin: %5")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), QSysInfo::prettyProductName(),
                QSysInfo::currentCpuArchitecture(), QGuiApplication::platformName()));

    auto *licences = new QLabel(licencesText(), this);
    licences->setObjectName(QStringLiteral("aboutLicences"));
    licences->setTextFormat(Qt::RichText);
    licences->setWordWrap(true);
    licences->setOpenExternalLinks(true);
    licences->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("aboutCloseButton"));
    close->setAccessibleName(tr("Close"));
    close->setDefault(true);
    auto *copy = buttons->addButton(tr("&Copy version"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyButton"));
    copy->setAccessibleName(tr("Copy the version facts"));
    copy->setToolTip(tr("For a support request: the app, Qt and platform versions"));
    connect(copy, &QPushButton::clicked, this, [] { QGuiApplication::clipboard()->setText(versionText()); });
    auto *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    aboutQt->setAccessibleName(tr("About Qt"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { showAboutQt(this); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addSpacing(6);
    text->addWidget(description);
    text->addSpacing(6);
    text->addWidget(facts);
    text->addSpacing(6);
    text->addWidget(licences);
    text->addStretch(1); // spare height below the text, not between its lines
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    // Wide enough that each licence reads as a line or two, not a column of words.
    setMinimumWidth(fontMetrics().averageCharWidth() * 95);
}

// QApplication::aboutQt() runs a nested event loop (QMessageBox::exec); this
// box says the same in short and is opened with open().
void AboutDialog::showAboutQt(QWidget *parent)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("aboutQtBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Qt"));
    box->setAccessibleName(tr("About Qt"));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>Qt %1</h3><p>Enrollment Assigner is built with Qt %2, a C++ toolkit for cross-platform "
                    "applications.</p>")
                     .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)));
    box->setInformativeText(
        tr("<p>Qt is used here under the GNU Lesser General Public License v3 (LGPLv3): the Qt libraries ship as "
           "shared libraries that you may replace with your own build.</p>"
           "<p>Qt is a product of The Qt Company Ltd. See <a href=\"https://www.qt.io/licensing/\">qt.io/licensing</a> "
           "and <a href=\"https://www.qt.io/\">qt.io</a>.</p>"));
    const QPixmap logo(QStringLiteral(":/qt-project.org/qmessagebox/images/qtlogo-64.png"));
    if (!logo.isNull())
        box->setIconPixmap(logo);
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace ea::ui
