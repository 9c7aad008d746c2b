#!/usr/bin/env bash
# Tag + lemmatise the UD ALKSNIS test set (gold tokens) with UDPipe 1 and with Kronika, one core each, and print both
# rates side by side. UDPipe 1 is trained on the UD train set the first time (its tagger and lemmatizer only; tens of
# minutes) and kept in $CACHE. Without a `udpipe` binary on PATH (or in $UDPIPE) only Kronika's figures are printed.
# Not run in CI. Usage: bench/udpipe-vs-kronika.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data}
TREEBANK=$DATA/ud-lithuanian-alksnis
TRAIN=$TREEBANK/lt_alksnis-ud-train.conllu
TEST=$TREEBANK/lt_alksnis-ud-test.conllu
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kronika-bench}
UDPIPE=${UDPIPE:-$(command -v udpipe || true)}
CORE=${CORE:-0}
if [[ ! -f $TEST ]]; then echo "error: $TEST not found (pass the data folder as the first argument)" >&2; exit 1; fi
tokens=$(grep -cE '^[0-9]+	' "$TEST")

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

echo "test set: $TEST, $tokens words, one core (taskset -c $CORE)"
echo
echo "Kronika (bench tagger: treebank dev + test, gold tokens, tag + lemmatize, fresh memo = every word new):"
nice -n 10 taskset -c "$CORE" dotnet run -c Release --project bench/Kronika.Bench -- tagger | grep -E 'corpus|cold|warm' | sed 's/^/  /'

if [[ -z $UDPIPE ]]; then
  echo
  echo "UDPipe 1: no udpipe binary (PATH or \$UDPIPE); Kronika's figures alone."
  exit 0
fi
mkdir -p "$CACHE"
MODEL=$CACHE/lt_alksnis-udpipe1.model
if [[ ! -f $MODEL ]]; then
  echo
  echo "UDPipe 1: training the tagger and lemmatizer on $TRAIN into $MODEL (once) ..."
  nice -n 10 "$UDPIPE" --train --tokenizer=none --parser=none "$MODEL" "$TRAIN" > "$CACHE/train.log" 2>&1
fi
# Gold tokens in, tags and lemmas out; the model load is timed separately (an empty input) and subtracted.
empty=$(mktemp)
start=$(date +%s.%N); taskset -c "$CORE" "$UDPIPE" --input=conllu --tag "$MODEL" "$empty" > /dev/null; end=$(date +%s.%N)
load=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
start=$(date +%s.%N); taskset -c "$CORE" "$UDPIPE" --input=conllu --tag "$MODEL" "$TEST" > "$CACHE/test.udpipe.conllu"; end=$(date +%s.%N)
rm -f "$empty"
total=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
tagging=$(awk -v t="$total" -v l="$load" 'BEGIN { print (t - l > 0.001 ? t - l : 0.001) }')
echo
echo "UDPipe 1 ($UDPIPE, model $MODEL):"
echo "  model load ${load} s; tag + lemmatize $tokens words in ${tagging} s: $(rate "$tokens" "$tagging") tokens/s"
"$UDPIPE" --accuracy --tag "$MODEL" "$TEST" 2>/dev/null | sed 's/^/  accuracy: /' || true
