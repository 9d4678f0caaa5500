#include "domain/InputFile.h"

#include <QFile>
#include <QFileInfo>

namespace ea {

std::optional<QByteArray> InputFile::read(const QString &path, const QString &kind, QString *problem)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        *problem = tr("%1 %2 cannot be read: %3").arg(kind, path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxBytes) {
        *problem = tr("%1 %2 is larger than %3 MB; is it the right file?").arg(kind, path).arg(kMaxBytes >> 20);
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<TenantExport> InputFile::readExport(const QString &path, QString *problem)
{
    const std::optional<QByteArray> bytes = read(path, tr("The export"), problem);
    if (!bytes)
        return std::nullopt;
    QString why;
    std::optional<TenantExport> document = TenantExport::parse(*bytes, &why);
    if (!document)
        *problem = tr("%1 is not an export of this app: %2").arg(path, why);
    return document;
}

} // namespace ea
