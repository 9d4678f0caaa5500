#pragma once

#include <QList>
#include <QString>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslError>
#endif

namespace ea::net {

// Why a TLS handshake failed, in words an admin can act on. A TLS-inspecting
// proxy re-signs every connection with its organisation's certificate
// authority; when that authority is not in the system's trust store the
// handshake fails with "unable to get local issuer certificate" or similar,
// which says nothing to an admin. This names the issuer and the fix: add the
// organisation's root CA to the system's trust store, which Qt reads. The
// app never offers to turn verification off.
struct TlsDiagnosis
{
    QString message; // what happened, naming the certificate's issuer
    QString nextStep; // what to do
    QString details; // the certificate: subject, issuer, validity, fingerprint
    bool untrustedIssuer = false;
};

#if QT_CONFIG(ssl)
// `errors` as QNetworkReply::sslErrors gave them; `chain` the peer's chain
// (reply->sslConfiguration().peerCertificateChain()), leaf first; `host` the
// server the app meant to reach.
TlsDiagnosis diagnoseTls(const QList<QSslError> &errors, const QList<QSslCertificate> &chain, const QString &host);
#endif

} // namespace ea::net
