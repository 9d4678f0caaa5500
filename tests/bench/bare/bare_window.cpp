// P2/P5 floor: a bare Qt Widgets window, the same size as Enrollment
// Assigner's main window, on the same Qt and platform plugin. It does nothing
// but show itself; the benchmark probe (EA_BENCH_READY=first-paint) times its
// first paint and ends it, exactly as it does for the real GUI.

#include <QApplication>
#include <QWidget>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("bare window"));
    window.resize(1440, 900); // MainWindow's default size
    window.show();
    return QApplication::exec();
}
