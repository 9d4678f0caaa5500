#include "audit/AuditJournal.h"

#include "Logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <optional>

#if defined(Q_OS_WIN)
#include <qt_windows.h>

#include <io.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace ea {

QStringList PriorityRecord::orderBeforeIds() const
{
    QStringList ids;
    for (const QJsonValue &entry : orderBefore)
        ids << entry.toObject().value(QLatin1StringView("id")).toString();
    return ids;
}

namespace {

// Long enough for another process's append (one write and one sync) to end,
// short enough that a wedged lock holder is reported instead of hanging.
constexpr int kLockWaitMs = 10000;

// The one place the platforms differ: the bytes must be on stable storage,
// not only in the OS cache, before the write they record goes out.
bool flushToStableStorage(int fd)
{
#if defined(Q_OS_WIN)
    // QFile::handle() is a CRT descriptor over the file's HANDLE (or -1, which
    // _get_osfhandle would hand to the CRT's invalid-parameter handler, ending
    // the process). FlushFileBuffers needs the HANDLE and write access, which
    // the append opening gives.
    return fd >= 0 && FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(fd))) != 0;
#elif defined(Q_OS_DARWIN)
    // fsync on macOS leaves the data in the drive's cache; F_FULLFSYNC does
    // not. Some file systems (network shares) refuse it: then fsync.
    return ::fcntl(fd, F_FULLFSYNC) == 0 || ::fsync(fd) == 0;
#else
    return ::fsync(fd) == 0;
#endif
}

std::atomic<quint64> g_stableSyncs {0};

bool syncToDisk(QFile &file)
{
    ++g_stableSyncs;
    return file.flush() && flushToStableStorage(file.handle());
}

// A new file's name lives in its folder: sync the folder too (POSIX only;
// Windows has no directory handle to sync and does not need one).
void syncFolder(const QString &folder)
{
#if !defined(Q_OS_WIN)
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        flushToStableStorage(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder)
#endif
}

// QLockFile::tryLock(timeout) sleeps 100 ms, then longer and longer between
// tries: a process appending often (the CLI in a script loop) would retake
// the lock every time and starve the other. Short, slightly random waits
// give both their turn.
void waitBeforeTryingAgain()
{
    QThread::usleep(500 + QRandomGenerator::global()->bounded(1500));
}

bool takeLock(QLockFile &lock)
{
    QDeadlineTimer deadline(kLockWaitMs);
    while (!lock.tryLock(0)) {
        if (lock.error() != QLockFile::LockFailedError || deadline.hasExpired())
            return false;
        waitBeforeTryingAgain();
    }
    return true;
}

// Held around one whole append (the torn-line check, the write, the sync):
// two programs appending at once take turns, line by line.
//
// On Linux and macOS it is flock() on the journal's own descriptor: the
// kernel drops it when the descriptor closes or its process dies, so there
// is nothing to create, sync, delete or take over. The lock file <journal>.lock
// (QLockFile) it replaced cost a file creation, an fdatasync and an unlink on
// every append: more than the journal's own fsync. Elsewhere (Windows) and on
// a file system that refuses flock(), the lock file is still used.
//
// Versions before this one lock <journal>.lock only, so one of them and this
// one appending at the same instant do not wait for each other: each line is
// still one append-mode write, placed at the end by the OS, so lines do not
// mix; only the torn-line check of the two could race.
class AppendLock
{
public:
    enum class Result { Held, Busy, Failed };

    Result take(QFile &journal, const QString &journalPath)
    {
#if !defined(Q_OS_WIN)
        QDeadlineTimer deadline(kLockWaitMs);
        for (;;) {
            if (::flock(journal.handle(), LOCK_EX | LOCK_NB) == 0)
                return Result::Held;
            if (errno == EINTR)
                continue;
            if (errno != EWOULDBLOCK)
                break; // no flock() here (some network shares): the lock file instead
            if (deadline.hasExpired())
                return Result::Busy;
            waitBeforeTryingAgain();
        }
#else
        Q_UNUSED(journal)
#endif
        m_lockFile.emplace(AuditJournal::lockPathFor(journalPath));
        if (takeLock(*m_lockFile))
            return Result::Held;
        return m_lockFile->error() == QLockFile::LockFailedError ? Result::Busy : Result::Failed;
    }

    bool usesLockFile() const
    {
        return m_lockFile.has_value();
    }

private:
    std::optional<QLockFile> m_lockFile;
};

// Whether the journal ends in a line break. Read through the appending
// descriptor on POSIX: a second descriptor closed while the lock is held
// would drop it where flock() is emulated with fcntl() locks (NFS).
bool endsWithLineBreak(QFile &file, const QString &path)
{
    const qint64 size = file.size();
    if (size <= 0)
        return true;
#if !defined(Q_OS_WIN)
    Q_UNUSED(path)
    char last = 0;
    return ::pread(file.handle(), &last, 1, size - 1) != 1 || last == '\n';
#else
    QFile reader(path);
    return !(reader.open(QIODevice::ReadOnly) && reader.seek(size - 1) && reader.read(1) != "\n");
#endif
}

constexpr QFile::Permissions kOwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOwnerOnlyFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

// Creates the missing folders of path, each 0700; folders that exist keep
// their permissions (a --journal in /tmp must not change /tmp).
bool makeOwnerOnlyPath(const QString &path)
{
    QStringList missing;
    QString folder = QDir::cleanPath(path);
    while (!QFileInfo::exists(folder)) {
        missing.prepend(folder);
        const QString parent = QFileInfo(folder).path();
        if (parent == folder)
            break;
        folder = parent;
    }
    for (const QString &m : std::as_const(missing)) {
        if (!QDir().mkdir(m, kOwnerOnlyFolder) && !QFileInfo(m).isDir())
            return false;
    }
    return QFileInfo(path).isDir();
}

} // namespace

namespace {

// The journal's words for each enum value; the file format, never translated.
constexpr std::pair<AuditAction, QLatin1StringView> kActionWords[] = {
    {AuditAction::Create, QLatin1StringView("create")},
    {AuditAction::AssignFullList, QLatin1StringView("assign-full-list")},
    {AuditAction::Delete, QLatin1StringView("delete")},
    {AuditAction::SetPriority, QLatin1StringView("set-priority")},
};
constexpr std::pair<AuditOutcome, QLatin1StringView> kOutcomeWords[] = {
    {AuditOutcome::Pending, QLatin1StringView("pending")},
    {AuditOutcome::Succeeded, QLatin1StringView("succeeded")},
    {AuditOutcome::Failed, QLatin1StringView("failed")},
    {AuditOutcome::Unknown, QLatin1StringView("unknown")},
};

template<typename Enum, std::size_t N>
QString wordFor(const std::pair<Enum, QLatin1StringView> (&words)[N], Enum value, const QString &other)
{
    for (const auto &[v, word] : words) {
        if (v == value)
            return QString(word);
    }
    return other;
}

template<typename Enum, std::size_t N>
Enum valueFor(const std::pair<Enum, QLatin1StringView> (&words)[N], const QString &word, Enum other)
{
    for (const auto &[v, w] : words) {
        if (word == w)
            return v;
    }
    return other;
}

const QString kUndoOf = QStringLiteral("undoOf");
const QString kBefore = QStringLiteral("before");
const QString kSentKept = QStringLiteral("sentKept");
const QString kSentAdded = QStringLiteral("sentAdded");
const QString kRequestedPriority = QStringLiteral("requestedPriority");
const QString kPreviousPriority = QStringLiteral("previousPriority");
const QString kOrderBefore = QStringLiteral("orderBefore");
const QString kOrderAfter = QStringLiteral("orderAfter");

} // namespace

QString AuditEntry::phaseName() const
{
    return phase == AuditPhase::Result ? QStringLiteral("result") : QStringLiteral("attempt");
}

QString AuditEntry::actionName() const
{
    return wordFor(kActionWords, action, otherAction);
}

QString AuditEntry::outcomeName() const
{
    return wordFor(kOutcomeWords, outcome, otherOutcome);
}

QString AuditEntry::targetText() const
{
    return target ? targetSpec(*target) : targetSummary;
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o {
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("operationId"), operationId},
        {QStringLiteral("phase"), phaseName()},
        {QStringLiteral("action"), actionName()},
        {QStringLiteral("tenant"), tenant},
        {QStringLiteral("cloud"), cloud},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("configurationId"), configurationId},
        {QStringLiteral("configurationName"), configurationName},
        {QStringLiteral("target"), targetText()},
        {QStringLiteral("outcome"), outcomeName()},
    };
    if (!assignmentId.isEmpty())
        o.insert(QStringLiteral("assignmentId"), assignmentId);
    if (httpStatus)
        o.insert(QStringLiteral("httpStatus"), httpStatus);
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("requestId"), requestId);
    if (!clientRequestId.isEmpty())
        o.insert(QStringLiteral("clientRequestId"), clientRequestId);
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!runId.isEmpty())
        o.insert(QStringLiteral("runId"), runId);
    QJsonObject details = otherDetails;
    if (fullList) {
        details.insert(kBefore, fullList->before);
        details.insert(kSentKept, fullList->sentKept);
        details.insert(kSentAdded, fullList->sentAdded);
    }
    if (priority) {
        details.insert(kRequestedPriority, priority->requested);
        details.insert(kPreviousPriority, priority->previous);
        details.insert(kOrderBefore, priority->orderBefore);
        if (!priority->orderAfter.isEmpty())
            details.insert(kOrderAfter, priority->orderAfter);
    }
    if (!undoOf.isEmpty())
        details.insert(kUndoOf, undoOf);
    if (!details.isEmpty())
        o.insert(QStringLiteral("details"), details);
    return o;
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.operationId = o.value(QStringLiteral("operationId")).toString();
    // Older lines and foreign ones: anything but "result" opened a write.
    e.phase = o.value(QStringLiteral("phase")).toString() == u"result" ? AuditPhase::Result : AuditPhase::Attempt;
    const QString action = o.value(QStringLiteral("action")).toString();
    e.action = valueFor(kActionWords, action, AuditAction::Other);
    if (e.action == AuditAction::Other)
        e.otherAction = action;
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    e.outcome = valueFor(kOutcomeWords, outcome, AuditOutcome::Other);
    if (e.outcome == AuditOutcome::Other)
        e.otherOutcome = outcome;
    e.tenant = o.value(QStringLiteral("tenant")).toString();
    e.cloud = o.value(QStringLiteral("cloud")).toString();
    e.apiVersion = o.value(QStringLiteral("apiVersion")).toString();
    e.configurationId = o.value(QStringLiteral("configurationId")).toString();
    e.configurationName = o.value(QStringLiteral("configurationName")).toString();
    const QString target = o.value(QStringLiteral("target")).toString();
    AssignmentTarget parsed;
    QString problem;
    // Kept as text unless it reads back to exactly the same words.
    if (parseTargetSpec(target, &parsed, &problem) && targetSpec(parsed) == target)
        e.target = parsed;
    else
        e.targetSummary = target;
    e.assignmentId = o.value(QStringLiteral("assignmentId")).toString();
    e.httpStatus = o.value(QStringLiteral("httpStatus")).toInt();
    e.requestId = o.value(QStringLiteral("requestId")).toString();
    e.clientRequestId = o.value(QStringLiteral("clientRequestId")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.runId = o.value(QStringLiteral("runId")).toString();
    QJsonObject details = o.value(QStringLiteral("details")).toObject();
    e.undoOf = details.take(kUndoOf).toString();
    if (details.contains(kBefore) || details.contains(kSentKept) || details.contains(kSentAdded)) {
        e.fullList = FullListRecord {
            details.take(kBefore).toArray(), details.take(kSentKept).toArray(), details.take(kSentAdded).toArray()};
    }
    // Only this version's own shape: a newer version's details under the
    // same names stay in otherDetails, as read.
    if (e.action == AuditAction::SetPriority && details.value(kRequestedPriority).isDouble()
        && details.value(kPreviousPriority).isDouble() && details.value(kOrderBefore).isArray()
        && (!details.contains(kOrderAfter) || !details.value(kOrderAfter).toArray().isEmpty())) {
        e.priority = PriorityRecord {details.take(kRequestedPriority).toInt(), details.take(kPreviousPriority).toInt(),
            details.take(kOrderBefore).toArray(), details.take(kOrderAfter).toArray()};
    }
    e.otherDetails = details;
    return e;
}

QList<AuditOperation> groupByOperation(const QList<AuditEntry> &entries)
{
    QList<AuditOperation> rows;
    QHash<QString, qsizetype> rowOf;
    for (const AuditEntry &e : entries) {
        const bool isResult = e.phase == AuditPhase::Result;
        qsizetype index = e.operationId.isEmpty() ? -1 : rowOf.value(e.operationId, -1);
        if (index < 0 || (isResult ? rows[index].hasResult : rows[index].hasAttempt)) {
            index = rows.size();
            rows.append(AuditOperation {});
            if (!e.operationId.isEmpty())
                rowOf.insert(e.operationId, index);
        }
        AuditOperation &row = rows[index];
        if (isResult) {
            row.result = e;
            row.hasResult = true;
        } else {
            row.attempt = e;
            row.hasAttempt = true;
        }
    }
    std::stable_sort(rows.begin(), rows.end(),
        [](const AuditOperation &a, const AuditOperation &b) { return a.first().time < b.first().time; });
    return rows;
}

AuditJournal::AuditJournal(QString filePath)
    : m_filePath(std::move(filePath))
{ }

QString AuditJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.jsonl");
}

QString AuditJournal::sandboxPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox-audit.jsonl");
}

quint64 AuditJournal::stableStorageSyncs()
{
    return g_stableSyncs.load();
}

QString AuditJournal::lockPathFor(const QString &journalPath)
{
    return journalPath + QStringLiteral(".lock");
}

bool AuditJournal::append(const AuditEntry &entry, QString *error)
{
    const auto fail = [this, error](const QString &why) {
        qCWarning(lcAudit) << "could not append to" << m_filePath << ":" << why;
        if (error)
            *error = why;
        return false;
    };
    const QFileInfo info(m_filePath);
    if (!makeOwnerOnlyPath(info.absolutePath()))
        return fail(QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));

    QFile file(m_filePath);
    const bool created = !file.exists();
    // Append mode: the OS positions every write at the end, so earlier lines
    // are never touched. Created owner-only; one an older version made
    // world-readable is tightened. Read access on POSIX for the torn-line check.
#if !defined(Q_OS_WIN)
    constexpr QIODevice::OpenMode kMode = QIODevice::ReadWrite | QIODevice::Append;
#else
    constexpr QIODevice::OpenMode kMode = QIODevice::WriteOnly | QIODevice::Append;
#endif
    if (!file.open(kMode, kOwnerOnlyFile))
        return fail(file.errorString());
#if !defined(Q_OS_WIN)
    if (!created
        && file.permissions().testAnyFlags(QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::WriteOther | QFile::ExeOther))
        file.setPermissions(kOwnerOnlyFile);
#endif

    AppendLock lock;
    switch (lock.take(file, m_filePath)) {
    case AppendLock::Result::Held: break;
    case AppendLock::Result::Busy:
        return fail(lock.usesLockFile()
                ? QStringLiteral("The journal %1 is locked by another program (its lock file %2 stayed for %3 s).")
                      .arg(m_filePath, lockPathFor(m_filePath))
                      .arg(kLockWaitMs / 1000)
                : QStringLiteral("The journal %1 is locked by another program (for more than %2 s).")
                      .arg(m_filePath)
                      .arg(kLockWaitMs / 1000));
    case AppendLock::Result::Failed:
        return fail(QStringLiteral("Cannot create the lock file %1.").arg(lockPathFor(m_filePath)));
    }

    // A line left torn by a crash would swallow this entry's start: begin on a fresh line.
    QByteArray line;
    if (!endsWithLineBreak(file, m_filePath))
        line += '\n';
    line += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    // An attempt is on stable storage before its request goes out: a crash or
    // a power loss after sending leaves it, and the write reads as
    // interrupted / unknown. A result line is handed to the OS (a crash of
    // this process does not lose it) but not synced, because losing it to a
    // power loss or an OS crash within seconds of the write costs nothing but
    // the outcome's record: the write then reads as interrupted / unknown,
    // as after a crash mid-request, and the admin checks the tenant.
    // Nothing decides what to send from the journal: a write re-reads Graph
    // before any re-send (AssignmentService), a plan re-run reads the tenant
    // (PlanRunner), History and `history` only show the journal, and the one
    // thing offered from a result line, History's undo of a priority change,
    // needs a result that says succeeded (without it, no undo is offered).
    // The next attempt's sync covers the whole file, this result included.
    const bool durable = entry.phase != AuditPhase::Result;
    if (file.write(line) != line.size() || !(durable ? syncToDisk(file) : file.flush()))
        return fail(file.errorString());
    if (created)
        syncFolder(info.absolutePath());
    qCDebug(lcAudit) << entry.phaseName() << entry.actionName() << entry.operationId << "journalled in" << m_filePath;
    return true;
}

QList<AuditEntry> AuditJournal::readAll(int *skippedLines) const
{
    QList<AuditEntry> entries;
    int skipped = 0;
    QFile file(m_filePath);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            QJsonParseError parseError {};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                ++skipped;
                continue;
            }
            entries.append(AuditEntry::fromJson(doc.object()));
        }
    }
    if (skipped > 0)
        qCInfo(lcAudit) << skipped << "unreadable line(s) skipped in" << m_filePath;
    if (skippedLines)
        *skippedLines = skipped;
    return entries;
}

} // namespace ea
