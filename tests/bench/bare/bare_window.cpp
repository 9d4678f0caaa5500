// P2/P5 floor: a bare Qt Widgets window, the same size as Enrollment
// Assigner's main window, on the same Qt and platform plugin. It does nothing
// but show itself; the benchmark probe (EA_BENCH_READY=first-paint) times its
// first paint and ends it, exactly as it does for the real GUI.
//
// With --text it also shows one line of text in a QLabel: the floor of a
// first paint that shows any text at all (the font database is set up, one
// font is loaded and one line is shaped), which the plain window never pays.

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare window"));
    window.resize(1440, 900); // MainWindow's default size
    if (QApplication::arguments().contains(QStringLiteral("--text"))) {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QLabel(QStringLiteral("Enrollment configurations"), &window));
        layout->addStretch();
    }
    window.show();
    return QApplication::exec();
}
