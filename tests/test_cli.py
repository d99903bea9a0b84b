"""The command line: formats, --published, and unreadable input (a clear one-line error naming the
file, a non-zero exit, the other files still processed)."""

import json
import subprocess
import sys

from conftest import SHARED

ARTICLE = "هجوم\n\nصنعاء - 12 يناير 2024 - شنت طائرات أمريكية غارات على مواقع في الحديدة فجر اليوم.\n"


def rasd(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rasd.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_bad_inputs_do_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\xe9 \xe0 Paris".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    res = rasd("extract", str(missing), str(latin1), str(good), str(empty), str(binary))
    assert res.returncode != 0
    errors = [l for l in res.stderr.splitlines() if l.startswith("rasd: error")]
    assert len(errors) == 4
    for path, line in zip((missing, latin1, empty, binary), errors):
        assert str(path) in line
    out = [json.loads(l) for l in res.stdout.splitlines()]
    assert out and all(r["input"] == str(good) for r in out)


def test_formats_and_published_override(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("عنوان\n\nقصفت المدفعية التركية قرية تل رفعت أمس.\n", encoding="utf-8")
    res = rasd("extract", "--format", "json", "--published", "2023-05-10", str(f))
    recs = json.loads(res.stdout)
    assert recs[0]["event_date"] == "2023-05-09"
    res = rasd("extract", "--format", "csv", str(f))
    assert res.stdout.startswith("input,doc_id,kind")
    assert "no publication date" in res.stderr
    res = rasd("extract", "--format", "table", "--published", "2023-05-10", str(f))
    assert res.returncode == 0 and "event" in res.stdout


def test_eval_prints_scores(tmp_path):
    if not (SHARED / "devset" / "gold.jsonl").exists():
        return
    paths = sorted(str(p.relative_to(SHARED)) for p in SHARED.glob("devset/articles/*.txt"))
    pred = rasd("extract", *paths, cwd=SHARED)
    tmp = tmp_path
    (tmp / "pred.jsonl").write_text(pred.stdout, encoding="utf-8")
    res = rasd("eval", "devset/gold.jsonl", str(tmp / "pred.jsonl"), "--verbose", cwd=SHARED)
    assert "F1=" in res.stdout and "field_accuracy=" in res.stdout
