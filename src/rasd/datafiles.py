"""Reading the knowledge files in src/rasd/data (TSV and YAML), with errors that name file and line."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(str(resources.files("rasd") / "data"))


class DataFileError(Exception):
    pass


def data_path(relative: str) -> Path:
    return DATA_DIR / relative


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a header-first, tab-separated file; '#' lines and blank lines are skipped."""
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) < len(header):
                cells += [""] * (len(header) - len(cells))
            elif len(cells) > len(header):
                raise DataFileError(
                    f"{path}:{lineno}: {len(cells)} fields, header has {len(header)}"
                )
            yield {h: c.strip() for h, c in zip(header, cells)}


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def tree_hash(paths: list[Path], extra: str = "") -> str:
    """Content hash of the knowledge files, so cached indexes rebuild when an analyst edits one."""
    h = hashlib.sha256(extra.encode())
    for p in sorted(paths):
        h.update(str(p.relative_to(DATA_DIR) if p.is_relative_to(DATA_DIR) else p).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:20]


def all_data_files() -> list[Path]:
    return [p for p in DATA_DIR.rglob("*") if p.is_file() and p.suffix in {".tsv", ".yaml", ".yml"}]
