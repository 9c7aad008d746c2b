#!/usr/bin/env bash
# Tag + lemmatise the same unseen text — the UD ALKSNIS dev and test sets, gold tokens and sentences — with UDPipe 1
# and with Kronika, one core each (taskset), and print both rates side by side in processor time (user + system), which
# a loaded machine inflates far less than wall time. UDPipe 1 is trained on the UD train set the first time (tagger and
# lemmatizer only, $UDPIPE_TAGGER options, default 10 iterations to keep it short; speed does not depend on them) and
# kept in $CACHE. Without a `udpipe` binary on PATH (or in $UDPIPE) only Kronika's figures are printed.
# UDPipe 1 is not packaged by Debian 12; it builds from its source (github.com/ufal/udpipe, `make -C src exe`, ~10 min).
# Not run in CI. Usage: bench/udpipe-vs-kronika.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
TREEBANK=$DATA/ud-lithuanian-alksnis
TRAIN=$TREEBANK/lt_alksnis-ud-train.conllu
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kronika-bench}
UDPIPE=${UDPIPE:-$(command -v udpipe || true)}
UDPIPE_TAGGER=${UDPIPE_TAGGER:-iterations=10}
CORE=${CORE:-0}
RUNS=${RUNS:-3}
for f in "$TREEBANK/lt_alksnis-ud-dev.conllu" "$TREEBANK/lt_alksnis-ud-test.conllu"; do
  if [[ ! -f $f ]]; then echo "error: $f not found (pass the data folder as the first argument)" >&2; exit 1; fi
done
mkdir -p "$CACHE"
TEXT=$CACHE/dev-test.conllu
cat "$TREEBANK/lt_alksnis-ud-dev.conllu" "$TREEBANK/lt_alksnis-ud-test.conllu" > "$TEXT"
tokens=$(grep -cE '^[0-9]+	' "$TEXT")

# Processor seconds (user + system) of a command, its output thrown away.
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

echo "text: treebank dev + test, $tokens words, gold tokens; one core each (taskset -c $CORE); processor time, best of $RUNS"
echo
dotnet build -c Release bench/Kronika.Bench > /dev/null
kronika=$(taskset -c "$CORE" dotnet bench/Kronika.Bench/bin/Release/net10.0/Kronika.Bench.dll tagger --rounds "$RUNS" | grep -E 'cold memo|warm memo' | tail -2)
cold=$(echo "$kronika" | grep cold | sed -E 's/.*: ([0-9,]+) K tokens\/s.*/\1/; s/,//g')
warm=$(echo "$kronika" | grep warm | sed -E 's/.*: ([0-9,]+) K tokens\/s.*/\1/; s/,//g')

if [[ -z $UDPIPE ]]; then
  echo "| tagger (tag + lemmatize, 1 core) | tokens/s |"
  echo "|---|---|"
  echo "| Kronika, memo cold (every word new) | ${cold} K |"
  echo "| Kronika, memo warm | ${warm} K |"
  echo
  echo "UDPipe 1: no udpipe binary (PATH or \$UDPIPE); Kronika's figures alone."
  exit 0
fi
MODEL=$CACHE/lt_alksnis-udpipe1-${UDPIPE_TAGGER//[^a-z0-9]/_}.model
if [[ ! -f $MODEL ]]; then
  echo "UDPipe 1: training its tagger and lemmatizer ($UDPIPE_TAGGER) on $TRAIN into $MODEL (once) ..."
  nice -n 10 "$UDPIPE" --train --tokenizer=none --parser=none --tagger="$UDPIPE_TAGGER" "$MODEL" "$TRAIN" > "$CACHE/train.log" 2>&1
fi
empty=$(mktemp)
load=999; total=999
for ((i = 0; i < RUNS; i++)); do
  l=$(cpu taskset -c "$CORE" "$UDPIPE" --input=conllu --tag "$MODEL" "$empty")
  t=$(cpu taskset -c "$CORE" "$UDPIPE" --input=conllu --tag "$MODEL" "$TEXT")
  load=$(awk -v a="$load" -v b="$l" 'BEGIN { print (b < a ? b : a) }')
  total=$(awk -v a="$total" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
done
rm -f "$empty"
tagging=$(awk -v t="$total" -v l="$load" 'BEGIN { print (t - l > 0.001 ? t - l : 0.001) }')
udpipe=$(rate "$tokens" "$tagging")
echo "| tagger (tag + lemmatize, 1 core) | tokens/s | × UDPipe 1 |"
echo "|---|---|---|"
echo "| UDPipe 1 ($MODEL; model load ${load} s subtracted) | $(awk -v r="$udpipe" 'BEGIN { printf "%.1f K", r / 1000 }') | 1.0 |"
echo "| Kronika, memo cold (every word new) | ${cold} K | $(awk -v k="$cold" -v u="$udpipe" 'BEGIN { printf "%.1f", k * 1000 / u }') |"
echo "| Kronika, memo warm | ${warm} K | $(awk -v k="$warm" -v u="$udpipe" 'BEGIN { printf "%.1f", k * 1000 / u }') |"
echo
echo "UDPipe 1 accuracy on the test set (its own evaluation, gold tokens):"
"$UDPIPE" --accuracy --tag "$MODEL" "$TREEBANK/lt_alksnis-ud-test.conllu" 2>/dev/null | sed 's/^/  /' || true
