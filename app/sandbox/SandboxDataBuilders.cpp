// Builders of the sandbox's configurations, assignments, targets and groups.

#include "sandbox/SandboxDataBuilders.h"

#include <QDate>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

QString mailNicknameFor(QStringView name)
{
    QString nick;
    nick.reserve(name.size());
    for (const QChar c : name) {
        if (c.unicode() < 0x80 && c.isLetterOrNumber())
            nick.append(c);
    }
    return nick.isEmpty() ? u"group"_s : nick;
}

} // namespace

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject restriction(
    ApiVersion version, bool platformBlocked, bool personalBlocked, const QString &osMin, const QString &osMax)
{
    QJsonObject object {
        {u"platformBlocked"_s, platformBlocked},
        {u"personalDeviceEnrollmentBlocked"_s, personalBlocked},
        {u"osMinimumVersion"_s, stringOrNull(osMin)},
        {u"osMaximumVersion"_s, stringOrNull(osMax)},
    };
    if (version == ApiVersion::Beta) {
        object.insert(u"blockedManufacturers"_s, QJsonArray {});
        object.insert(u"blockedSkus"_s, QJsonArray {});
    }
    return object;
}

void setLimit(SandboxConfiguration &c, int limit)
{
    c.specificV1 = QJsonObject {{u"limit"_s, limit}};
    c.specificBeta = c.specificV1;
}

void setPlatformRestrictions(SandboxConfiguration &c, bool kiosk)
{
    for (const ApiVersion v : {ApiVersion::V1, ApiVersion::Beta}) {
        QJsonObject o {
            {u"androidRestriction"_s, restriction(v, kiosk, true)},
            {u"iosRestriction"_s, restriction(v, false, kiosk)},
            {u"macOSRestriction"_s, restriction(v, kiosk, false)},
            {u"windowsMobileRestriction"_s, restriction(v, true, false)},
            {u"windowsRestriction"_s, restriction(v, false, kiosk, kiosk ? u"10.0.19045"_s : QString())},
        };
        if (v == ApiVersion::Beta) {
            o.insert(u"androidForWorkRestriction"_s, restriction(v, false, false));
            o.insert(u"macRestriction"_s, restriction(v, kiosk, false));
            o.insert(u"tvosRestriction"_s, restriction(v, true, false));
            o.insert(u"visionOSRestriction"_s, restriction(v, true, false));
            o.insert(u"windowsHomeSkuRestriction"_s, restriction(v, kiosk, false));
            c.specificBeta = o;
        } else {
            c.specificV1 = o;
        }
    }
}

void setSinglePlatformRestriction(
    SandboxConfiguration &c, const QString &platform, bool personalBlocked, const QString &osMin)
{
    c.specificV1 = {};
    c.specificBeta = QJsonObject {
        {u"platformType"_s, platform},
        {u"platformRestriction"_s, restriction(ApiVersion::Beta, false, personalBlocked, osMin)},
    };
}

void setWindowsHello(SandboxConfiguration &c, bool enabled, int minPin)
{
    QJsonObject o {
        {u"enhancedBiometricsState"_s, u"notConfigured"_s},
        {u"pinExpirationInDays"_s, 0},
        {u"pinLowercaseCharactersUsage"_s, u"allowed"_s},
        {u"pinMaximumLength"_s, 127},
        {u"pinMinimumLength"_s, minPin},
        {u"pinPreviousBlockCount"_s, 0},
        {u"pinSpecialCharactersUsage"_s, u"allowed"_s},
        {u"pinUppercaseCharactersUsage"_s, u"allowed"_s},
        {u"remotePassportEnabled"_s, false},
        {u"securityDeviceRequired"_s, enabled},
        {u"state"_s, enabled ? u"enabled"_s : u"notConfigured"_s},
        {u"unlockWithBiometricsEnabled"_s, true},
    };
    c.specificV1 = o;
    o.insert(u"enhancedSignInSecurity"_s, 0);
    o.insert(u"securityKeyForSignIn"_s, u"notConfigured"_s);
    c.specificBeta = o;
}

void setEsp(SandboxConfiguration &c, bool showProgress, int timeoutMinutes)
{
    c.specificV1 = QJsonObject {{u"allowNonBlockingAppInstallation"_s, false}};
    c.specificBeta = QJsonObject {
        {u"allowDeviceResetOnInstallFailure"_s, true},
        {u"allowDeviceUseOnInstallFailure"_s, false},
        {u"allowLogCollectionOnInstallFailure"_s, true},
        {u"allowNonBlockingAppInstallation"_s, false},
        {u"blockDeviceSetupRetryByUser"_s, false},
        {u"customErrorMessage"_s,
            u"Setup could not be completed. Please try again or contact your support person for help."_s},
        {u"disableUserStatusTrackingAfterFirstUser"_s, true},
        {u"installProgressTimeoutInMinutes"_s, timeoutMinutes},
        {u"installQualityUpdates"_s, false},
        {u"selectedMobileAppIds"_s, QJsonArray {}},
        {u"showInstallationProgress"_s, showProgress},
        {u"trackInstallProgressForAutopilotOnly"_s, true},
    };
}

void setComanagement(SandboxConfiguration &c)
{
    c.specificV1 = {};
    c.specificBeta = QJsonObject {
        {u"configurationManagerAgentCommandLineArgument"_s,
            u"CCMSETUPCMD=\"CCMHOSTNAME=cmg.contoso.com/CCM_Proxy_MutualAuth/72057594037927940 SMSSiteCode=PS1\""_s},
        {u"installConfigurationManagerAgent"_s, true},
        {u"managedDeviceAuthority"_s, 1},
    };
}

void setNotification(SandboxConfiguration &c, const QString &templateGuid)
{
    c.specificV1 = {};
    c.specificBeta = QJsonObject {
        {u"brandingOptions"_s, u"includeCompanyLogo,includeCompanyName,includeContactInformation"_s},
        {u"defaultLocale"_s, u"en-US"_s},
        {u"notificationMessageTemplateId"_s, templateGuid},
        {u"notificationTemplates"_s, QJsonArray {QString(u"Email_"_s + templateGuid)}},
        {u"platformType"_s, u"windows"_s},
        {u"templateType"_s, u"email"_s},
    };
}

SandboxConfiguration makeDefault(const QString &idSuffix, const QString &type, const QString &typeEnum,
    const QString &family, const QString &description)
{
    SandboxConfiguration c;
    c.id = TenantGuid + u'_' + idSuffix;
    c.odataType = GraphNs + type;
    c.typeEnum = typeEnum;
    c.family = family;
    c.displayName = DefaultDisplayName;
    c.description = description;
    c.priority = 0;
    c.version = 1;
    c.createdDateTime = DefaultsCreated;
    c.lastModifiedDateTime = u"2022-06-21T14:03:27.6591943Z"_s;
    c.isDefault = true;
    return c;
}

SandboxConfiguration makeCustom(const QString &id, const QString &type, const QString &typeEnum, const QString &family,
    const QString &name, const QString &description, int priority, int version, const QString &created,
    const QString &modified)
{
    SandboxConfiguration c;
    c.id = id;
    c.odataType = GraphNs + type;
    c.typeEnum = typeEnum;
    c.family = family;
    c.displayName = name;
    c.description = description;
    c.priority = priority;
    c.version = version;
    c.createdDateTime = created;
    c.lastModifiedDateTime = modified;
    return c;
}

SandboxAssignment assignment(const QString &configId, const QString &guid, const QJsonValue &target,
    const QString &source, const QString &sourceId)
{
    return SandboxAssignment {configId + u'_' + guid, target, source, sourceId, {}};
}

QJsonObject groupTarget(const QString &groupId, bool exclude, const QString &filterId, const QString &filterType)
{
    QJsonObject t = assignmentTarget(exclude ? u"exclusionGroupAssignmentTarget"_s : u"groupAssignmentTarget"_s);
    t.insert(u"groupId"_s, groupId);
    t.insert(u"deviceAndAppManagementAssignmentFilterId"_s, stringOrNull(filterId));
    t.insert(u"deviceAndAppManagementAssignmentFilterType"_s, filterType);
    return t;
}

QJsonObject collectionTarget(const QString &collectionId)
{
    QJsonObject t = assignmentTarget(u"configurationManagerCollectionAssignmentTarget"_s);
    t.insert(u"collectionId"_s, collectionId);
    return t;
}

SandboxGroup makeGroup(
    const QString &id, const QString &name, GroupSeed::Kind kind, const QString &rule, const QString &created)
{
    SandboxGroup g;
    g.id = id;
    g.displayName = name;
    g.folded = caseFolded(name);
    g.mailNickname = mailNicknameFor(name);
    g.createdDateTime = created;
    switch (kind) {
    case GroupSeed::Security: g.description = u"Security group for "_s + name + u'.'; break;
    case GroupSeed::Microsoft365:
        g.description = u"Microsoft 365 group for "_s + name + u'.';
        g.groupTypes = QStringList {u"Unified"_s};
        g.mailEnabled = true;
        g.securityEnabled = false;
        g.mail = g.mailNickname.toLower() + u"@contoso.onmicrosoft.com"_s;
        break;
    case GroupSeed::DynamicDevice:
    case GroupSeed::DynamicUser:
        g.description = (kind == GroupSeed::DynamicDevice ? u"Dynamic device group: "_s : u"Dynamic user group: "_s)
            + name + u'.';
        g.groupTypes = QStringList {u"DynamicMembership"_s};
        g.membershipRule = rule;
        break;
    }
    return g;
}

// Formats by hand: QUuid::toString() is measurably slower when 100,000
// groups are generated at startup.
QString guidFrom(QRandomGenerator &rng)
{
    static constexpr char Hex[] = "0123456789abcdef";
    quint64 hi = rng.generate64();
    quint64 lo = rng.generate64();
    hi = (hi & ~quint64(0xf000)) | 0x4000; // version 4
    lo = (lo & ~(quint64(0xc0) << 56)) | (quint64(0x80) << 56); // RFC 4122 variant
    char buffer[36];
    int out = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            buffer[out++] = '-';
        const quint64 word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        buffer[out++] = Hex[(word >> shift) & 0xf];
    }
    return QString::fromLatin1(buffer, 36);
}

// "YYYY-MM-DDThh:mm:ss.fffffffZ" with Intune's seven fraction digits.
QString timestampFrom(QRandomGenerator &rng, int fromYear)
{
    const QDate date = QDate(fromYear, 1, 1).addDays(rng.bounded(700));
    const int seconds = rng.bounded(86400);
    const int fraction = rng.bounded(10000000);
    char buffer[64];
    const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%07dZ", date.year(),
        date.month(), date.day(), seconds / 3600, (seconds / 60) % 60, seconds % 60, fraction);
    return QString::fromLatin1(buffer, std::clamp(length, 0, int(sizeof buffer) - 1));
}

QJsonObject assignmentTarget(const QString &odataType)
{
    // Stored in beta shape: beta reads show both filter properties on every
    // target; v1.0 serialization strips them.
    return QJsonObject {
        {u"@odata.type"_s, QString(GraphNs + odataType)},
        {u"deviceAndAppManagementAssignmentFilterId"_s, QJsonValue(QJsonValue::Null)},
        {u"deviceAndAppManagementAssignmentFilterType"_s, u"none"_s},
    };
}

QString SandboxGroup::nickname() const
{
    return serial > 0 ? u"grp"_s + QString::number(serial) : mailNickname;
}

QString SandboxGroup::mailAddress() const
{
    if (serial > 0)
        return mailEnabled ? nickname() + u"@contoso.onmicrosoft.com"_s : QString();
    return mail;
}

QString SandboxGroup::created() const
{
    if (serial == 0)
        return createdDateTime;
    // Deterministic from the serial, spread over two years.
    const quint64 n = quint64(serial);
    const QDate date = QDate(2020, 1, 1).addDays(qint64((n * 7919u) % 700u));
    const int seconds = int((n * 104729u) % 86400u);
    const int fraction = int((n * 2654435761u) % 10000000u);
    char buffer[64];
    const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%07dZ", date.year(),
        date.month(), date.day(), seconds / 3600, (seconds / 60) % 60, seconds % 60, fraction);
    return QString::fromLatin1(buffer, std::clamp(length, 0, int(sizeof buffer) - 1));
}

} // namespace ea::sandbox
