// InputFile: the files an admin hands the app are read whole or refused with
// a sentence naming the file: a folder, a file that does not exist, a file
// larger than any plan or export can be (never read into memory), and a JSON
// file that is not one of this app's exports.

#include "domain/InputFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ea;

class TestInputFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAFileWhole();
    void refusesAFolderAMissingFileAndAnOversizedOne();
    void anExportMustBeOneOfThisApps();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString TestInputFile::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestInputFile::readsAFileWhole()
{
    QString problem;
    const std::optional<QByteArray> bytes
        = InputFile::read(write(u"plan.csv"_s, "a,b\n1,2\n"), u"The plan"_s, &problem);
    QVERIFY2(bytes, qPrintable(problem));
    QCOMPARE(*bytes, QByteArray("a,b\n1,2\n"));
}

void TestInputFile::refusesAFolderAMissingFileAndAnOversizedOne()
{
    QString problem;
    QVERIFY(!InputFile::read(m_dir.path(), u"The plan"_s, &problem));
    QVERIFY2(problem.startsWith(u"The plan "_s + m_dir.path() + u" cannot be read"_s), qPrintable(problem));

    const QString missing = m_dir.filePath(u"missing.json"_s);
    QVERIFY(!InputFile::read(missing, u"The export"_s, &problem));
    QVERIFY2(problem.startsWith(u"The export "_s + missing + u" cannot be read"_s), qPrintable(problem));

    // Sparse: one byte past the limit without writing 64 MiB.
    const QString big = m_dir.filePath(u"disk.img"_s);
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(InputFile::kMaxBytes + 1));
    file.close();
    QVERIFY(!InputFile::read(big, u"The plan"_s, &problem));
    QVERIFY2(problem.contains(u"is larger than 64 MB"_s), qPrintable(problem));
}

void TestInputFile::anExportMustBeOneOfThisApps()
{
    QString problem;
    const QString other = write(u"other.json"_s, R"({"value": []})");
    QVERIFY(!InputFile::readExport(other, &problem));
    QVERIFY2(problem.startsWith(other + u" is not an export of this app: "_s), qPrintable(problem));

    const QString ours = write(u"ours.json"_s,
        R"({"format": "enrollment-assigner-export", "version": 1, "exportedAt": "2026-12-03T10:00:00Z",
            "tenant": "", "graphVersion": "beta", "configurations": [], "groups": {}})");
    const std::optional<TenantExport> document = InputFile::readExport(ours, &problem);
    QVERIFY2(document, qPrintable(problem));
    QVERIFY(document->configurations.isEmpty());
}

QTEST_GUILESS_MAIN(TestInputFile)
#include "tst_inputfile.moc"
