#!/usr/bin/env bash
# Make sure Debian's PostgreSQL server programs (initdb, pg_ctl, postgres) are installed for
# the tests and benchmarks, which start their own throwaway server (tests/postgres_server.py).
# The package's own cluster (port 5432) is not wanted: it is kept from starting, and stopped
# and set to manual start if it started anyway.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
echo "==> Installing Debian's postgresql for the tests (each test run starts its own server)"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "PostgreSQL is missing and this user cannot install it. Run as root:" >&2
    echo "  apt-get update && apt-get install -y postgresql" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing and apt-get is not available. Install a PostgreSQL server whose" >&2
  echo "initdb and pg_ctl sit in \`pg_config --bindir\` (e.g. Debian's postgresql package)." >&2
  exit 1
fi

# policy-rc.d exit 101 tells invoke-rc.d and deb-systemd-invoke not to start services during
# the install; put one in place only if the machine has none, and remove it afterwards.
POLICY=/usr/sbin/policy-rc.d
OUR_POLICY=""
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod 755 "$POLICY"
  OUR_POLICY=1
fi
cleanup() { if [ -n "$OUR_POLICY" ]; then $SUDO rm -f "$POLICY"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null

# If the package's cluster runs anyway (or would start at boot), stop it and make it manual.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _port status _rest; do
    if [ "$status" = "online" ]; then
      $SUDO pg_ctlcluster "$version" "$cluster" stop </dev/null || true
    fi
    start_conf="/etc/postgresql/$version/$cluster/start.conf"
    if [ -f "$start_conf" ]; then
      echo manual | $SUDO tee "$start_conf" >/dev/null
    fi
  done
fi
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "The postgresql package installed no /usr/lib/postgresql/*/bin/initdb." >&2
  exit 1
fi
echo "==> $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version)"
