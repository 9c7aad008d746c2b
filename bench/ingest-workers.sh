#!/bin/bash
# Two ingest workers pinned to one core each against one worker pinned to one core, into fresh PostgreSQL databases,
# alternating for ROUNDS rounds (docs/scaling.md, "Measured"). Usage, from the repository:
#   bench/ingest-workers.sh DIR_A DIR_B [postgres://user:password@host]     (e.g. two folders of `kronika bench gen`)
# Needs a Release build of src/Kronika.Cli (or K=path/to/kronika.dll), taskset, and psql rights to drop and create the
# databases $PREFIX_one and $PREFIX_two (as the postgres user; PREFIX defaults to kronika). Prints the wall time of each
# run (BATCH articles per transaction, 200 unless set), the workers' processor time and, when the server runs on this machine, its sessions' processor time (sampled
# from /proc every 0.2 s), each per article; each run's own line and /usr/bin/time -v go to /tmp/kronika-workers-*.
set -e
A=$1; B=$2; SERVER=${3:-postgres://kronika:kronika@127.0.0.1}; ROUNDS=${ROUNDS:-2}; ONE=${PREFIX:-kronika}_one; TWO=${PREFIX:-kronika}_two
K=${K:-$(pwd)/src/Kronika.Cli/bin/Release/net10.0/kronika.dll}
N=$(( $(find -L "$A" -type f | wc -l) + $(find -L "$B" -type f | wc -l) ))
fresh() { su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $1' -c 'CREATE DATABASE $1 OWNER ${OWNER:-kronika}'" >/dev/null; }
run() { nice -n 10 taskset -c "$1" /usr/bin/time -v dotnet "$K" ingest --batch "${BATCH:-200}" "${@:3}" > "/tmp/kronika-workers-$2.out" 2> "/tmp/kronika-workers-$2.time"; }
# The server's processor time for database $1: each session's utime + stime (clock ticks), its highest sample, summed.
sample() { while true; do for p in $(pgrep -f "postgres: .*$1 " || true); do read -r -a f < /proc/$p/stat 2>/dev/null && echo "$p $((f[13] + f[14]))"; done; sleep 0.2; done; }
server() { sort -k1,1n -k2,2n "$1" | awk -v hz="$(getconf CLK_TCK)" -v n="$N" '{m[$1] = $2} END {s = 0; for (p in m) s += m[p]; printf "%.1f ms", 1000 * s / hz / n}'; }
cpu() { cat "$@" | awk -v n="$N" '/User time|System time/ {s += $NF} END {printf "%.1f ms", 1000 * s / n}'; }
for round in $(seq "$ROUNDS"); do
  fresh $ONE
  sample $ONE > /tmp/kronika-workers-server-one & sampler=$!
  s=$(date +%s.%N); run 0 "one-$round" "$A" "$B" --db "$SERVER/$ONE"; e=$(date +%s.%N)
  kill $sampler
  echo "round $round, one worker: $(echo "$e - $s" | bc) s, per article: worker CPU $(cpu /tmp/kronika-workers-one-$round.time), server CPU $(server /tmp/kronika-workers-server-one); load $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -o "writing took.*" "/tmp/kronika-workers-one-$round.out" | sed 's/^/  /'
  fresh $TWO
  sample $TWO > /tmp/kronika-workers-server-two & sampler=$!
  s=$(date +%s.%N)
  run 0 "two-a-$round" "$A" --db "$SERVER/$TWO" & p1=$!
  run 1 "two-b-$round" "$B" --db "$SERVER/$TWO" & p2=$!
  wait $p1 $p2; e=$(date +%s.%N)
  kill $sampler
  echo "round $round, two workers: $(echo "$e - $s" | bc) s, per article: workers CPU $(cpu /tmp/kronika-workers-two-{a,b}-$round.time), server CPU $(server /tmp/kronika-workers-server-two); load $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -ho "writing took.*" /tmp/kronika-workers-two-{a,b}-$round.out | sed 's/^/  /'
done
