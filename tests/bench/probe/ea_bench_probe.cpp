// libea_bench_probe.so: measures a Qt Widgets program from the outside, so
// the benchmarks time the real start-up path of enrollment-assigner without
// a single line of it changed. Loaded with LD_PRELOAD; it does nothing until
// QCoreApplication is operational (Qt's startup hook in qtHookData, the
// mechanism GammaRay and Squish use), then watches events through an
// application event filter. The bare peers are measured with the same probe,
// so any cost it adds is on both sides of a ratio.
//
// Environment:
//   EA_BENCH_READY=first-paint            ready at the first paint of any widget
//   EA_BENCH_READY=view:NAME:ROWS         ready when the viewport of the item view
//                                         with objectName NAME paints with >= ROWS rows
//   EA_BENCH_AFTER_READY=quit             (default) exit(0) once ready
//   EA_BENCH_AFTER_READY=idle:MS          stay idle MS ms, read the RSS, then exit(0)
//   EA_BENCH_HEARTBEAT_MS=N               measure event-loop stalls: a helper thread
//                                         posts a call every N ms and records how long
//                                         each waited, from the end of the first paint
//                                         (the window is on screen) until ready
//   EA_BENCH_OUT=PATH                     where the one JSON result line goes (default stderr)
//
// Times are CLOCK_MONOTONIC in nanoseconds (the harness takes its own
// CLOCK_MONOTONIC reading just before it starts the process).

#include <QAbstractEventDispatcher>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QApplication>
#include <QByteArray>
#include <QEvent>
#include <QFile>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <malloc.h>
#include <mutex>
#include <thread>

extern quintptr Q_CORE_EXPORT qtHookData[];

namespace {

// From qhooks_p.h (a private Qt header, stable since Qt 5.4): index 5 is the
// startup callback, called once QCoreApplication is operational.
constexpr int kStartupHookIndex = 5;
using StartupCallback = void (*)();

qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Status
{
    qint64 rssKb = -1;
    qint64 hwmKb = -1;
    qint64 anonKb = -1;
};

Status readStatus()
{
    Status s;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return s;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const auto value = [&line] {
            return line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toLongLong();
        };
        if (line.startsWith("VmRSS:"))
            s.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            s.hwmKb = value();
        else if (line.startsWith("RssAnon:"))
            s.anonKb = value();
    }
    return s;
}

class Heartbeat
{
public:
    explicit Heartbeat(int periodMs)
        : m_periodMs(periodMs)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~Heartbeat() { stop(); }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    // Longest wait of a posted call, and the waits over the threshold, in ms.
    double maxLagMs() const { return m_maxLagNs.load() / 1e6; }
    QList<double> lagsOver(double ms)
    {
        std::lock_guard lock(m_mutex);
        QList<double> out;
        for (qint64 lag : std::as_const(m_lags))
            if (lag / 1e6 > ms)
                out.append(lag / 1e6);
        return out;
    }
    int beats() const { return m_beats.load(); }
    void setRecording(bool on) { m_recording.store(on); }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_answered = false;
            const qint64 sent = monotonicNs();
            lock.unlock();
            QCoreApplication *app = QCoreApplication::instance();
            if (!app)
                return;
            QMetaObject::invokeMethod(
                app,
                [this, sent] {
                    const qint64 lag = monotonicNs() - sent;
                    std::lock_guard guard(m_mutex);
                    if (m_recording.load()) {
                        ++m_beats;
                        if (lag > m_maxLagNs.load())
                            m_maxLagNs.store(lag);
                        if (lag > 20'000'000)
                            m_lags.append(lag);
                    }
                    m_answered = true;
                    m_cv.notify_all();
                },
                Qt::QueuedConnection);
            lock.lock();
            // One call in flight at a time: its wait is the stall.
            m_cv.wait(lock, [this] { return m_answered || m_stop; });
            m_cv.wait_for(lock, std::chrono::milliseconds(m_periodMs), [this] { return m_stop; });
        }
    }

    int m_periodMs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_answered = false;
    std::atomic<bool> m_recording {false};
    std::atomic<qint64> m_maxLagNs {0};
    std::atomic<int> m_beats {0};
    QList<qint64> m_lags;
};

class Probe : public QObject
{
public:
    Probe()
    {
        m_appNs = monotonicNs();
        const QByteArray ready = qgetenv("EA_BENCH_READY");
        if (ready.startsWith("view:")) {
            const QList<QByteArray> parts = ready.split(':');
            m_viewName = QString::fromLatin1(parts.value(1));
            m_minRows = parts.value(2).toInt();
        } else {
            m_firstPaintIsReady = true;
        }
        const QByteArray after = qgetenv("EA_BENCH_AFTER_READY");
        if (after.startsWith("idle:"))
            m_idleMs = after.mid(5).toInt();
        else if (after == "stay")
            m_stay = true;
        m_out = qgetenv("EA_BENCH_OUT");
        const int heartbeat = qEnvironmentVariableIntValue("EA_BENCH_HEARTBEAT_MS");
        if (heartbeat > 0) {
            m_heartbeat = new Heartbeat(heartbeat);
        }
        QTimer::singleShot(0, this, [this] { m_loopNs = monotonicNs(); });
        qApp->installEventFilter(this);
        connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { finish(); });
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_readyPending || m_readyNs)
            return false;
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget)
            return false;
        const qint64 now = monotonicNs();
        if (!m_firstPaintNs) {
            m_firstPaintNs = now;
            // Stalls count once the window is on screen, after this first paint.
            if (m_heartbeat)
                QTimer::singleShot(0, this, [this] { m_heartbeat->setRecording(!m_readyNs); });
        }
        bool ready = m_firstPaintIsReady;
        if (!ready && widget->parentWidget() && widget->parentWidget()->objectName() == m_viewName) {
            auto *view = qobject_cast<QAbstractItemView *>(widget->parentWidget());
            if (view && view->viewport() == widget && view->model()) {
                m_rows = view->model()->rowCount();
                ready = m_rows >= m_minRows;
            }
        }
        if (ready) {
            m_readyPaintNs = now;
            m_readyPending = true;
            // After this paint and the flush that follows it in the same turn.
            QTimer::singleShot(0, this, [this] { onReady(); });
        }
        return false;
    }

private:
    void onReady()
    {
        m_readyNs = monotonicNs();
        if (m_heartbeat)
            m_heartbeat->setRecording(false);
        m_readyStatus = readStatus();
        if (m_stay)
            return;
        if (m_idleMs > 0) {
            QTimer::singleShot(m_idleMs, this, [this] {
                m_idleStatus = readStatus();
                malloc_trim(0);
                m_trimmedStatus = readStatus();
                QCoreApplication::exit(0);
            });
            return;
        }
        QCoreApplication::exit(0);
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        QList<double> stalls;
        double maxLag = -1;
        int beats = 0;
        if (m_heartbeat) {
            m_heartbeat->stop();
            stalls = m_heartbeat->lagsOver(50.0);
            maxLag = m_heartbeat->maxLagMs();
            beats = m_heartbeat->beats();
        }
        QByteArray stallText;
        for (double s : std::as_const(stalls))
            stallText += (stallText.isEmpty() ? "" : ",") + QByteArray::number(s, 'f', 1);
        const QByteArray line = "{\"app_ns\":" + QByteArray::number(m_appNs) + ",\"loop_ns\":"
            + QByteArray::number(m_loopNs) + ",\"first_paint_ns\":" + QByteArray::number(m_firstPaintNs)
            + ",\"ready_paint_ns\":" + QByteArray::number(m_readyPaintNs)
            + ",\"ready_ns\":" + QByteArray::number(m_readyNs) + ",\"rows\":" + QByteArray::number(m_rows)
            + ",\"rss_ready_kb\":" + QByteArray::number(m_readyStatus.rssKb) + ",\"anon_ready_kb\":"
            + QByteArray::number(m_readyStatus.anonKb) + ",\"rss_idle_kb\":" + QByteArray::number(m_idleStatus.rssKb)
            + ",\"anon_idle_kb\":" + QByteArray::number(m_idleStatus.anonKb) + ",\"rss_trimmed_kb\":"
            + QByteArray::number(m_trimmedStatus.rssKb) + ",\"hwm_kb\":" + QByteArray::number(readStatus().hwmKb)
            + ",\"max_lag_ms\":" + QByteArray::number(maxLag, 'f', 2) + ",\"beats\":" + QByteArray::number(beats)
            + ",\"stalls_over_50ms\":[" + stallText + "]}\n";
        FILE *out = m_out.isEmpty() ? stderr : std::fopen(m_out.constData(), "a");
        if (out) {
            std::fwrite(line.constData(), 1, size_t(line.size()), out);
            if (out != stderr)
                std::fclose(out);
        }
    }

    qint64 m_appNs = 0;
    qint64 m_loopNs = 0;
    qint64 m_firstPaintNs = 0;
    qint64 m_readyPaintNs = 0;
    qint64 m_readyNs = 0;
    int m_rows = -1;
    bool m_firstPaintIsReady = false;
    QString m_viewName;
    int m_minRows = 1;
    bool m_readyPending = false;
    bool m_stay = false;
    bool m_finished = false;
    int m_idleMs = 0;
    QByteArray m_out;
    Heartbeat *m_heartbeat = nullptr;
    Status m_readyStatus;
    Status m_idleStatus;
    Status m_trimmedStatus;
};

StartupCallback g_nextStartupHook = nullptr;

void onQtStartup()
{
    if (g_nextStartupHook)
        g_nextStartupHook();
    // Only Widgets programs: the probe needs paint events.
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        new Probe; // lives until the process ends; writes its line on aboutToQuit
}

__attribute__((constructor)) void installStartupHook()
{
    g_nextStartupHook = reinterpret_cast<StartupCallback>(qtHookData[kStartupHookIndex]);
    qtHookData[kStartupHookIndex] = reinterpret_cast<quintptr>(&onQtStartup);
}

} // namespace
