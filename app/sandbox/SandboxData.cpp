// The sandbox tenant's seed data. Everything here is fixed (hard-coded ids) so
// tests, screenshots and bug reports can name things; the benchmark extras
// are generated in SandboxGeneratedData.cpp.

#include "sandbox/SandboxDataBuilders.h"

#include <QJsonArray>

#include <array>

using namespace Qt::StringLiterals;

namespace ea::sandbox {

namespace {

// Names are chosen to break naive clients: apostrophes (OData '' escaping),
// accents and emoji (UTF-8 and percent-encoding), '+', '&', '%' and '#'
// (query-string encoding), shared prefixes (startswith), a lower-case name
// (case-insensitive search) and a duplicated display name.
constexpr std::array<GroupSeed, 41> BaseGroups {{
    {u"376361c8-1bd2-4385-9005-7bc966f578a6", u"Sales – EMEA", GroupSeed::Security, nullptr},
    {u"7998f934-c5ac-4677-a46d-64b9887ade00", u"Sales – APAC", GroupSeed::Security, nullptr},
    {u"f4679303-af20-4b9e-b4b4-a279d80ad68c", u"Sales – Americas", GroupSeed::Security, nullptr},
    {u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58", u"Sales Interns", GroupSeed::Security, nullptr},
    {u"f1691644-3782-4d64-8a2d-4b798361288e", u"Sales Managers", GroupSeed::Microsoft365, nullptr},
    {u"07ab8551-3d8e-40d1-b1d9-8feb50d5e9f5", u"sales operations", GroupSeed::Security, nullptr},
    {u"bfca287b-26e9-4026-aae4-99c02727e9fa", u"Admins' Laptops", GroupSeed::DynamicDevice,
        u"(device.deviceCategory -eq \"Admin\")"},
    {u"dd611145-2b6a-4e94-b8a6-a7de8d98f38d", u"O'Brien's Devices", GroupSeed::Security, nullptr},
    {u"0eb5501e-f219-4960-bacf-4cfe1737fa98", u"Équipe Réseau", GroupSeed::Security, nullptr},
    {u"bccf0101-e5b8-43b7-8601-25eefef93dc7", u"Zürich Büro", GroupSeed::Security, nullptr},
    {u"63ef1bc7-7f78-47a0-965a-6adc4aada1d4", u"🚀 Launch Team", GroupSeed::Microsoft365, nullptr},
    {u"e9ed6d10-9751-4386-af72-3eb024bdb74c", u"IT – Autopilot Devices", GroupSeed::DynamicDevice,
        u"(device.devicePhysicalIDs -any (_ -startsWith \"[ZTDId]\"))"},
    {u"38a33759-44ef-4e93-817f-14f4731cdea6", u"IT – Pilot Users", GroupSeed::Security, nullptr},
    {u"a9c24112-f5a3-4782-8f40-95215ae8e9b6", u"IT Helpdesk", GroupSeed::Security, nullptr},
    {u"a26c6407-abff-49fb-a185-80e416a670a9", u"Intune Pilot – Ring 0", GroupSeed::Security, nullptr},
    {u"fccdb2da-e14b-42ca-b536-b42c9668352f", u"Intune Pilot – Ring 1", GroupSeed::Security, nullptr},
    {u"264a59be-0c97-4af7-8d18-29c6e67f3117", u"Marketing", GroupSeed::Microsoft365, nullptr},
    {u"b1158b3f-287b-430e-a316-4e0ac0911270", u"Marketing – Contractors", GroupSeed::Security, nullptr},
    {u"eefc9c0e-371a-4ee2-ab95-a3a917c26069", u"Finance", GroupSeed::Security, nullptr},
    {u"1d781dfb-eacc-4c34-b6ea-6579904169b8", u"Finance & Accounting", GroupSeed::Microsoft365, nullptr},
    {u"ef20b318-1def-487b-906b-8478583afd9a", u"HR – Onboarding", GroupSeed::DynamicUser,
        u"(user.department -eq \"HR\") and (user.employeeHireDate -ge system.now -minus p30d)"},
    {u"d87d5065-fc61-4add-952e-9c47e52054a3", u"Engineering", GroupSeed::Security, nullptr},
    {u"2a917cdd-55e6-4f5b-8b49-f47fd8cad199", u"Engineering – Linux Workstations", GroupSeed::Security, nullptr},
    {u"650c0997-ea24-4a47-9173-84180097797f", u"Kiosk Devices", GroupSeed::DynamicDevice,
        u"(device.enrollmentProfileName -eq \"Kiosk\")"},
    {u"543c050a-8632-4ec7-a3a6-bd0c8f9d924b", u"Shared iPads", GroupSeed::DynamicDevice,
        u"(device.deviceModel -startsWith \"iPad\") and (device.deviceOwnership -eq \"Company\")"},
    {u"2713963a-d37c-4cbf-b3fe-a0e3cb26751e", u"Android Enterprise – Dedicated", GroupSeed::DynamicDevice,
        u"(device.enrollmentProfileName -eq \"Dedicated\")"},
    {u"712e95e2-e0cf-43d5-9796-1680b894d9e9", u"Executives", GroupSeed::Security, nullptr},
    {u"f2390b30-f6dc-4ded-be69-3cc38b72d24e", u"Contractors", GroupSeed::DynamicUser,
        u"(user.employeeType -eq \"Contractor\")"},
    {u"60580cb2-8274-401c-a3f8-5e749c06ffcd", u"München Außendienst", GroupSeed::Security, nullptr},
    {u"da3fce6f-bf2a-4fba-b24a-b8e0e0848bc3", u"São Paulo Office", GroupSeed::Security, nullptr},
    {u"b6f1cbfb-a076-4163-a7b6-a9d6a6799541", u"東京オフィス", GroupSeed::Security, nullptr},
    {u"003b5aa1-4cf6-4199-b854-84bb8f052e71", u"C++ Developers", GroupSeed::Security, nullptr},
    {u"e6db8197-f9e5-41ec-a02a-f57780c917c6", u"R&D 100% Remote", GroupSeed::Microsoft365, nullptr},
    {u"7d92177b-2b41-4e25-a3d5-ea1a2f05d14d", u"Guests #external", GroupSeed::Security, nullptr},
    {u"939b9672-3605-403a-98f7-eb4a0272f66d", u"Windows 365 Cloud PCs", GroupSeed::DynamicDevice,
        u"(device.deviceModel -startsWith \"Cloud PC\")"},
    {u"0b5aece6-b46c-4a28-ac85-34630a9712bb", u"macOS Fleet", GroupSeed::DynamicDevice,
        u"(device.deviceOSType -eq \"MacMDM\")"},
    {u"19e22d7f-69e0-4aa1-bf8c-2e91e6ac3a30", u"Test group (do not use)", GroupSeed::Security, nullptr},
    {u"3c6edcde-da52-4597-b39c-85c954e0a4b7", u"Frontline Workers", GroupSeed::Security, nullptr},
    {u"26a79840-801a-4f86-b247-7bed10aa2b8d", u"Frontline Workers – Stores", GroupSeed::Security, nullptr},
    // Same display name as the Microsoft 365 group above: real tenants have
    // duplicates, so a picker must never identify a group by its name.
    {u"72459b16-50d0-4003-bacc-d9410c562233", u"Marketing", GroupSeed::Security, nullptr},
    {u"1fc4f7cf-9f7b-4c81-a18e-9614438b388e", u"Hybrid Azure AD Joined Devices", GroupSeed::DynamicDevice,
        u"(device.deviceTrustType -eq \"ServerAd\")"},
}};

// Referenced by an exclusion on "Limit 3 devices – Contractors" but absent
// from /groups: deleted in Entra ID after it was assigned, as happens.
const QString DeletedGroupId = u"69f3fc7c-df87-4689-bbcf-bff0d0af1d93"_s;

} // namespace

void SandboxTenant::Private::populate()
{
    tenantId = TenantGuid;
    deletedGroupId = DeletedGroupId;

    const QString allUsers = u"allLicensedUsersAssignmentTarget"_s;
    const QString allDevices = u"allDevicesAssignmentTarget"_s;

    // --- the priority-0 defaults every tenant has -------------------------
    {
        auto c = makeDefault(u"DefaultLimit"_s, u"deviceEnrollmentLimitConfiguration"_s, u"defaultLimit"_s, u"limit"_s,
            u"This is the default Device Limit Restriction applied with the lowest priority to all users regardless of group membership."_s);
        setLimit(c, 15);
        c.assignments = {assignment(c.id, u"2fd60115-ab51-4aba-bd1a-c32b26c58ca7"_s, assignmentTarget(allUsers))};
        configurations.append(c);
    }
    {
        auto c = makeDefault(u"DefaultPlatformRestrictions"_s, u"deviceEnrollmentPlatformRestrictionsConfiguration"_s,
            u"defaultPlatformRestrictions"_s, u"platformRestrictions"_s,
            u"This is the default Device Type Restriction applied with the lowest priority to all users regardless of group membership."_s);
        setPlatformRestrictions(c, false);
        c.assignments = {assignment(c.id, u"1268f4de-7a74-4717-a2d4-a6eeb9b49fb3"_s, assignmentTarget(allUsers))};
        configurations.append(c);
    }
    {
        auto c = makeDefault(u"DefaultWindowsHelloForBusiness"_s,
            u"deviceEnrollmentWindowsHelloForBusinessConfiguration"_s, u"defaultWindowsHelloForBusiness"_s,
            u"windowsHelloForBusiness"_s,
            u"This is the default Windows Hello for Business configuration applied with the lowest priority to all users regardless of group membership."_s);
        setWindowsHello(c, true, 6);
        c.assignments = {assignment(c.id, u"05ee426e-1404-443c-a910-014e2cca2672"_s, assignmentTarget(allUsers))};
        configurations.append(c);
    }
    {
        auto c = makeDefault(u"DefaultWindows10EnrollmentCompletionPageConfiguration"_s,
            u"windows10EnrollmentCompletionPageConfiguration"_s,
            u"defaultWindows10EnrollmentCompletionPageConfiguration"_s,
            u"windows10EnrollmentCompletionPageConfiguration"_s,
            u"This is the default enrollment status screen configuration applied with the lowest priority to all users and all devices regardless of group membership."_s);
        c.isEsp = true;
        setEsp(c, false, 60);
        c.assignments = {assignment(c.id, u"9625a71d-4f6c-4d5e-b674-a512d6bc0400"_s, assignmentTarget(allDevices))};
        configurations.append(c);
    }
    {
        auto c = makeDefault(u"WindowsRestore"_s, u"windowsRestoreDeviceEnrollmentConfiguration"_s, u"windowsRestore"_s,
            u"windowsRestore"_s,
            u"This is the default Windows backup and restore configuration applied to all users and all devices."_s);
        c.specificV1 = {};
        c.specificBeta = QJsonObject {{u"state"_s, u"notConfigured"_s}};
        c.assignments = {assignment(c.id, u"fca1ba57-7505-47db-b267-1dd14505aa5b"_s, assignmentTarget(allDevices))};
        configurations.append(c);
    }

    // --- custom configurations --------------------------------------------
    const QString groupSalesEmea = u"376361c8-1bd2-4385-9005-7bc966f578a6"_s;
    const QString groupSalesApac = u"7998f934-c5ac-4677-a46d-64b9887ade00"_s;
    const QString groupSalesInterns = u"08b86be8-a509-4b3a-b4d6-9b8df2aafa58"_s;
    const QString groupContractors = u"f2390b30-f6dc-4ded-be69-3cc38b72d24e"_s;
    const QString groupAutopilot = u"e9ed6d10-9751-4386-af72-3eb024bdb74c"_s;
    const QString groupSharedIpads = u"543c050a-8632-4ec7-a3a6-bd0c8f9d924b"_s;
    const QString groupKiosk = u"650c0997-ea24-4a47-9173-84180097797f"_s;
    const QString groupRing0 = u"a26c6407-abff-49fb-a185-80e416a670a9"_s;
    const QString groupRing1 = u"fccdb2da-e14b-42ca-b536-b42c9668352f"_s;
    const QString groupEngineering = u"d87d5065-fc61-4add-952e-9c47e52054a3"_s;
    const QString groupFrontline = u"3c6edcde-da52-4597-b39c-85c954e0a4b7"_s;
    const QString filterCorporateWindows = u"5bb16f50-005c-44bf-b681-7142a1efc40a"_s;
    const QString groupCloudPcs = u"939b9672-3605-403a-98f7-eb4a0272f66d"_s;
    const QString groupPilotUsers = u"38a33759-44ef-4e93-817f-14f4731cdea6"_s;
    const QString groupHybridJoined = u"1fc4f7cf-9f7b-4c81-a18e-9614438b388e"_s;
    const QString filterWindows11 = u"1fac265f-b170-484f-a7f6-3c868e6a20db"_s;
    policySetId = u"ef10d1af-bde4-4b51-bd80-027bcce8296f"_s;

    {
        auto c = makeCustom(u"f7dad281-914f-40a9-a506-8da6627ff3d7"_s, u"deviceEnrollmentLimitConfiguration"_s,
            u"limit"_s, u"limit"_s, u"Limit 5 devices – Sales"_s, u"Sales staff may enroll at most five devices."_s, 1,
            3, u"2023-02-14T10:21:37.4418263Z"_s, u"2024-09-03T08:15:02.1120931Z"_s);
        setLimit(c, 5);
        c.assignments = {
            assignment(c.id, u"fa5708e5-9241-49a7-bf6e-ce6e886561e5"_s, groupTarget(groupSalesEmea)),
            assignment(c.id, u"aed9269b-7d23-4372-ad70-ffeadb9293ed"_s, groupTarget(groupSalesApac)),
            assignment(c.id, u"35e1c436-45fc-4a97-a49e-d93ab4cc5dc3"_s, groupTarget(groupSalesInterns, true)),
        };
        limitConfigurationId = c.id;
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"8c73448e-6fc6-426a-b437-cfd827de2b1e"_s, u"deviceEnrollmentLimitConfiguration"_s,
            u"limit"_s, u"limit"_s, u"Limit 3 devices – Contractors"_s, QString(), 2, 1,
            u"2023-05-02T16:44:09.0137755Z"_s, u"2023-05-02T16:44:09.0137755Z"_s);
        setLimit(c, 3);
        c.assignments = {
            assignment(c.id, u"a9ed7148-cd8d-460d-91dd-946cced4750e"_s, groupTarget(groupContractors)),
            assignment(c.id, u"bee3bf4d-8a4f-48b0-8e48-98880d6b69d5"_s, groupTarget(DeletedGroupId, true)),
        };
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"7db7da34-655f-46dd-ada5-e295b79db0e7"_s,
            u"deviceEnrollmentPlatformRestrictionConfiguration"_s, u"singlePlatformRestriction"_s,
            u"singlePlatformRestriction"_s, u"Windows – corporate devices only"_s,
            u"Blocks personally owned Windows devices; Windows 10 22H2 or later."_s, 1, 2,
            u"2023-03-20T09:02:51.5523114Z"_s, u"2024-01-09T16:02:11.2279385Z"_s);
        setSinglePlatformRestriction(c, u"windows"_s, true, u"10.0.19045"_s);
        c.assignments = {
            assignment(c.id, u"39526fb3-31d6-49df-9d79-2def623a6309"_s,
                groupTarget(groupAutopilot, false, filterCorporateWindows, u"include"_s)),
        };
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"788a1548-1f92-4b43-9757-0b122cdfbcc4"_s,
            u"deviceEnrollmentPlatformRestrictionConfiguration"_s, u"singlePlatformRestriction"_s,
            u"singlePlatformRestriction"_s, u"iOS/iPadOS – block personal devices"_s,
            u"Only Apple Business Manager devices."_s, 2, 1, u"2023-03-20T09:05:12.9020411Z"_s,
            u"2023-03-20T09:05:12.9020411Z"_s);
        setSinglePlatformRestriction(c, u"ios"_s, true, u"16.0"_s);
        c.assignments = {
            // Arrives through a policy set: beta shows source/sourceId.
            assignment(c.id, u"3ec8656f-b0a1-4aa4-ad15-0a061155592d"_s, groupTarget(groupSharedIpads), u"policySets"_s,
                policySetId),
        };
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"f30cf819-40c4-4389-a24d-677e20bcc7d7"_s,
            u"deviceEnrollmentPlatformRestrictionConfiguration"_s, u"singlePlatformRestriction"_s,
            u"singlePlatformRestriction"_s, u"Android – Android Enterprise only"_s,
            u"Blocks device administrator enrollment."_s, 3, 1, u"2023-04-11T12:30:00.0000000Z"_s,
            u"2023-04-11T12:30:00.0000000Z"_s);
        setSinglePlatformRestriction(c, u"android"_s, false);
        configurations.append(c); // deliberately unassigned
    }
    {
        auto c = makeCustom(u"b797d8ff-f2fa-4f9b-a998-4adc70fd3979"_s + EspSuffix,
            u"windows10EnrollmentCompletionPageConfiguration"_s, u"windows10EnrollmentCompletionPageConfiguration"_s,
            u"windows10EnrollmentCompletionPageConfiguration"_s, u"ESP – Autopilot devices"_s,
            u"Blocks the desktop until required apps are installed."_s, 1, 4, u"2023-06-01T07:45:18.7781002Z"_s,
            u"2024-11-18T13:27:44.3309918Z"_s);
        c.isEsp = true;
        setEsp(c, true, 90);
        // Beyond the two plain entries, three that real tenants hold and that
        // only a faithful full-list write keeps (issue 12): a filtered
        // include, a policy-set entry and a target type newer than the app.
        // v1.0 reads hide the filter and the source; beta shows them.
        QJsonObject scopeTagTarget = assignmentTarget(u"scopeTagGroupAssignmentTarget"_s);
        scopeTagTarget.insert(u"targetType"_s, u"device"_s);
        scopeTagTarget.insert(u"entraObjectId"_s, groupHybridJoined);
        c.assignments = {
            assignment(c.id, u"b8d9374f-9deb-470a-a54e-eb021335eb20"_s, groupTarget(groupAutopilot)),
            assignment(c.id, u"75b5fa90-6ae0-4faf-8af8-2c010c4735d7"_s, groupTarget(groupKiosk, true)),
            assignment(c.id, u"a355f04b-888c-41bf-9f54-9bef5d38e21a"_s,
                groupTarget(groupCloudPcs, false, filterWindows11, u"include"_s)),
            assignment(c.id, u"577649f6-2735-4029-bd66-32d7f76bdf92"_s, groupTarget(groupPilotUsers), u"policySets"_s,
                policySetId),
            assignment(c.id, u"d41be494-7100-4cbd-8ea5-a82a8d4f9096"_s, scopeTagTarget),
        };
        espFilteredAssignmentId = c.assignments.at(2).id;
        espPolicySetAssignmentId = c.assignments.at(3).id;
        espScopeTagAssignmentId = c.assignments.at(4).id;
        espConfigurationId = c.id;
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"c5391da1-509a-4347-8bf3-7875576f8156"_s,
            u"deviceEnrollmentWindowsHelloForBusinessConfiguration"_s, u"windowsHelloForBusiness"_s,
            u"windowsHelloForBusiness"_s, u"Windows Hello for Business – Pilot"_s, u"Longer PIN for the pilot ring."_s,
            1, 2, u"2023-08-22T11:11:11.1111111Z"_s, u"2023-09-01T10:00:00.0000000Z"_s);
        setWindowsHello(c, true, 8);
        c.assignments = {
            assignment(c.id, u"292caf2d-4698-4331-8772-a9469316b21a"_s, groupTarget(groupRing0)),
        };
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"064c9692-426a-4fb9-a034-c485065b517f"_s, u"deviceComanagementAuthorityConfiguration"_s,
            u"deviceComanagementAuthorityConfiguration"_s, u"deviceComanagementAuthorityConfiguration"_s,
            u"Co-management – ConfigMgr client"_s, u"Installs the Configuration Manager agent during Autopilot."_s, 1,
            1, u"2024-02-05T15:20:31.6621430Z"_s, u"2024-02-05T15:20:31.6621430Z"_s);
        setComanagement(c);
        c.assignments = {
            assignment(c.id, u"b474db5e-ef3b-4d87-8437-0fd48271b5d0"_s, collectionTarget(u"SMS00001"_s)),
            assignment(c.id, u"1908d8c0-73f1-422c-bed1-0e1c0f788df2"_s, groupTarget(groupEngineering)),
        };
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"3f557a19-d5d3-4fac-9824-19e2ab9e30c1"_s, u"deviceEnrollmentNotificationConfiguration"_s,
            u"enrollmentNotificationsConfiguration"_s, u"enrollmentNotificationsConfiguration"_s,
            u"Enrollment notification – Welcome email"_s, u"Sends a welcome email after Windows enrollment."_s, 1, 1,
            u"2024-04-17T09:09:09.0909090Z"_s, u"2024-04-17T09:09:09.0909090Z"_s);
        setNotification(c, u"576f67a1-bc29-4b31-9f3e-548612e707b6"_s);
        c.assignments = {
            // The documented null target (msgraph-sdk-powershell #2744):
            // reads return "target": null here; clients must show it as
            // unknown and not crash.
            assignment(c.id, u"4273f231-29aa-457f-9fd3-65166a0881d1"_s, QJsonValue(QJsonValue::Null)),
            assignment(c.id, u"1ea9b8f4-323e-4090-ab76-144f73ac5aae"_s, groupTarget(groupFrontline)),
        };
        nullTargetConfigurationId = c.id;
        configurations.append(c);
    }
    {
        // A type no client knows yet: it must still be listed.
        auto c = makeCustom(u"dd545d19-02e8-4846-b547-2ab3b52ce8e5"_s, u"deviceEnrollmentFutureThingConfiguration"_s,
            u"unknownFutureValue"_s, u"deviceEnrollmentFutureThingConfiguration"_s, u"Future thing (preview)"_s,
            u"A configuration type this client predates."_s, 1, 1, u"2025-01-30T08:00:00.0000000Z"_s,
            u"2025-01-30T08:00:00.0000000Z"_s);
        c.specificV1 = QJsonObject {{u"futureSetting"_s, u"enabled"_s}};
        c.specificBeta = c.specificV1;
        c.assignments = {
            assignment(c.id, u"0686cd45-782e-43e5-9e95-f8fac28e627d"_s, groupTarget(groupRing1)),
        };
        futureTypeConfigurationId = c.id;
        configurations.append(c);
    }
    {
        auto c = makeCustom(u"5123d597-bedd-4b31-b189-0b79dd8a8101"_s,
            u"deviceEnrollmentPlatformRestrictionsConfiguration"_s, u"platformRestrictions"_s,
            u"platformRestrictions"_s, u"Kiosk platform restrictions (legacy)"_s,
            u"Created before single-platform restrictions existed."_s, 1, 6, u"2021-11-03T17:42:00.5550000Z"_s,
            u"2022-12-12T12:12:12.1212121Z"_s);
        setPlatformRestrictions(c, true);
        c.assignments = {
            assignment(c.id, u"78ae41d0-49fd-4916-bb1f-4a5db9ae62c5"_s, groupTarget(groupKiosk)),
        };
        configurations.append(c);
    }

    // --- groups -------------------------------------------------------------
    groups.reserve(qsizetype(BaseGroups.size()) + options.extraGroups);
    int day = 0;
    for (const GroupSeed &seed : BaseGroups) {
        const QString created = QDate(2021, 3, 1).addDays(day * 17).toString(Qt::ISODate) + u"T08:30:00Z"_s;
        ++day;
        groups.append(makeGroup(QString::fromUtf16(seed.id), QString::fromUtf16(seed.name), seed.kind,
            seed.rule ? QString::fromUtf16(seed.rule) : QString(), created));
    }

    // --- assignment filters (beta) ------------------------------------------
    const auto filter = [this](const char16_t *id, const char16_t *name, const char16_t *platform, const char16_t *rule,
                            const char16_t *type) {
        filters.append(SandboxFilter {QString::fromUtf16(id), QString::fromUtf16(name), u"Sandbox filter."_s,
            QString::fromUtf16(platform), QString::fromUtf16(rule), QString::fromUtf16(type),
            u"2023-10-10T10:10:10.1010101Z"_s, u"2024-03-03T03:03:03.0303030Z"_s});
    };
    filter(u"5bb16f50-005c-44bf-b681-7142a1efc40a", u"Corporate Windows devices", u"windows10AndLater",
        u"(device.deviceOwnership -eq \"Corporate\")", u"devices");
    filter(u"1fac265f-b170-484f-a7f6-3c868e6a20db", u"Windows 11 only", u"windows10AndLater",
        u"(device.osVersion -startsWith \"10.0.22\")", u"devices");
    filter(u"01376b2b-25ab-414e-8599-f455bb4d76d9", u"iOS – ADE enrolled", u"iOS",
        u"(device.enrollmentProfileName -startsWith \"ADE\")", u"devices");
    filter(u"306de301-b72f-4151-83be-ae9c3519e2cd", u"Android Enterprise – Samsung", u"androidForWork",
        u"(device.manufacturer -eq \"samsung\")", u"devices");
    filter(u"5ec8baf6-a1bf-4be5-8abe-9fd8c6c729e8", u"macOS Sonoma and later", u"macOS",
        u"(device.osVersion -startsWith \"14\")", u"devices");
    filter(u"7fb92be7-356a-4a18-af26-c8ec62e7ee7a", u"Managed apps – Android", u"androidMobileApplicationManagement",
        u"(app.deviceManufacturer -eq \"Google\")", u"apps");

    populateUsers();
    generateExtraGroups();
    generateExtraConfigurations();
    buildIndexes();
}

} // namespace ea::sandbox
