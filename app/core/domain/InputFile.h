#pragma once

#include "domain/TenantExport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ea {

// The files an admin hands the app (a bulk plan, an export to restore or copy
// from, a group map): read whole, or refused with one sentence naming the
// file, when it is a folder, cannot be opened, or is larger than any such
// file can be (a slip, such as a disk image chosen by mistake, should not be
// read into memory). The CLI, the dialogs and PlanFile all read through here.
class InputFile
{
    Q_DECLARE_TR_FUNCTIONS(InputFile)
public:
    // An export of a tenant with thousands of configurations is a few MiB.
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    // `kind` names the file in the problem ("The plan", "The export"); the
    // path is shown as given. nullopt and *problem when it cannot be read.
    static std::optional<QByteArray> read(const QString &path, const QString &kind, QString *problem);
    // An export written by `export`, parsed and checked (TenantExport::parse).
    static std::optional<TenantExport> readExport(const QString &path, QString *problem);
};

} // namespace ea
