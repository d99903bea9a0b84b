"""The Spark job in local mode gives exactly what `rasd extract` gives, and its output loads into the
store without extracting again."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

from rasd.ingest import ingest  # noqa: E402
from rasd.knowledge.base import load  # noqa: E402
from rasd.pipeline import extract  # noqa: E402
from rasd.sources import row_item  # noqa: E402
from rasd.store.db import Store  # noqa: E402
from rasd.store.fusion import fuse  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "rasd" / "samples" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict]]:
    rows = []
    for p in sorted(SAMPLES.glob("*.txt")):
        title, body = p.read_text(encoding="utf-8").split("\n", 1)
        rows.append({"id": p.name, "title": title, "text": body, "source": "samples"})
    rows.append({"id": "broken", "title": "no text"})
    path = tmp_path_factory.mktemp("batch") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path, rows


@pytest.fixture(scope="module")
def batch_out(corpus, tmp_path_factory):
    from rasd.batch.spark_job import extract_job

    out = tmp_path_factory.mktemp("out")
    counts = extract_job(str(corpus[0]), str(out), "local[2]")
    return out, counts


def test_spark_output_equals_single_process_output(corpus, batch_out):
    import pyarrow.dataset as ds

    out, counts = batch_out
    kb = load()
    expected = []
    for row in corpus[1]:
        item = row_item(row, row["id"], None, default_key=row["id"])
        if hasattr(item, "doc"):
            expected += [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in extract(item.doc, kb, warn=False)]
    got = [json.dumps(json.loads(r["record"]), ensure_ascii=False, sort_keys=True)
           for r in ds.dataset(out / "records", format="parquet", partitioning="hive").to_table(columns=["record"]).to_pylist()]
    assert sorted(got) == sorted(expected) and len(got) > 50
    assert counts["articles"] == len(corpus[1]) and counts["failed"] == 1
    months = {p.name for p in (out / "records").iterdir() if p.name.startswith("month=")}
    assert "month=2024-01" in months


def test_spark_fusion_matches_the_library_and_the_store(batch_out, tmp_path):
    import pyarrow.dataset as ds

    from rasd.batch.spark_job import fuse_job

    out, _ = batch_out
    counts = fuse_job(str(out), str(tmp_path / "fused"), "local[2]")
    recs = ds.dataset(out / "records", format="parquet", partitioning="hive").to_table().to_pylist()
    arts = {a["article_key"]: a["published"] for a in ds.dataset(out / "articles", format="parquet").to_table().to_pylist()}
    events = []
    for r in recs:
        d = json.loads(r["record"])
        if d["kind"] == "event" and d.get("country_code"):
            events.append(dict(d, source=r["article_key"], published=arts.get(r["article_key"])))
    assert counts["incidents"] == len(fuse(events))
    store = Store(str(tmp_path / "rasd.db"))
    s = ingest(store, [str(out)], progress=False, err=io.StringIO())
    assert s.new == 24 and s.failed == 1
    assert store.counts()["records"] == len(recs)
    # the same records make the same incidents in the store and in the batch job: compare the
    # groups of sources, incident by incident, without tolerance
    fused = ds.dataset(tmp_path / "fused" / "incidents", format="parquet", partitioning="hive").to_table().to_pylist()
    batch_groups = sorted(tuple(json.loads(i["sources"])) for i in fused)
    from sqlalchemy import select

    from rasd.store.schema import articles, records

    groups: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        q = select(records.c.incident_id, articles.c.source_key).join(articles, articles.c.id == records.c.article_id)
        for inc, key in conn.execute(q.where(records.c.incident_id.is_not(None))):
            groups.setdefault(inc, set()).add(key)
    store_groups = sorted(tuple(sorted(g)) for g in groups.values())
    assert store_groups == batch_groups
