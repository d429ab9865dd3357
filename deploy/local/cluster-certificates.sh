#!/usr/bin/env bash
# Makes the cluster's TLS files in DIR, unless they are there already: a CA (ca.crt, ca.key) and the node
# certificate it issues (node.crt, node.key), which every silo and the gateway present to each other.
# Silos and the gateway accept only certificates issued by this CA (README, Security model).
#
#   deploy/local/cluster-certificates.sh DIR
#
# Used by run.sh (DIR = $GALLERY_DATA/tls), deploy/k8s/create-secrets.sh, the tests and the benchmarks.
set -euo pipefail

dir=${1:?"usage: $0 DIR"}
days=3650
mkdir -p "$dir"
umask 077
if [ -s "$dir/node.crt" ] && [ -s "$dir/node.key" ] && [ -s "$dir/ca.crt" ]; then
  exit 0
fi

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null
# A random serial in the CA's name: two clusters' CAs never look alike.
openssl req -x509 -new -key "$dir/ca.key" -sha256 -days "$days" \
  -subj "/CN=GalleryOrleans cluster CA $(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out "$dir/ca.crt"

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/node.key" 2>/dev/null
extensions=$(mktemp)
trap 'rm -f "$extensions" "$dir/node.csr"' EXIT
cat >"$extensions" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:galleryorleans-node
EXT
openssl req -new -key "$dir/node.key" -subj "/CN=galleryorleans-node" -out "$dir/node.csr"
openssl x509 -req -in "$dir/node.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -sha256 -days "$days" \
  -extfile "$extensions" -out "$dir/node.crt" 2>/dev/null
rm -f "$dir/ca.srl"
chmod 600 "$dir/ca.key" "$dir/node.key"
chmod 644 "$dir/ca.crt" "$dir/node.crt"
