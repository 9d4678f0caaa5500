#pragma once

// A copy "from another tenant" against the one sandbox (tst_cli_copy,
// tst_copydialog): the sandbox's own export with two of its groups under
// ids this tenant does not have, one of them also under a name no group
// here has. Sales – EMEA is then found by its name, Sales – "LATAM" (APAC
// over there) is not, and the Interns exclusion keeps its id.

#include "sandbox/SandboxTenant.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ea::test {

inline const QString kEmea = QStringLiteral("376361c8-1bd2-4385-9005-7bc966f578a6"); // Sales – EMEA
inline const QString kApac = QStringLiteral("7998f934-c5ac-4677-a46d-64b9887ade00"); // Sales – APAC
inline const QString kInterns = QStringLiteral("08b86be8-a509-4b3a-b4d6-9b8df2aafa58"); // Sales Interns
// Ids the "other tenant" gave the same groups.
inline const QString kOtherEmea = QStringLiteral("0a0a0a0a-1111-4111-8111-000000000001");
inline const QString kOtherApac = QStringLiteral("0a0a0a0a-1111-4111-8111-000000000002");

// This tenant's export text turned into the other tenant's.
inline QByteArray asOtherTenantsExport(QByteArray exportJson)
{
    exportJson.replace(kEmea.toLatin1(), kOtherEmea.toLatin1());
    exportJson.replace(kApac.toLatin1(), kOtherApac.toLatin1());
    exportJson.replace("\"Sales – APAC\"", "\"Sales – LATAM\"");
    return exportJson;
}

// "groupAssignmentTarget:GROUP_ID" per assignment of the configuration, sorted.
inline QStringList targetsOf(const sandbox::SandboxTenant &tenant, const QString &configurationId)
{
    QStringList targets;
    for (const QJsonValue &v : tenant.assignmentsOf(configurationId)) {
        const QJsonObject target = v.toObject().value(QStringLiteral("target")).toObject();
        targets << target.value(QStringLiteral("@odata.type")).toString().section(u'.', -1) + u':'
                + target.value(QStringLiteral("groupId")).toString();
    }
    targets.sort();
    return targets;
}

} // namespace ea::test
