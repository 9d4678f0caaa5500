// TokenClaims: the JWT payload read without a signature check, for showing
// who signed in and warning about missing permissions. Data-driven, garbage
// included (it becomes a fuzz target).

#include "auth/TokenClaims.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using ea::auth::TokenClaims;

namespace {

QString b64url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString jwt(const QByteArray &payloadJson)
{
    return b64url(R"({"typ":"JWT","alg":"RS256"})") + u'.' + b64url(payloadJson) + u'.' + b64url("signature");
}

QString jwt(const QJsonObject &payload)
{
    return jwt(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

} // namespace

class TestAuthClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suppliedTokenIsNormalizedTheSameEverywhere_data();
    void suppliedTokenIsNormalizedTheSameEverywhere();
    void readsDelegatedToken();
    void account_data();
    void account();
    void permissions_data();
    void permissions();
    void garbage_data();
    void garbage();
    void randomBytesNeverCrash();
    void paddingAndStandardAlphabetTolerated();
};

void TestAuthClaims::suppliedTokenIsNormalizedTheSameEverywhere_data()
{
    // GRAPH_ACCESS_TOKEN in the GUI and the CLI, --token-file, and the GUI's token dialog all use this.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("token"); // empty: refused
    QTest::addColumn<QString>("problem"); // part of the message when refused
    QTest::newRow("plain") << QStringLiteral("eyJ0.eyJ1.sig") << QStringLiteral("eyJ0.eyJ1.sig") << QString();
    QTest::newRow("whitespace around") << QStringLiteral("  eyJ0.eyJ1.sig \r\n") << QStringLiteral("eyJ0.eyJ1.sig")
                                       << QString();
    QTest::newRow("Bearer from a browser's network tab")
        << QStringLiteral("Bearer eyJ0.eyJ1.sig") << QStringLiteral("eyJ0.eyJ1.sig") << QString();
    QTest::newRow("bearer, any case, extra spaces")
        << QStringLiteral(" bEaReR   eyJ0.eyJ1.sig") << QStringLiteral("eyJ0.eyJ1.sig") << QString();
    QTest::newRow("empty") << QStringLiteral(" \n") << QString() << QStringLiteral("empty");
    QTest::newRow("Bearer alone") << QStringLiteral("Bearer ") << QString() << QStringLiteral("empty");
    QTest::newRow("space inside") << QStringLiteral("eyJ0.eyJ1 .sig") << QString()
                                  << QStringLiteral("spaces, line breaks or non-ASCII");
    QTest::newRow("line break inside") << QStringLiteral("eyJ0.eyJ1\n.sig") << QString()
                                       << QStringLiteral("spaces, line breaks or non-ASCII");
    QTest::newRow("non-ASCII") << QStringLiteral("eyJ0.éyJ1.sig") << QString()
                               << QStringLiteral("spaces, line breaks or non-ASCII");
    QTest::newRow("too long") << QString(70 * 1024, u'a') << QString() << QStringLiteral("longer than 64 KiB");
}

void TestAuthClaims::suppliedTokenIsNormalizedTheSameEverywhere()
{
    QFETCH(QString, text);
    QFETCH(QString, token);
    QFETCH(QString, problem);
    QString why;
    const std::optional<QString> normalized = ea::auth::normalizeSuppliedToken(text, &why);
    if (token.isEmpty()) {
        QVERIFY(!normalized);
        QVERIFY2(why.contains(problem), qPrintable(why));
        QVERIFY2(!why.contains(QStringLiteral("eyJ")), "the text is never repeated");
    } else {
        QVERIFY2(normalized, qPrintable(why));
        QCOMPARE(*normalized, token);
    }
}

void TestAuthClaims::readsDelegatedToken()
{
    const QString token = jwt(QJsonObject {
        {u"aud"_s, u"https://graph.microsoft.com"_s},
        {u"iss"_s, u"https://sts.windows.net/7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37/"_s},
        {u"tid"_s, u"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37"_s},
        {u"oid"_s, u"4f1c2b7e-8d3a-4e6f-9b0c-5a7d2e1f3c48"_s},
        {u"upn"_s, u"admin@contoso.com"_s},
        {u"name"_s, u"Ada Admin"_s},
        {u"appid"_s, u"14d82eec-204b-4c2f-b7e8-296a70dab67e"_s},
        {u"scp"_s, u"DeviceManagementServiceConfig.ReadWrite.All Group.Read.All openid"_s},
        {u"exp"_s, 1900000000},
        {u"iat"_s, 1899996400},
    });
    const TokenClaims c = TokenClaims::fromAccessToken(token);
    QVERIFY2(c.isValid(), qPrintable(c.parseError));
    QCOMPARE(c.account, u"admin@contoso.com"_s);
    QCOMPARE(c.name, u"Ada Admin"_s);
    QCOMPARE(c.tenantId, u"7d3f0c2a-5b1e-4c8a-9f60-2e4d8b1a9c37"_s);
    QCOMPARE(c.objectId, u"4f1c2b7e-8d3a-4e6f-9b0c-5a7d2e1f3c48"_s);
    QCOMPARE(c.audience, u"https://graph.microsoft.com"_s);
    QCOMPARE(c.appId, u"14d82eec-204b-4c2f-b7e8-296a70dab67e"_s);
    QCOMPARE(c.scopes.size(), 3);
    QVERIFY(c.roles.isEmpty());
    QVERIFY(c.isDelegated());
    QCOMPARE(c.expiresAt.toSecsSinceEpoch(), 1900000000);
    QCOMPARE(c.issuedAt.toSecsSinceEpoch(), 1899996400);
    QVERIFY(!c.isExpired(QDateTime::fromSecsSinceEpoch(1899999999, QTimeZone::utc())));
    QVERIFY(c.isExpired(QDateTime::fromSecsSinceEpoch(1900000000, QTimeZone::utc())));
    QVERIFY(c.canWriteEnrollment());
    QVERIFY(c.canSearchGroups());
    QVERIFY(c.missingPermissionsDescription().isEmpty());
    // "Bearer " pasted along is fine.
    QCOMPARE(TokenClaims::fromAccessToken(QString(u"Bearer "_s + token)).account, u"admin@contoso.com"_s);
}

void TestAuthClaims::account_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("account");
    QTest::newRow("upn wins") << QByteArray(R"({"upn":"a@x","preferred_username":"b@x","unique_name":"c@x"})")
                              << u"a@x"_s;
    QTest::newRow("preferred_username") << QByteArray(R"({"preferred_username":"b@x","unique_name":"c@x"})")
                                        << u"b@x"_s;
    QTest::newRow("unique_name") << QByteArray(R"({"unique_name":"live.com#c@x"})") << u"live.com#c@x"_s;
    QTest::newRow("email last") << QByteArray(R"({"email":"d@x"})") << u"d@x"_s;
    QTest::newRow("upn not a string") << QByteArray(R"({"upn":42,"preferred_username":"b@x"})") << u"b@x"_s;
    QTest::newRow("app-only") << QByteArray(R"({"roles":["DeviceManagementServiceConfig.ReadWrite.All"]})")
                              << QString();
}

void TestAuthClaims::account()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, account);
    const TokenClaims c = TokenClaims::fromAccessToken(jwt(payload));
    QVERIFY2(c.isValid(), qPrintable(c.parseError));
    QCOMPARE(c.account, account);
}

void TestAuthClaims::permissions_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("write");
    QTest::addColumn<bool>("read");
    QTest::addColumn<bool>("groups");
    QTest::addColumn<bool>("delegated");

    QTest::newRow("nothing") << QByteArray(R"({"scp":"User.Read"})") << false << false << false << true;
    QTest::newRow("service config rw") << QByteArray(R"({"scp":"DeviceManagementServiceConfig.ReadWrite.All"})") << true
                                       << true << false << true;
    QTest::newRow("configuration rw") << QByteArray(R"({"scp":"DeviceManagementConfiguration.ReadWrite.All"})") << true
                                      << true << false << true;
    QTest::newRow("read only") << QByteArray(R"({"scp":"DeviceManagementServiceConfig.Read.All Group.Read.All"})")
                               << false << true << true << true;
    QTest::newRow("case-insensitive") << QByteArray(R"({"scp":"devicemanagementserviceconfig.readwrite.all"})") << true
                                      << true << false << true;
    QTest::newRow("GroupMember.Read.All")
        << QByteArray(R"({"scp":"GroupMember.Read.All"})") << false << false << true << true;
    QTest::newRow("Directory.Read.All") << QByteArray(R"({"scp":"Directory.Read.All"})") << false << false << true
                                        << true;
    QTest::newRow("Group.ReadWrite.All") << QByteArray(R"({"scp":"Group.ReadWrite.All"})") << false << false << true
                                         << true;
    QTest::newRow("Directory.ReadWrite.All")
        << QByteArray(R"({"scp":"Directory.ReadWrite.All"})") << false << false << true << true;
    QTest::newRow("app roles") << QByteArray(
        R"({"roles":["DeviceManagementConfiguration.ReadWrite.All","Group.Read.All"]})")
                               << true << true << true << false;
    QTest::newRow("extra spaces") << QByteArray(
        R"({"scp":"  Group.Read.All   DeviceManagementServiceConfig.ReadWrite.All "})")
                                  << true << true << true << true;
    QTest::newRow("prefix is not a match")
        << QByteArray(R"({"scp":"DeviceManagementServiceConfig.ReadWrite"})") << false << false << false << true;
    QTest::newRow("scp as array (lenient)")
        << QByteArray(R"({"scp":["Group.Read.All"]})") << false << false << true << true;
    QTest::newRow("roles not an array") << QByteArray(R"({"roles":{"a":1}})") << false << false << false << true;
}

void TestAuthClaims::permissions()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, write);
    QFETCH(bool, read);
    QFETCH(bool, groups);
    QFETCH(bool, delegated);
    const TokenClaims c = TokenClaims::fromAccessToken(jwt(payload));
    QVERIFY2(c.isValid(), qPrintable(c.parseError));
    QCOMPARE(c.canWriteEnrollment(), write);
    QCOMPARE(c.canReadEnrollment(), read);
    QCOMPARE(c.canSearchGroups(), groups);
    QCOMPARE(c.isDelegated(), delegated);
    const QString missing = c.missingPermissionsDescription();
    QCOMPARE(missing.isEmpty(), write && groups);
    if (!write)
        QVERIFY(missing.contains(u"DeviceManagementServiceConfig.ReadWrite.All"_s));
    if (!groups)
        QVERIFY(missing.contains(u"group's object id"_s));
}

void TestAuthClaims::garbage_data()
{
    QTest::addColumn<QString>("token");
    const QString header = b64url(R"({"alg":"none"})");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("Bearer only") << u"Bearer "_s;
    QTest::newRow("opaque") << u"EwBwA8l6BAAU7p9QDpi/D7xJLwsTgCg3TskyTaQAAQ=="_s;
    QTest::newRow("one dot") << u"abc.def"_s;
    QTest::newRow("dots only") << u".."_s;
    QTest::newRow("empty payload") << header + u"..sig"_s;
    QTest::newRow("payload not base64") << header + u".@@@!!.sig"_s;
    QTest::newRow("payload not json") << header + u'.' + b64url("not json") + u".sig"_s;
    QTest::newRow("payload array") << header + u'.' + b64url("[1,2,3]") + u".sig"_s;
    QTest::newRow("payload string") << header + u'.' + b64url("\"x\"") + u".sig"_s;
    QTest::newRow("truncated json") << header + u'.' + b64url(R"({"upn":"a)") + u".sig"_s;
    QTest::newRow("non-latin") << u"ä.ö.ü"_s;
    QTest::newRow("nul bytes") << QString(QChar(0)) + u'.' + QString(QChar(0)) + u'.' + QString(QChar(0));
    QTest::newRow("huge") << QString(TokenClaims::kMaxTokenLength + 10, u'a');
}

void TestAuthClaims::garbage()
{
    QFETCH(QString, token);
    const TokenClaims c = TokenClaims::fromAccessToken(token);
    QVERIFY(!c.isValid());
    QVERIFY(!c.parseError.isEmpty());
    QVERIFY(!c.canWriteEnrollment());
    QVERIFY(!c.canSearchGroups());
    QVERIFY(!c.missingPermissionsDescription().isEmpty());
}

void TestAuthClaims::randomBytesNeverCrash()
{
    // A cheap stand-in for the fuzz target: random payloads, valid base64url,
    // and JSON with wrong types.
    QRandomGenerator rng(20240501);
    const QByteArray fragments[] = {R"({"exp":1e308})", R"({"exp":-1e308})", R"({"exp":"NaN"})", R"({"exp":"12abc"})",
        R"({"iat":null,"exp":[]})", R"({"aud":[]})", R"({"aud":[1,2]})", R"({"scp":null})", R"({"scp":""})", R"({})"};
    for (const QByteArray &f : fragments) {
        const TokenClaims c = TokenClaims::fromAccessToken(jwt(f));
        QVERIFY(c.isValid());
        QVERIFY(!c.expiresAt.isValid() || c.expiresAt.toSecsSinceEpoch() > -4e11);
    }
    for (int i = 0; i < 2000; ++i) {
        QByteArray bytes(rng.bounded(1, 200), Qt::Uninitialized);
        for (char &b : bytes)
            b = char(rng.bounded(256));
        const TokenClaims a = TokenClaims::fromAccessToken(QString::fromLatin1(bytes));
        const TokenClaims b = TokenClaims::fromAccessToken(jwt(bytes));
        Q_UNUSED(a);
        Q_UNUSED(b);
    }
}

void TestAuthClaims::paddingAndStandardAlphabetTolerated()
{
    // '?' and '>' in the JSON give '/' and '+' in standard base64.
    const QByteArray payload = R"({"upn":"a?>>?@x","tid":"t"})";
    const QString padded = QString::fromLatin1(payload.toBase64());
    QVERIFY(padded.contains(u'=') || padded.contains(u'+') || padded.contains(u'/'));
    const TokenClaims c = TokenClaims::fromAccessToken(QString(u"h."_s + padded + u".s"_s));
    QVERIFY2(c.isValid(), qPrintable(c.parseError));
    QCOMPARE(c.account, u"a?>>?@x"_s);
}

QTEST_GUILESS_MAIN(TestAuthClaims)
#include "tst_authclaims.moc"
