#!/usr/bin/env bash
# Creates the one Secret the manifests read, with fresh random values, in the namespace of deploy/k8s.
# Nothing secret is in the repository; run this once per cluster, before or after `kubectl apply -k`.
#
#   deploy/k8s/create-secrets.sh                          # PostgreSQL in the cluster (postgres.yaml)
#   deploy/k8s/create-secrets.sh --connection-string 'Host=db.example;Database=gallery;Username=...;Password=...'
#
# It refuses to replace an existing secret: the signing key also encrypts the S3 secret keys stored in the
# database, and PostgreSQL keeps the password it was first started with, so new values would lock both out.
set -euo pipefail

namespace=gallery
secret=gallery-secrets
connection_string=""
if [ "${1:-}" = "--connection-string" ]; then
  connection_string=${2:?"--connection-string needs a value"}
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--connection-string VALUE]" >&2
  exit 2
fi

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

if kubectl get secret "$secret" --namespace "$namespace" >/dev/null 2>&1; then
  echo "Secret $namespace/$secret exists already; delete it first only if you mean to start over." >&2
  exit 1
fi
kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# Hex keeps the password free of characters that mean something in a connection string.
postgres_password=$(random_hex 24)
if [ -z "$connection_string" ]; then
  connection_string="Host=postgres;Port=5432;Database=gallery;Username=gallery;Password=$postgres_password"
fi
dashboard_password=$(random_hex 16)

# The cluster CA and the node certificate silos and the gateway present to each other (mutual TLS). Only the
# certificates and the node key go into the secret; the CA key is deleted with the folder, so nothing in the
# cluster can issue another certificate the silos would accept. deploy/k8s/README.md says how to rotate them.
tls=$(mktemp -d)
trap 'rm -rf "$tls"' EXIT
"$(dirname "${BASH_SOURCE[0]}")/../local/cluster-certificates.sh" "$tls"

kubectl create secret generic "$secret" --namespace "$namespace" \
  --from-literal=postgres-password="$postgres_password" \
  --from-literal=orleans-connection-string="$connection_string" \
  --from-literal=signing-key="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
  --from-literal=dashboard-username=operator \
  --from-literal=dashboard-password="$dashboard_password" \
  --from-file=tls-ca.crt="$tls/ca.crt" \
  --from-file=tls-node.crt="$tls/node.crt" \
  --from-file=tls-node.key="$tls/node.key"

echo "Created $namespace/$secret. Dashboard login: operator / $dashboard_password"
echo "(read it again with: kubectl get secret $secret -n $namespace -o jsonpath='{.data.dashboard-password}' | base64 -d)"
