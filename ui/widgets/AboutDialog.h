#pragma once

#include <QDialog>

namespace ea::ui {

// Help > About: what this build is (version, Qt at run time and at build
// time, platform) and the licences of what ships with it. "Copy" puts the
// version facts on the clipboard for a support ticket.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Qt's version and licence in a window-modal box opened with open(),
    // instead of QApplication::aboutQt()'s nested event loop.
    static void showAboutQt(QWidget *parent);

    // "Enrollment Assigner 0.1.0, Qt 6.4.2 (built with 6.4.2), Debian GNU/Linux 12 (x86_64)".
    static QString versionText();
    static QString licencesText(); // rich text
};

} // namespace ea::ui
