"""Are the records of two versions of rasd the same? Runs the extractor of a git revision (in a
temporary worktree) and of the working tree over the same corpora and lists every record that differs.

    .venv/bin/python tools/compare_records.py [--before REF] [--keep]

Corpora: the seed and dev-set articles in ../shared, the bundled samples, the fusion test corpus,
and 400 generated articles of bench/generate.py (both the synthetic and the sample-variant kinds).
Exit status 0 when every record is identical, 1 otherwise. Used to show that a refactoring keeps
behaviour (issue 10) and, with an older REF, to list what a rule change altered.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the interpreter of the version under test: rasd is imported from PYTHONPATH.
RUNNER = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
from generate import generate, sample_variants
from rasd.document import read_text_file, from_text
from rasd.knowledge.base import load
from rasd.pipeline import extract
kb = load()
out = open(sys.argv[1], "w", encoding="utf-8")
def emit(doc):
    for r in extract(doc, kb, warn=False):
        out.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
for path in sys.argv[3:]:
    emit(read_text_file(path))
for name, text in generate(200) + sample_variants(200):
    emit(from_text(text, name))
out.close()
"""


def corpus_files() -> list[str]:
    shared = ROOT.parent / "shared"
    globs = [(shared / "seed", "*.txt"), (shared / "devset" / "articles", "*.txt"),
             (ROOT / "src" / "rasd" / "samples" / "articles", "*.txt"),
             (ROOT / "tests" / "data" / "fusion" / "articles", "*.txt")]
    files: list[str] = []
    for folder, pattern in globs:
        files += sorted(str(p) for p in folder.glob(pattern))
    return files


def run(src: Path, out: Path, cache: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src), RASD_CACHE=str(cache))
    cmd = [sys.executable, "-c", RUNNER, str(out), str(ROOT / "bench"), *corpus_files()]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default="HEAD", help="git revision to compare against (default HEAD)")
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        subprocess.run(["git", "worktree", "add", "--detach", str(t / "before"), args.before],
                       check=True, cwd=ROOT, capture_output=True)
        try:
            run(t / "before" / "src", t / "before.jsonl", t / "cache-before")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(t / "before")], cwd=ROOT, capture_output=True)
        run(ROOT / "src", t / "after.jsonl", t / "cache-after")
        before, after = load(t / "before.jsonl"), load(t / "after.jsonl")
    diffs = [(i, b, a) for i, (b, a) in enumerate(zip(before, after)) if b != a]
    print(f"records before: {len(before)}, after: {len(after)}, differing: {len(diffs)}"
          f"{'' if len(before) == len(after) else ' (counts differ)'}")
    for i, b, a in diffs[: args.show]:
        keys = sorted(k for k in set(b) | set(a) if b.get(k) != a.get(k))
        print(f"#{i} {b.get('input')}: " + "; ".join(f"{k}: {b.get(k)!r} -> {a.get(k)!r}" for k in keys)[:600])
    return 0 if not diffs and len(before) == len(after) else 1


if __name__ == "__main__":
    sys.exit(main())
