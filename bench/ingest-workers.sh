#!/bin/bash
# Two ingest workers pinned to one core each against one worker pinned to one core, into fresh PostgreSQL databases,
# alternating for ROUNDS rounds (docs/scaling.md, "Measured"). Usage, from the repository:
#   bench/ingest-workers.sh DIR_A DIR_B [postgres://user:password@host]     (e.g. two folders of `kronika bench gen`)
# Needs a Release build of src/Kronika.Cli, taskset, and psql rights to drop and create the databases $PREFIX_one and
# $PREFIX_two (as the postgres user; PREFIX defaults to kronika). Prints the wall time of each run; each run's own line and /usr/bin/time -v go to
# /tmp/kronika-workers-*.
set -e
A=$1; B=$2; SERVER=${3:-postgres://kronika:kronika@127.0.0.1}; ROUNDS=${ROUNDS:-2}; ONE=${PREFIX:-kronika}_one; TWO=${PREFIX:-kronika}_two
K=$(pwd)/src/Kronika.Cli/bin/Release/net10.0/kronika.dll
fresh() { su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $1' -c 'CREATE DATABASE $1 OWNER ${OWNER:-kronika}'" >/dev/null; }
run() { nice -n 10 taskset -c "$1" /usr/bin/time -v dotnet "$K" ingest "${@:3}" > "/tmp/kronika-workers-$2.out" 2> "/tmp/kronika-workers-$2.time"; }
for round in $(seq "$ROUNDS"); do
  fresh $ONE
  s=$(date +%s.%N); run 0 "one-$round" "$A" "$B" --db "$SERVER/$ONE"; e=$(date +%s.%N)
  echo "round $round, one worker: $(echo "$e - $s" | bc) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  fresh $TWO
  s=$(date +%s.%N)
  run 0 "two-a-$round" "$A" --db "$SERVER/$TWO" & p1=$!
  run 1 "two-b-$round" "$B" --db "$SERVER/$TWO" & p2=$!
  wait $p1 $p2; e=$(date +%s.%N)
  echo "round $round, two workers: $(echo "$e - $s" | bc) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
