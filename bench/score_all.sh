#!/usr/bin/env bash
# One line per benchmark: dev set, bundled samples (held-out written corpus), real news, gsr_dev.
# Real-news texts are read from $RASD_REALNEWS_TEXTS (see bench/realnews/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
R=$PWD/.venv/bin/rasd
(cd ../shared && $R extract --format jsonl seed/*.txt devset/articles/*.txt 2>/dev/null > /tmp/rasd_dev.jsonl \
  && echo "devset:   $($R eval devset/gold.jsonl /tmp/rasd_dev.jsonl | tail -1)")
(cd src/rasd && $R extract --format jsonl samples/articles/*.txt 2>/dev/null > /tmp/rasd_samples.jsonl \
  && echo "samples:  $($R eval ../../tests/data/samples_gold.jsonl /tmp/rasd_samples.jsonl | tail -1)")
for split in dev heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 heldout16 heldout17 heldout18 heldout19 heldout20 heldout21 heldout22 heldout23 heldout24 heldout25 heldout26 heldout27 heldout28 heldout29 heldout30 heldout31 heldout32 heldout33 heldout34 heldout35 heldout36; do
  echo "realnews $split: $(.venv/bin/python bench/realnews/score.py --split $split 2>&1 | tail -1) $(.venv/bin/python bench/realnews/score.py --split $split 2>&1 | grep 'tallies found')"
done
.venv/bin/python bench/gsr.py | tail -3 | head -2
