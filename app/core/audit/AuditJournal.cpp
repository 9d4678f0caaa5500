#include "audit/AuditJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QStandardPaths>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace ea {

namespace {

bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

} // namespace

QJsonObject AuditEntry::toJson() const
{
    QJsonObject o{
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("operationId"), operationId},
        {QStringLiteral("phase"), phase},
        {QStringLiteral("action"), action},
        {QStringLiteral("tenant"), tenant},
        {QStringLiteral("cloud"), cloud},
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("configurationId"), configurationId},
        {QStringLiteral("configurationName"), configurationName},
        {QStringLiteral("target"), target},
        {QStringLiteral("outcome"), outcome},
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
    if (!details.isEmpty())
        o.insert(QStringLiteral("details"), details);
    return o;
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.operationId = o.value(QStringLiteral("operationId")).toString();
    e.phase = o.value(QStringLiteral("phase")).toString();
    e.action = o.value(QStringLiteral("action")).toString();
    e.tenant = o.value(QStringLiteral("tenant")).toString();
    e.cloud = o.value(QStringLiteral("cloud")).toString();
    e.apiVersion = o.value(QStringLiteral("apiVersion")).toString();
    e.configurationId = o.value(QStringLiteral("configurationId")).toString();
    e.configurationName = o.value(QStringLiteral("configurationName")).toString();
    e.target = o.value(QStringLiteral("target")).toString();
    e.assignmentId = o.value(QStringLiteral("assignmentId")).toString();
    e.outcome = o.value(QStringLiteral("outcome")).toString();
    e.httpStatus = o.value(QStringLiteral("httpStatus")).toInt();
    e.requestId = o.value(QStringLiteral("requestId")).toString();
    e.clientRequestId = o.value(QStringLiteral("clientRequestId")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.details = o.value(QStringLiteral("details")).toObject();
    return e;
}

QList<AuditOperation> groupByOperation(const QList<AuditEntry> &entries)
{
    QList<AuditOperation> rows;
    QHash<QString, qsizetype> rowOf;
    for (const AuditEntry &e : entries) {
        const bool isResult = e.phase == QLatin1String("result");
        qsizetype index = e.operationId.isEmpty() ? -1 : rowOf.value(e.operationId, -1);
        if (index < 0 || (isResult ? rows[index].hasResult : rows[index].hasAttempt)) {
            index = rows.size();
            rows.append(AuditOperation{});
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
    std::stable_sort(rows.begin(), rows.end(), [](const AuditOperation &a, const AuditOperation &b) {
        return a.first().time < b.first().time;
    });
    return rows;
}

AuditJournal::AuditJournal(QString filePath) : m_filePath(std::move(filePath)) {}

QString AuditJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/audit.jsonl");
}

bool AuditJournal::append(const AuditEntry &entry, QString *error)
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error)
            *error = QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath());
        return false;
    }
    QFile file(m_filePath);
    // Append mode: the OS positions every write at the end, so earlier lines
    // are never touched even if two processes append at once.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // A line left torn by a crash would swallow this entry's start: begin on a fresh line.
    QByteArray line;
    if (file.size() > 0) {
        QFile reader(m_filePath);
        if (reader.open(QIODevice::ReadOnly) && reader.seek(reader.size() - 1) && reader.read(1) != "\n")
            line += '\n';
    }
    line += QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !syncToDisk(file)) {
        if (error)
            *error = file.errorString();
        return false;
    }
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
            QJsonParseError parseError{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                ++skipped;
                continue;
            }
            entries.append(AuditEntry::fromJson(doc.object()));
        }
    }
    if (skippedLines)
        *skippedLines = skipped;
    return entries;
}

} // namespace ea
