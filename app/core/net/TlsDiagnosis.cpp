#include "net/TlsDiagnosis.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

namespace ea::net {

#if QT_CONFIG(ssl)

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ea::net::TlsDiagnosis", text);
}

QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    const std::pair<QSslCertificate::SubjectInfo, const char *> parts[] = {
        {QSslCertificate::CommonName, "CN"},
        {QSslCertificate::OrganizationalUnitName, "OU"},
        {QSslCertificate::Organization, "O"},
        {QSslCertificate::CountryName, "C"},
    };
    QStringList out;
    for (const auto &[info, label] : parts) {
        const QStringList values = issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        for (const QString &v : values)
            out << QLatin1String(label) + u'=' + v.left(200);
    }
    return out.isEmpty() ? QStringLiteral("?") : out.join(QStringLiteral(", "));
}

// The name people know a certificate authority by: its common name, else its organisation.
QString issuerName(const QSslCertificate &certificate)
{
    for (const auto info : {QSslCertificate::CommonName, QSslCertificate::Organization}) {
        const QStringList values = certificate.issuerInfo(info);
        if (!values.isEmpty() && !values.constFirst().trimmed().isEmpty())
            return values.constFirst().trimmed().left(200);
    }
    return distinguishedName(certificate, true);
}

QString describeCertificate(const QSslCertificate &certificate)
{
    return tr("subject %1; issuer %2; valid %3 to %4; SHA-256 fingerprint %5")
        .arg(distinguishedName(certificate, false), distinguishedName(certificate, true),
            certificate.effectiveDate().toUTC().toString(Qt::ISODate),
            certificate.expiryDate().toUTC().toString(Qt::ISODate),
            QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
}

bool meansUntrustedIssuer(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate: return true;
    default: return false;
    }
}

} // namespace

TlsDiagnosis diagnoseTls(const QList<QSslError> &errors, const QList<QSslCertificate> &chain, const QString &host)
{
    TlsDiagnosis d;
    const QSslError first = errors.isEmpty() ? QSslError() : errors.constFirst();
    QSslCertificate leaf = chain.isEmpty() ? first.certificate() : chain.constFirst();
    for (const QSslError &e : errors)
        d.untrustedIssuer = d.untrustedIssuer || meansUntrustedIssuer(e.error());
    if (!leaf.isNull()) {
        QStringList lines;
        for (const QSslCertificate &c : chain.isEmpty() ? QList<QSslCertificate> {leaf} : chain)
            lines << describeCertificate(c);
        d.details = lines.join(u'\n');
    }
    if (d.untrustedIssuer && !leaf.isNull()) {
        // The authority that is missing is the one at the top of the chain
        // the server sent; inspecting proxies usually send leaf + their CA.
        const QString issuer = issuerName(leaf);
        const QString root = chain.size() > 1 ? issuerName(chain.constLast()) : issuer;
        d.message = (root == issuer ? tr("The certificate presented for %1 was issued by “%2”, which this computer "
                                         "does not trust (%3).")
                                          .arg(host, issuer, first.errorString())
                                    : tr("The certificate presented for %1 was issued by “%2” under “%3”, which this "
                                         "computer does not trust (%4).")
                                          .arg(host, issuer, root, first.errorString()))
            + u' '
            + tr("Microsoft's servers do not use this authority: a proxy or firewall that inspects TLS traffic "
                 "answered in their place.");
        d.nextStep = tr("Ask your IT department to add the organisation's root certificate (“%1”) to this computer's "
                        "trust store (Windows: Trusted Root Certification Authorities; macOS: the System keychain; "
                        "Linux: update-ca-certificates); the app uses that store. It never turns certificate checks "
                        "off.")
                         .arg(root);
        return d;
    }
    d.message = tr("The secure connection to %1 was refused: %2.")
                    .arg(host, errors.isEmpty() ? tr("the TLS handshake failed") : first.errorString());
    d.nextStep = tr("Check the computer's date and time and the network (VPN, proxy); the app never ignores "
                    "certificate errors.");
    return d;
}

#endif

} // namespace ea::net
