#!/usr/bin/env bash
# Proves that DATABASE_READ_URL works against a real streaming replica on loopback:
#   1. allows replication from 127.0.0.1 in the primary's pg_hba.conf (if it is not already) and reloads;
#   2. clones the local PostgreSQL 15 (port 5432) with pg_basebackup -R into /tmp/kehu-replica and
#      starts it as a hot standby on port 5433, logging every statement (log_statement = all);
#   3. runs `kehu demo` with DATABASE_URL = primary and DATABASE_READ_URL = replica, signs in,
#      reads lists and records, and makes one write;
#   4. checks the replica's statement log: the GET lists and records were answered there, the
#      session lookups and every write were not; the primary's counters: the writes landed there
#      and streamed to the replica;
#   5. tears everything down (Kehu, replica, database, the pg_hba.conf line), even on failure.
#
# Run as root on a machine whose PostgreSQL 15 listens on 127.0.0.1:5432 with trust auth for
# user postgres (Debian's package layout):   bash bench/replica-check.sh
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DIR=${REPLICA_DIR:-/tmp/kehu-replica}
REPLICA_LOG=${REPLICA_DIR}.log
DB=kehu_replica_check
KEHU_PORT=${KEHU_PORT:-3950}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEHU_LOG=$(mktemp /tmp/kehu-replica-check.XXXXXX.log)
PRIMARY="postgres://postgres@127.0.0.1:${PRIMARY_PORT}/${DB}"
REPLICA="postgres://postgres@127.0.0.1:${REPLICA_PORT}/${DB}"
HBA_TAG='# kehu replica-check (temporary)'
as_postgres() { runuser -u postgres -- "$@"; }
psql_p() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -X -Atq "$@"; }
psql_r() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -X -Atq "$@"; }
say() { printf '\n== %s\n' "$*"; }

KEHU_PID=''
HBA=$(psql_p -c 'show hba_file')
cleanup() {
  set +e
  say 'teardown'
  [ -n "$KEHU_PID" ] && kill "$KEHU_PID" 2>/dev/null && wait "$KEHU_PID" 2>/dev/null
  [ -f "$REPLICA_DIR/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
  rm -rf "$REPLICA_DIR" "$REPLICA_LOG" "$KEHU_LOG"
  psql_p -d postgres -c "drop database if exists $DB with (force)"
  if grep -qF "$HBA_TAG" "$HBA"; then
    sed -i "/$HBA_TAG/d" "$HBA"
    psql_p -d postgres -c 'select pg_reload_conf()' >/dev/null
    echo "removed the temporary replication line from $HBA"
  fi
  echo 'done'
}
trap cleanup EXIT

say "primary on $PRIMARY_PORT: $(psql_p -d postgres -c 'show server_version'), wal_level=$(psql_p -d postgres -c 'show wal_level')"
if ! grep -Eq '^\s*host\s+replication\s+\S+\s+127\.0\.0\.1/32' "$HBA"; then
  printf 'host replication postgres 127.0.0.1/32 trust %s\n' "$HBA_TAG" >> "$HBA"
  psql_p -d postgres -c 'select pg_reload_conf()' >/dev/null
  echo "allowed replication from 127.0.0.1 in $HBA (removed again at the end)"
fi

say "database $DB on the primary"
psql_p -d postgres -c "drop database if exists $DB with (force)"
psql_p -d postgres -c "create database $DB template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'"

say "replica: pg_basebackup -R into $REPLICA_DIR, hot standby on $REPLICA_PORT"
rm -rf "$REPLICA_DIR" "$REPLICA_LOG"
as_postgres pg_basebackup -R -X stream -c fast -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DIR"
# Debian keeps the configuration in /etc, outside the data folder: give the replica its own.
as_postgres tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
shared_buffers = 32MB
log_statement = 'all'
log_line_prefix = '%m [%p] %a@%d '
EOF
as_postgres tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
as_postgres touch "$REPLICA_DIR/pg_ident.conf"
as_postgres "$PGBIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_LOG" -w start >/dev/null
echo "replica in recovery: $(psql_r -d postgres -c 'select pg_is_in_recovery()'); primary sees $(psql_p -d postgres -c "select count(*) from pg_stat_replication where state = 'streaming'") streaming standby"

say "kehu demo with DATABASE_URL=primary, DATABASE_READ_URL=replica (port $KEHU_PORT)"
(cd "$ROOT" && DATABASE_URL=$PRIMARY DATABASE_READ_URL=$REPLICA PORT=$KEHU_PORT HOST=127.0.0.1 KEHU_LOG_LEVEL=warn \
  exec node server/bin/kehu.mjs demo) >"$KEHU_LOG" 2>&1 &
KEHU_PID=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$KEHU_PORT/healthz" >/dev/null && break
  kill -0 "$KEHU_PID" 2>/dev/null || { cat "$KEHU_LOG"; exit 1; }
  sleep 0.5
done
sleep 0.5
PASSWORD=$(awk '$1 == "password" { print $2 }' "$KEHU_LOG" | tail -1)
[ -n "$PASSWORD" ] || { echo 'no demo password printed'; cat "$KEHU_LOG"; exit 1; }
echo "Kehu answers on $KEHU_PORT; demo company generated on the primary"

# Wait until the replica has replayed the demo company, then mark where its log stands.
target=$(psql_p -d postgres -c 'select pg_current_wal_lsn()')
until [ "$(psql_r -d postgres -c "select pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ]; do sleep 0.2; done
mark=$(stat -c %s "$REPLICA_LOG")
ins_before=$(psql_p -d "$DB" -c "select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables where relname in ('sessions', 'users', 'audit_events')")

say 'requests: sign in (write), 10 × GET /users?limit=50&sort=name, GET /users/:id, GET /org-units, PATCH /auth/me (write)'
jar=$(mktemp)
login=$(curl -sf -c "$jar" -H 'content-type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$KEHU_PORT/api/v1/auth/login")
csrf=$(printf '%s' "$login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).csrfToken))')
for _ in $(seq 1 10); do curl -sf -b "$jar" "http://127.0.0.1:$KEHU_PORT/api/v1/users?limit=50&sort=name" >/dev/null; done
uid=$(curl -sf -b "$jar" "http://127.0.0.1:$KEHU_PORT/api/v1/users?limit=1&sort=login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))')
curl -sf -b "$jar" "http://127.0.0.1:$KEHU_PORT/api/v1/users/$uid" >/dev/null
curl -sf -b "$jar" "http://127.0.0.1:$KEHU_PORT/api/v1/org-units" >/dev/null
curl -sf -b "$jar" -X PATCH -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"name":"副本检查"}' "http://127.0.0.1:$KEHU_PORT/api/v1/auth/me" >/dev/null
rm -f "$jar"

target=$(psql_p -d postgres -c 'select pg_current_wal_lsn()')
until [ "$(psql_r -d postgres -c "select pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ]; do sleep 0.2; done
sleep 0.5

say 'evidence'
# postgres.js speaks the extended protocol, so statements are logged as "execute <unnamed>: …".
log=$(tail -c +"$((mark + 1))" "$REPLICA_LOG" | grep "kehu@$DB" | grep -E 'LOG:  (statement|execute [^:]*): ' || true)
total=$(printf '%s
' "$log" | grep -c . || true)
lists=$(printf '%s\n' "$log" | grep -c 'from "users" left join "org_units"' || true)
units=$(printf '%s\n' "$log" | grep -c 'from "org_units"' || true)
sessions=$(printf '%s\n' "$log" | grep -c 'from "sessions"' || true)
writes=$(printf '%s\n' "$log" | grep -Eci ': (insert|update|delete) ' || true)
ins_after=$(psql_p -d "$DB" -c "select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables where relname in ('sessions', 'users', 'audit_events')")
on_replica=$(psql_r -d "$DB" -c "select name from users where login = 'admin'")
kehu_primary=$(psql_p -d postgres -c "select count(*) from pg_stat_activity where application_name = 'kehu' and datname = '$DB'")
kehu_replica=$(psql_r -d postgres -c "select count(*) from pg_stat_activity where application_name = 'kehu' and datname = '$DB'")
echo "replica statement log since the requests began (kehu@$DB):"
echo "  statements from Kehu:                         $total"
echo "  user list/record queries (users ⋈ org_units): $lists"
echo "  queries on org_units:                         $units"
echo "  session lookups:                              $sessions (expected 0: authentication reads the primary)"
echo "  INSERT/UPDATE/DELETE:                         $writes (expected 0)"
echo "primary: rows inserted/updated in sessions, users, audit_events: +$((ins_after - ins_before))"
echo "replica: admin's name after the PATCH streamed over: $on_replica"
echo "connections named kehu: primary $kehu_primary, replica $kehu_replica"
echo 'sample of the replica log:'
printf '%s\n' "$log" | head -3 | cut -c1-220 | sed 's/^/  /'

if [ "$lists" -ge 11 ] && [ "$units" -ge 1 ] && [ "$sessions" -eq 0 ] && [ "$writes" -eq 0 ] \
  && [ $((ins_after - ins_before)) -ge 3 ] && [ "$on_replica" = '副本检查' ]; then
  say 'PASS: GET lists and records are answered by the replica; sessions and writes go to the primary'
else
  say 'FAIL'
  exit 1
fi
