#pragma once

#include <QObject>

namespace ea {

// Ctrl+C (SIGINT; on Windows the console's Ctrl+C and Ctrl+Break) turned
// into a signal on the event loop, while watching: a bulk run stops between
// writes instead of dying in the middle of one. The first Ctrl+C is caught;
// watching ends with it, so a second one ends the process as usual. One
// watch at a time in a process.
class InterruptWatch : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatch(QObject *parent = nullptr);
    ~InterruptWatch() override;

    // False when the platform gives no way to catch it (then Ctrl+C ends the process).
    bool start();
    void stop();
    // What a caught Ctrl+C does: stops watching and says so.
    void interrupt();

Q_SIGNALS:
    void interrupted();

private:
    bool m_watching = false;
    QObject *m_notifier = nullptr;
};

} // namespace ea
