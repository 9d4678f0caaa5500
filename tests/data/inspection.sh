#!/bin/sh
# Regenerates the throwaway certificates of a pretend TLS-inspecting proxy
# (tests/integration/tst_proxy.cpp, tlsInspection*): a root CA "Contoso TLS
# Inspection CA" and a certificate for 127.0.0.1 signed by it, as such a
# proxy presents in place of Microsoft's. They protect nothing: the keys are
# committed on purpose, and no test ever trusts the CA. Run from this folder.
set -eu
openssl req -x509 -new -nodes -days 36500 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -subj "/O=Contoso Ltd/CN=Contoso TLS Inspection CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout inspection-ca-key.pem -out inspection-ca.pem
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -subj "/CN=127.0.0.1" -keyout inspection-leaf-key.pem -out inspection-leaf.csr
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > inspection-leaf.ext
openssl x509 -req -in inspection-leaf.csr -CA inspection-ca.pem -CAkey inspection-ca-key.pem -CAcreateserial \
    -days 36500 -extfile inspection-leaf.ext -out inspection-leaf.pem
# What the proxy sends: its certificate, then its CA.
cat inspection-leaf.pem inspection-ca.pem > inspection-chain.pem
rm -f inspection-leaf.csr inspection-leaf.ext inspection-ca.srl inspection-leaf.pem inspection-ca-key.pem
