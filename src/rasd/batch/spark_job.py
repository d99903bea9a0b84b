"""Batch extraction and fusion on Apache Spark (PySpark), for archives too big for one machine.

`extract`: JSONL or Parquet article rows (`text`, optional `title`, `url`, `published`, `source`, `id`)
-> the same extractor as `rasd extract`, run per partition (the knowledge base is loaded once per
Python worker and reused across tasks) -> records as Parquet partitioned by month, plus the articles.

`fuse`: records -> incidents with the store's fusion rules. Records are shuffled by country and
sorted by day so each task fuses one country's stream with the (country, day, cell) blocking of
rasd.store.fusion: a shuffle, never a cross join.

Local mode (`local[*]`) is the default; pass `--master spark://host:7077` (or use spark-submit, see
the README) for a cluster.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

RECORD_COLUMNS = ["article_key", "doc_id", "kind", "event_date", "month", "country_code", "event_type", "record"]
ARTICLE_COLUMNS = ["article_key", "doc_id", "title", "text", "published", "outlet", "url", "error"]


def session(master: str | None = None, app: str = "rasd-batch"):
    import os
    import sys

    from pyspark.sql import SparkSession

    # executors run the same interpreter (and so the same installed rasd) as the driver, unless the
    # cluster says otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    b = SparkSession.builder.appName(app).master(master or "local[*]")
    b = b.config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
    b = b.config("spark.python.worker.reuse", "true").config("spark.sql.shuffle.partitions", "8")
    return b.getOrCreate()


def _extract_partition(rows: Iterable[Any]) -> Iterator[tuple[str, Any]]:
    """Runs on the executors: one knowledge-base load per Python worker (rasd.knowledge.base caches it)."""
    from rasd.knowledge.base import load
    from rasd.pipeline import extract
    from rasd.sources import ItemError, row_item

    kb = load()
    for i, row in enumerate(rows):
        d = row.asDict() if hasattr(row, "asDict") else dict(row)
        d = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in d.items()}
        key = str(d.get("id") or d.get("url") or f"row-{hash(d.get('text'))}")
        item = row_item(d, key, None, default_key=key)
        if isinstance(item, ItemError):
            yield ("article", (key, None, d.get("title"), d.get("text"), None, d.get("source"), d.get("url"), item.message))
            continue
        doc = item.doc
        try:
            recs = extract(doc, kb, warn=False)
        except Exception as exc:  # one bad row never stops a partition
            yield ("article", (item.key, doc.doc_id, doc.title, doc.text, None, doc.outlet, doc.url, f"{type(exc).__name__}: {exc}"))
            continue
        yield ("article", (item.key, doc.doc_id, doc.title, doc.text, doc.published.isoformat() if doc.published else None,
                           doc.outlet, doc.url, None))
        for r in recs:
            when = r.get("event_date") or r.get("period_start")
            yield ("record", (item.key, doc.doc_id, r["kind"], when, (when or "unknown")[:7], r.get("country_code"),
                              r.get("event_type"), json.dumps(r, ensure_ascii=False)))


def _read_articles(spark, path: str):
    lower = path.lower()
    if lower.endswith(".parquet") or "parquet" in lower:
        return spark.read.parquet(path)
    return spark.read.json(path)


def extract_job(input_path: str, output: str, master: str | None = None) -> dict[str, int]:
    from pyspark.sql.types import StringType, StructField, StructType

    spark = session(master)
    df = _read_articles(spark, input_path)
    out = df.rdd.mapPartitions(_extract_partition).cache()
    rec_schema = StructType([StructField(c, StringType()) for c in RECORD_COLUMNS])
    art_schema = StructType([StructField(c, StringType()) for c in ARTICLE_COLUMNS])
    records = spark.createDataFrame(out.filter(lambda x: x[0] == "record").map(lambda x: x[1]), rec_schema)
    arts = spark.createDataFrame(out.filter(lambda x: x[0] == "article").map(lambda x: x[1]), art_schema)
    records.write.mode("overwrite").partitionBy("month").parquet(f"{output}/records")
    arts.write.mode("overwrite").parquet(f"{output}/articles")
    counts = {"articles": arts.count(), "records": records.count(), "failed": arts.filter("error is not null").count()}
    out.unpersist()
    return counts


def _fuse_partition(rows: Iterable[Any]) -> Iterator[tuple]:
    from rasd.store.fusion import fuse, load_sides

    load_sides()  # the same actor-side table as the store's fusion
    by_country: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        r = json.loads(row["record"])
        r["source"], r["published"] = row["article_key"], row["published"]
        by_country.setdefault(r.get("country_code") or "", []).append(r)
    for cc, recs in by_country.items():
        for c in fuse(recs):
            f = c.fields
            members = sorted({m["source"] for m in c.members})
            ident = f"{cc}-{f['event_date']}-{members[0]}"
            yield (ident, json.dumps(f, ensure_ascii=False, default=str), json.dumps(members, ensure_ascii=False),
                   cc, str(f["event_date"])[:7])


def fuse_job(input_dir: str, output: str, master: str | None = None) -> dict[str, int]:
    from pyspark.sql.types import StringType, StructField, StructType

    spark = session(master)
    recs = spark.read.parquet(f"{input_dir}/records").filter("kind = 'event' and country_code is not null")
    arts = spark.read.parquet(f"{input_dir}/articles").select("article_key", "published")
    joined = recs.join(arts, "article_key", "left")
    shuffled = joined.repartition("country_code").sortWithinPartitions("country_code", "event_date")
    schema = StructType([StructField(c, StringType()) for c in ("incident_id", "fields", "sources", "country_code", "month")])
    incidents = spark.createDataFrame(shuffled.rdd.mapPartitions(_fuse_partition), schema)
    incidents.write.mode("overwrite").partitionBy("month").parquet(f"{output}/incidents")
    return {"records": recs.count(), "incidents": spark.read.parquet(f"{output}/incidents").count()}
