// The keychain is loaded only when a stored sign-in is read or written
// (issue 15, P1): qtkeychain brings QtDBus, libdbus, libsystemd and libgcrypt
// on Linux, nine of the CLI's 38 libraries, which a command with a supplied
// token never needs. These tests fail if the CLI links them again, if a token
// command loads them, or if the on-demand load stops working or stops saying
// which file it looked for.
//
// The checks of the executable read what the dynamic loader does (ldd,
// LD_DEBUG=files), so they run on Linux only and report themselves skipped
// elsewhere.

#include "auth/SystemTokenStore.h"
#include "auth/TenantProfile.h"
#include "sandbox/SandboxServer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace ea::auth;

namespace {

const QString kModulePath = QStringLiteral(EA_KEYCHAIN_MODULE_PATH);
const QString kService = u"Enrollment Assigner (test)"_s;

// Runs the event loop until the callback fired; returns its result.
template<typename T, typename Call> std::optional<AuthResult<T>> await(Call call, int timeoutMs = 60000)
{
    std::optional<AuthResult<T>> out;
    call([&out](const AuthResult<T> &r) { out.emplace(r); });
    QDeadlineTimer deadline(timeoutMs);
    while (!out && !deadline.hasExpired())
        QTest::qWait(5);
    return out;
}

#ifdef Q_OS_LINUX
const QString kCli = QStringLiteral(EA_CLI_EXECUTABLE);

// What a stored sign-in brings, by library name.
const QStringList kKeychainLibraries {
    u"libQt6DBus"_s, u"libdbus-1"_s, u"qt6keychain"_s, QFileInfo(kModulePath).completeBaseName()};

// Which of `names` appear in `text` (library paths or names, one a line or not).
QStringList present(const QString &text, const QStringList &names)
{
    QStringList found;
    for (const QString &name : names) {
        if (text.contains(name))
            found.append(name);
    }
    return found;
}

// The files mapped into this process (/proc/self/maps), as one text.
QString mappedFiles()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(maps.readAll());
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err; // the CLI's messages and the loader's LD_DEBUG lines
    QStringList loaded; // every object the loader opened, from LD_DEBUG=files
};

// Runs the CLI with LD_DEBUG=files and a home of its own (no real settings,
// no token from the environment).
CliRun runCli(const QStringList &arguments, const QString &home, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LD_DEBUG"_s, u"files"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    env.remove(u"GRAPH_ACCESS_TOKEN"_s);
    process.setProcessEnvironment(env);
    process.start(kCli, arguments);
    CliRun run;
    if (!process.waitForStarted(30000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    // "  1234:\tfile=libQt6DBus.so.6 [0];  needed by ..." and
    // "  1234:\tfile=/path/libea_keychain.so [0];  dynamically loaded by ..."
    static const QRegularExpression file(u"^\\s*\\d+:\\s+file=(\\S+) \\["_s, QRegularExpression::MultilineOption);
    for (auto it = file.globalMatch(run.err); it.hasNext();)
        run.loaded.append(it.next().captured(1));
    run.loaded.removeDuplicates();
    return run;
}
#endif

} // namespace

class TestKeychainOnDemand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliLinksNoKeychain();
    void tokenCommandsLoadNoKeychain();
    void storedSignInLoadsTheKeychain();
    void modulePathsStartNextToTheProgram();
    void missingModuleSaysWhereItLooked();
    void moduleLoadsOnFirstUseOnly();

private:
    QTemporaryDir m_home;
};

void TestKeychainOnDemand::cliLinksNoKeychain()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the dynamic loader's list of libraries (ldd): Linux only");
#else
    // Everything the CLI loads at start, directly or through another library.
    QProcess ldd;
    ldd.start(u"ldd"_s, {kCli});
    QVERIFY2(ldd.waitForFinished(30000), "ldd did not finish");
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    QCOMPARE(ldd.exitCode(), 0);
    QVERIFY2(libraries.contains(u"libQt6Core"_s), qPrintable(libraries)); // ldd did list them
    QVERIFY2(!libraries.contains(u"not found"_s), qPrintable(libraries));
    const QStringList linked = present(libraries, kKeychainLibraries + QStringList {u"libsystemd"_s, u"libgcrypt"_s});
    QVERIFY2(linked.isEmpty(),
        qPrintable(u"the CLI links %1 again; only the keychain module (%2) may:\n%3"_s.arg(
            linked.join(u", "_s), kModulePath, libraries)));
#endif
}

void TestKeychainOnDemand::tokenCommandsLoadNoKeychain()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the dynamic loader's trace (LD_DEBUG): Linux only");
#else
    QVERIFY(m_home.isValid());
    // The built-in sandbox tenant, and a supplied token against a served one.
    const CliRun inProcess = runCli({u"--sandbox"_s, u"configs"_s}, m_home.path());
    QVERIFY2(inProcess.exitCode == 0, qPrintable(inProcess.err.right(2000)));
    QVERIFY2(inProcess.out.contains(u"_DefaultLimit"_s), qPrintable(inProcess.out));

    ea::sandbox::SandboxThread server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const CliRun served = runCli({u"--graph-url"_s, server.url().toString(), u"--token-file"_s, u"-"_s, u"configs"_s},
        m_home.path(), server.accessToken().toUtf8());
    QVERIFY2(served.exitCode == 0, qPrintable(served.err.right(2000)));
    QVERIFY2(served.out.contains(u"_DefaultLimit"_s), qPrintable(served.out));

    for (const CliRun *run : {&inProcess, &served}) {
        const QString loaded = run->loaded.join(u'\n');
        QVERIFY2(loaded.contains(u"libQt6Network"_s), qPrintable(loaded)); // the trace is there
        const QStringList keychain = present(loaded, kKeychainLibraries);
        QVERIFY2(
            keychain.isEmpty(), qPrintable(u"a token command loaded %1:\n%2"_s.arg(keychain.join(u", "_s), loaded)));
    }
#endif
}

void TestKeychainOnDemand::storedSignInLoadsTheKeychain()
{
#ifndef Q_OS_LINUX
    QSKIP("reads the dynamic loader's trace (LD_DEBUG): Linux only");
#else
    // A profile without a stored refresh token: 'status' looks in the
    // keychain (which loads the module) and finds nothing, or no keychain.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    {
        QSettings settings(
            home.path() + u"/.config/Enrollment Assigner/Enrollment Assigner.conf"_s, QSettings::IniFormat);
        ProfileStore profiles(&settings);
        TenantProfile profile;
        profile.displayName = u"Keychain test"_s;
        profile.tenant = u"7c0e2b8a-4f1d-4e6a-9b3c-2d5e8f9a1b0c"_s;
        profile.clientId = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;
        profile.loginRootOverride = u"http://127.0.0.1:9"_s; // never contacted: nothing to redeem
        QVERIFY2(profile.validate().isEmpty(), qPrintable(profile.validate()));
        profiles.setActiveProfileId(profiles.save(profile));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    const CliRun run = runCli({u"status"_s}, home.path());
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err.right(3000))); // not signed in
    QVERIFY2(run.out.contains(u"Keychain test"_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"There is no saved sign-in"_s), qPrintable(run.err.right(3000)));
    QVERIFY2(!run.err.contains(u"keychain module could not be loaded"_s), qPrintable(run.err.right(3000)));
    const QString loaded = run.loaded.join(u'\n');
    QVERIFY2(present(loaded, kKeychainLibraries) == kKeychainLibraries, qPrintable(loaded));
#endif
}

void TestKeychainOnDemand::modulePathsStartNextToTheProgram()
{
    const QStringList paths = keychainModulePaths();
    QVERIFY(!paths.isEmpty());
    const QString file = QFileInfo(kModulePath).fileName();
    QCOMPARE(paths.first(), QDir(QCoreApplication::applicationDirPath()).filePath(file));
    for (const QString &path : paths)
        QVERIFY2(path.endsWith(u'/' + file), qPrintable(path));
    QCOMPARE(paths.size(), QSet<QString>(paths.cbegin(), paths.cend()).size());
#ifdef Q_OS_LINUX
    // Then where the packages put it (packaging/Install.cmake): a private
    // folder under lib/, relative to bin/.
    QCOMPARE(paths.size(), 2);
    QVERIFY2(paths.last().endsWith(u"/enrollment-assigner/plugins/"_s + file) && paths.last().contains(u"/lib"_s),
        qPrintable(paths.last()));
#endif
}

void TestKeychainOnDemand::missingModuleSaysWhereItLooked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QFileInfo(kModulePath).fileName());
    const QString notAPlugin = dir.filePath(u"not-a-plugin.so"_s);
    {
        QFile junk(notAPlugin);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a shared library");
    }

    OnDemandKeychainStore store(kService, {missing, notAPlugin});
    const auto saved = await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"secret"_s, cb); });
    QVERIFY(saved);
    QVERIFY(!saved->ok());
    const AuthError error = saved->error();
    QCOMPARE(error.reason, AuthError::Reason::KeychainUnavailable);
    QVERIFY2(error.message.contains(u"keychain module could not be loaded"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(QDir::toNativeSeparators(missing)), qPrintable(error.message));
    QVERIFY2(error.message.contains(QDir::toNativeSeparators(notAPlugin)), qPrintable(error.message));
    QVERIFY(!error.nextStep.isEmpty());
    QVERIFY(!store.isLoaded());
    // Every later call gives the same answer without trying again.
    const auto loaded = await<std::optional<QString>>([&](auto cb) { store.load(u"k"_s, cb); });
    QVERIFY(loaded && !loaded->ok());
    QCOMPARE(loaded->error().message, error.message);
    QVERIFY(await<Done>([&](auto cb) { store.remove(u"k"_s, cb); })->error().reason
        == AuthError::Reason::KeychainUnavailable);

    // What the app uses keeps the sign-in in memory and says why, as when
    // the keychain has no backend.
    const std::unique_ptr<FallbackTokenStore> system = createSystemTokenStore(kService, {missing});
    const auto receipt = await<SaveReceipt>([&](auto cb) { system->save(u"k"_s, u"secret"_s, cb); });
    QVERIFY(receipt && receipt->ok());
    QVERIFY(!receipt->value().persistent);
    QVERIFY2(receipt->value().notice.startsWith(u"keychain unavailable"_s), qPrintable(receipt->value().notice));
    QVERIFY2(receipt->value().notice.contains(QDir::toNativeSeparators(missing)), qPrintable(receipt->value().notice));
    QVERIFY(system->isDegraded());
    const auto back = await<std::optional<QString>>([&](auto cb) { system->load(u"k"_s, cb); });
    QVERIFY(back && back->ok());
    QCOMPARE(back->value(), std::optional<QString>(u"secret"_s));
}

void TestKeychainOnDemand::moduleLoadsOnFirstUseOnly()
{
#ifdef Q_OS_LINUX
    // Nothing in this test program links the keychain.
    QVERIFY2(present(mappedFiles(), kKeychainLibraries).isEmpty(), qPrintable(mappedFiles()));
#endif
    OnDemandKeychainStore store(kService, {kModulePath});
    QTest::qWait(20);
    QVERIFY(!store.isLoaded());
#ifdef Q_OS_LINUX
    QVERIFY(present(mappedFiles(), kKeychainLibraries).isEmpty());
#endif

    // A round trip through the module: persisted and read back where there
    // is a keychain; without one (a headless machine) qtkeychain's own
    // error, never a failure to load the module.
    const QString key = u"tst_keychain_on_demand/"_s + QString::number(QRandomGenerator::global()->generate64(), 16);
    const auto saved = await<SaveReceipt>([&](auto cb) { store.save(key, u"0.secret+/=="_s, cb); });
    QVERIFY(saved);
    QVERIFY(store.isLoaded());
#ifdef Q_OS_LINUX
    QVERIFY2(present(mappedFiles(), kKeychainLibraries) == kKeychainLibraries, qPrintable(mappedFiles()));
#endif
    if (!saved->ok()) {
        const AuthError &error = saved->error();
        qInfo().noquote() << "no keychain here:" << error.message;
        QVERIFY2(!error.message.contains(u"keychain module"_s), qPrintable(error.message));
        QVERIFY2(error.reason == AuthError::Reason::KeychainUnavailable
                || error.reason == AuthError::Reason::KeychainAccessDenied,
            qPrintable(error.message));
        return;
    }
    QVERIFY(saved->value().persistent);
    const auto loaded = await<std::optional<QString>>([&](auto cb) { store.load(key, cb); });
    QVERIFY(loaded && loaded->ok());
    QCOMPARE(loaded->value(), std::optional<QString>(u"0.secret+/=="_s));
    QVERIFY(await<Done>([&](auto cb) { store.remove(key, cb); })->ok());
    const auto gone = await<std::optional<QString>>([&](auto cb) { store.load(key, cb); });
    QVERIFY(gone && gone->ok());
    QVERIFY(!gone->value());
}

QTEST_GUILESS_MAIN(TestKeychainOnDemand)
#include "tst_keychain_on_demand.moc"
