// Token stores: the in-memory fake, splitting for small keychain entries,
// the fallback to memory when there is no keychain (with the notice), and
// the real qtkeychain store as it behaves on the machine running the test.

#include "auth/KeychainTokenStore.h"
#include "auth/SystemTokenStore.h"
#include "auth/TokenStore.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace ea::auth;

namespace {

// Runs the event loop until the callback fired; returns its result.
template<typename T, typename Call> std::optional<AuthResult<T>> await(Call call, int timeoutMs = 30000)
{
    std::optional<AuthResult<T>> out;
    call([&out](const AuthResult<T> &r) { out.emplace(r); });
    QElapsedTimer timer;
    timer.start();
    while (!out && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    return out;
}

std::optional<QString> loadFrom(TokenStore &store, const QString &key)
{
    const auto r = await<std::optional<QString>>([&](auto cb) { store.load(key, cb); });
    if (!r || !*r)
        return std::nullopt;
    return r->value();
}

// The keychain module of this build (ea_keychain), which createSystemTokenStore
// would look for next to the program.
QStringList builtModule()
{
    return {QStringLiteral(EA_KEYCHAIN_MODULE_PATH)};
}

QString randomKey()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16);
}

AuthError unavailable()
{
    return AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainUnavailable,
        u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s);
}

} // namespace

class TestAuthTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStoreSyncAndAsync_data();
    void memoryStoreSyncAndAsync();
    void chunkingSplitsAndReassembles_data();
    void chunkingSplitsAndReassembles();
    void chunkingCleansUpOldParts();
    void chunkingReportsMissingPart();
    void fallbackDegradesToMemoryWithNotice();
    void fallbackKeepsKeychainAfterAccessDenied();
    void fallbackPrefersSessionCopy();
    void keychainErrorsClassified();
    void keychainIsTouchedLazily();
    void systemStoreOnThisMachine();
};

void TestAuthTokenStore::memoryStoreSyncAndAsync_data()
{
    QTest::addColumn<bool>("asynchronous");
    QTest::newRow("sync") << false;
    QTest::newRow("async") << true;
}

void TestAuthTokenStore::memoryStoreSyncAndAsync()
{
    QFETCH(bool, asynchronous);
    MemoryTokenStore store;
    store.setAsynchronous(asynchronous);
    QVERIFY(!store.isPersistent());
    QVERIFY(!loadFrom(store, u"k"_s));
    bool calledInside = false;
    bool inside = true;
    store.save(u"k"_s, u"0.A+B/C=="_s, [&](const AuthResult<SaveReceipt> &r) {
        QVERIFY(r);
        QVERIFY(!r.value().persistent);
        calledInside = inside;
    });
    inside = false;
    QTRY_COMPARE(store.saveCount(), 1);
    QCOMPARE(calledInside, !asynchronous);
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"0.A+B/C=="_s));
    QVERIFY(await<Done>([&](auto cb) { store.remove(u"k"_s, cb); })->ok());
    QVERIFY(!loadFrom(store, u"k"_s));
    // Removing what is not there is fine.
    QVERIFY(await<Done>([&](auto cb) { store.remove(u"k"_s, cb); })->ok());
    // Injected failures.
    store.failNextOperations(1, unavailable());
    const auto failed = await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"v"_s, cb); });
    QVERIFY(failed && !failed->ok());
    QCOMPARE(failed->error().reason, AuthError::Reason::KeychainUnavailable);
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"v"_s, cb); })->ok());
}

void TestAuthTokenStore::chunkingSplitsAndReassembles_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("expectedEntries");
    QTest::newRow("fits") << 2560 << 1;
    QTest::newRow("one over") << 2561 << 3; // manifest + 2 parts
    QTest::newRow("typical large RT") << 6000 << 4; // manifest + 3 parts
}

void TestAuthTokenStore::chunkingSplitsAndReassembles()
{
    QFETCH(int, length);
    QFETCH(int, expectedEntries);
    auto inner = std::make_unique<MemoryTokenStore>();
    inner->setAsynchronous(true);
    MemoryTokenStore *raw = inner.get();
    ChunkingTokenStore store(std::move(inner), 2560);
    QString secret;
    for (int i = 0; i < length; ++i)
        secret += QLatin1Char("AZaz09+/=-._"[i % 12]);
    const auto saved = await<SaveReceipt>([&](auto cb) { store.save(u"key"_s, secret, cb); });
    QVERIFY(saved && saved->ok());
    QCOMPARE(raw->keys().size(), expectedEntries);
    for (const QString &k : raw->keys())
        QVERIFY(raw->peek(k)->toUtf8().size() <= 2560);
    QCOMPARE(loadFrom(store, u"key"_s), std::optional<QString>(secret));
    QVERIFY(await<Done>([&](auto cb) { store.remove(u"key"_s, cb); })->ok());
    QVERIFY(raw->keys().isEmpty());
}

void TestAuthTokenStore::chunkingCleansUpOldParts()
{
    auto inner = std::make_unique<MemoryTokenStore>();
    MemoryTokenStore *raw = inner.get();
    ChunkingTokenStore store(std::move(inner), 100);
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, QString(450, u'x'), cb); })->ok());
    QCOMPARE(raw->keys().size(), 6); // manifest + 5
    // Rotation to a shorter token: the stale parts go.
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, QString(150, u'y'), cb); })->ok());
    QCOMPARE(raw->keys().size(), 3);
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(QString(150, u'y')));
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"short"_s, cb); })->ok());
    QCOMPARE(raw->keys(), QStringList {u"k"_s});
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"short"_s));
    // Multi-byte characters are never cut in half.
    const QString umlauts(300, u'ä');
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"u"_s, umlauts, cb); })->ok());
    QCOMPARE(loadFrom(store, u"u"_s), std::optional<QString>(umlauts));
}

void TestAuthTokenStore::chunkingReportsMissingPart()
{
    auto inner = std::make_unique<MemoryTokenStore>();
    MemoryTokenStore *raw = inner.get();
    ChunkingTokenStore store(std::move(inner), 100);
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, QString(250, u'x'), cb); })->ok());
    raw->remove(ChunkingTokenStore::chunkKey(u"k"_s, 2), [](const AuthResult<ea::Done> &) {});
    const auto r = await<std::optional<QString>>([&](auto cb) { store.load(u"k"_s, cb); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, AuthError::Kind::Storage);
}

void TestAuthTokenStore::fallbackDegradesToMemoryWithNotice()
{
    auto primary = std::make_unique<MemoryTokenStore>();
    primary->failNextOperations(1000, unavailable());
    FallbackTokenStore store(std::move(primary));
    QSignalSpy degraded(&store, &FallbackTokenStore::degraded);
    QVERIFY(store.isPersistent()); // until proven otherwise
    const auto saved = await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"rt"_s, cb); });
    QVERIFY(saved && saved->ok()); // sign-in is never failed by storage
    QVERIFY(!saved->value().persistent);
    QVERIFY2(saved->value().notice.startsWith(u"keychain unavailable: the sign-in lasts for this session only"_s),
        qPrintable(saved->value().notice));
    QVERIFY(saved->value().notice.contains(u"D-Bus"_s));
    QCOMPARE(degraded.count(), 1);
    QVERIFY(!store.isPersistent());
    QCOMPARE(store.persistenceNotice(), saved->value().notice);
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"rt"_s));
    QVERIFY(await<Done>([&](auto cb) { store.remove(u"k"_s, cb); })->ok());
    QVERIFY(!loadFrom(store, u"k"_s));
    QCOMPARE(degraded.count(), 1); // once
}

void TestAuthTokenStore::fallbackKeepsKeychainAfterAccessDenied()
{
    auto primary = std::make_unique<MemoryTokenStore>();
    MemoryTokenStore *raw = primary.get();
    primary->failNextOperations(1,
        AuthError::local(AuthError::Kind::Storage, AuthError::Reason::KeychainAccessDenied,
            u"the keychain denied access: user said no"_s));
    FallbackTokenStore store(std::move(primary));
    const auto saved = await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"rt1"_s, cb); });
    QVERIFY(saved && saved->ok());
    QVERIFY(!saved->value().persistent);
    QVERIFY(saved->value().notice.contains(u"denied"_s));
    QVERIFY(store.isPersistent()); // the keychain is tried again next time
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"rt1"_s));
    const auto again = await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"rt2"_s, cb); });
    QVERIFY(again && again->ok());
    QCOMPARE(raw->peek(u"k"_s), std::optional<QString>(u"rt2"_s));
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"rt2"_s));
}

void TestAuthTokenStore::fallbackPrefersSessionCopy()
{
    auto primary = std::make_unique<MemoryTokenStore>();
    MemoryTokenStore *raw = primary.get();
    raw->save(u"k"_s, u"old"_s, [](const AuthResult<SaveReceipt> &) {});
    raw->failNextOperations(1, AuthError::local(AuthError::Kind::Storage, AuthError::Reason::Other, u"busy"_s));
    FallbackTokenStore store(std::move(primary));
    QVERIFY(await<SaveReceipt>([&](auto cb) { store.save(u"k"_s, u"new"_s, cb); })->ok());
    // The keychain still holds "old"; the session copy is the newest.
    QCOMPARE(loadFrom(store, u"k"_s), std::optional<QString>(u"new"_s));
}

void TestAuthTokenStore::keychainErrorsClassified()
{
    // QKeychain::Error values: 5 NoBackendAvailable, 6 NotImplemented, 7 OtherError,
    // 3 AccessDeniedByUser, 4 AccessDenied, 2 CouldNotDeleteEntry.
    QCOMPARE(KeychainTokenStore::errorFromKeychain(7, u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s).reason,
        AuthError::Reason::KeychainUnavailable);
    QCOMPARE(KeychainTokenStore::errorFromKeychain(5, {}).reason, AuthError::Reason::KeychainUnavailable);
    QCOMPARE(KeychainTokenStore::errorFromKeychain(6, {}).reason, AuthError::Reason::KeychainUnavailable);
    QCOMPARE(KeychainTokenStore::errorFromKeychain(3, {}).reason, AuthError::Reason::KeychainAccessDenied);
    QCOMPARE(KeychainTokenStore::errorFromKeychain(4, {}).reason, AuthError::Reason::KeychainAccessDenied);
    QCOMPARE(KeychainTokenStore::errorFromKeychain(2, {}).reason, AuthError::Reason::Other);
}

void TestAuthTokenStore::keychainIsTouchedLazily()
{
    // Creating the store starts no keychain job (no prompt, no D-Bus at
    // start-up); jobs are children of the store while they run.
    const std::unique_ptr<FallbackTokenStore> system
        = createSystemTokenStore(u"Enrollment Assigner (test)"_s, builtModule());
    QVERIFY(system->isPersistent());
    KeychainTokenStore keychain(u"Enrollment Assigner (test)"_s);
    QTest::qWait(50);
    QVERIFY(keychain.findChildren<QObject *>().isEmpty());
    bool done = false;
    keychain.load(u"tst_authtokenstore/absent/"_s + randomKey(), [&done](const auto &) { done = true; });
    QVERIFY(!done);
    QCOMPARE(keychain.findChildren<QObject *>().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
#ifdef Q_OS_WIN
    QVERIFY(keychainEntryLimit() == 0 || keychainEntryLimit() == 2560);
#else
    QCOMPARE(keychainEntryLimit(), qsizetype(0));
#endif
}

void TestAuthTokenStore::systemStoreOnThisMachine()
{
    // Documents what the keychain does here. On a headless Linux machine
    // (no D-Bus session, no $DISPLAY) qtkeychain answers OtherError and the
    // store degrades to memory with the notice; with a keychain the secret
    // is persisted and read back.
    const QString service = u"Enrollment Assigner (test)"_s;
    const QString key = u"tst_authtokenstore/"_s + randomKey();
    const std::unique_ptr<FallbackTokenStore> store = createSystemTokenStore(service, builtModule());
    QElapsedTimer timer;
    timer.start();
    const auto saved = await<SaveReceipt>([&](auto cb) { store->save(key, u"0.secret+/=="_s, cb); }, 60000);
    const qint64 ms = timer.elapsed();
    QVERIFY(saved);
    QVERIFY(saved->ok()); // never fails: keychain or memory
    qInfo().noquote() << "keychain save took" << ms << "ms; persistent:" << saved->value().persistent
                      << "notice:" << saved->value().notice;
    if (!saved->value().persistent) {
        QVERIFY(saved->value().notice.startsWith(u"keychain unavailable"_s));
        QVERIFY(store->isDegraded());
    }
    QCOMPARE(loadFrom(*store, key), std::optional<QString>(u"0.secret+/=="_s));
    QVERIFY(await<Done>([&](auto cb) { store->remove(key, cb); }, 60000)->ok());
    QVERIFY(!loadFrom(*store, key));
}

QTEST_GUILESS_MAIN(TestAuthTokenStore)
#include "tst_authtokenstore.moc"
