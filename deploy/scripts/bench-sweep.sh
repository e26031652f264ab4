#!/usr/bin/env bash
# A sweep of ./aduan bench on a freshly started stack, with the CPU each process used and the database's commits
# during each run (docs/benchmarks.md, issue 13). Needs psql (Debian: postgresql-client) for the commits.
#
#   deploy/scripts/bench-sweep.sh <label> [count:rate ...]     default runs: 2000:100 3000:150 4000:200
#
# With ADUAN_BENCH_BASELINE=true it first measures a bare endpoint of the same stack: intake's static Open311
# service list (no database, no Kafka) under ab (Debian: apache2-utils), 20,000 requests, 32 at a time, keep-alive.
#
# The stack runs from this checkout on an empty ADUAN_HOME (/tmp/bench-<label>), on the default ports, so nothing
# else may hold them. JVM options come from the environment as for ./aduan up (ADUAN_SERVICE_JAVA_OPTS,
# ADUAN_<SERVICE>_JAVA_OPTS). The results go to /tmp/bench-<label>.txt.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
label=$1; shift
runs=${*:-2000:100 3000:150 4000:200}
home=/tmp/bench-$label; out=/tmp/bench-$label.txt; work=$(mktemp -d)
rm -rf "$home"; : > "$out"
cd "$repo"
export ADUAN_HOME=$home

# user + system clock ticks of a process
cpu() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# "name pid" for the four services, Kafka and every PostgreSQL process
pids() {
  for p in $(ls /proc | grep -E '^[0-9]+$'); do
    [ -r "/proc/$p/cmdline" ] || continue
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = postgres ]; then echo "postgres $p"; continue; fi
    a=$(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null)
    case "$a" in
      *complaint-intake/target/quarkus-app*) echo "intake $p";;
      *routing-service/target/quarkus-app*) echo "routing $p";;
      *opd-inbox/target/quarkus-app*) echo "inbox $p";;
      *sla-monitor/target/quarkus-app*) echo "sla $p";;
      *" kafka.Kafka "*) echo "kafka $p";;
    esac
  done
}
snap() { pids | while read -r n p; do echo "$n $(cpu "$p")"; done | awk '{s[$1]+=$2} END {for (k in s) print k, s[k]}' | sort; }
pg() { psql -h 127.0.0.1 -p "${ADUAN_DB_PORT:-5433}" -U postgres -d aduan -Atc "select xact_commit, xact_rollback,
  tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = 'aduan'"; }
ticks=$(getconf CLK_TCK)

./aduan up -d >> "$out" 2>&1 || { echo "the stack did not start: $out" >&2; exit 1; }
ADUAN_BENCH_RECORD=false ./aduan bench >> "$out" 2>&1   # warm-up: JIT, caches, the consumer groups
if [ "${ADUAN_BENCH_BASELINE:-false}" = true ]; then
  url="http://127.0.0.1:${ADUAN_INTAKE_PORT:-8081}/open311/v2/services.json"
  ab -q -k -n 20000 -c 32 "$url" > /dev/null 2>&1   # its own warm-up
  echo "== baseline: $url" >> "$out"
  ab -q -k -n 20000 -c 32 "$url" 2>&1 | grep -E "Requests per second|Failed requests|Non-2xx|  50%|  99%" >> "$out"
fi
for run in $runs; do
  count=${run%%:*}; rate=${run##*:}
  snap > "$work/cpu0"; pg > "$work/pg0"
  ADUAN_BENCH_RECORD=false ADUAN_BENCH_WARMUP=0 ADUAN_BENCH_COMPLAINTS=$count ADUAN_BENCH_RATE=$rate \
    /usr/bin/time -f "loadgen %U %S" ./aduan bench >> "$out" 2>&1
  snap > "$work/cpu1"; pg > "$work/pg1"
  echo "== resident memory after $count at $rate/s (MB): $(pids | grep -v postgres | while read -r n p; do
    echo "$n $(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$p/status")"; done | sort | tr '\n' ' ')" >> "$out"
  echo "== CPU seconds during $count at $rate/s, ms per offered complaint:" >> "$out"
  join "$work/cpu0" "$work/cpu1" | awk -v n="$count" -v t="$ticks" '{d=($3-$2)/t; printf "%s %.1f s %.2f ms\n", $1, d, d*1000/n}' >> "$out"
  paste -d'|' "$work/pg0" "$work/pg1" | awk -F'|' -v n="$count" '{printf "== PostgreSQL during %s: commits %d, rollbacks %d, rows read %d, inserted %d, updated %d, deleted %d\n", n, $8-$1, $9-$2, $11-$4, $12-$5, $13-$6, $14-$7}' >> "$out"
done
./aduan down >> "$out" 2>&1
rm -rf "$work"
echo "done: $out"
