"""Write a generated data file: comment lines saying where it comes from, the header, the rows."""

from __future__ import annotations


def write_tsv(path: str, comment: str, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for line in comment.strip("\n").split("\n"):
            fh.write(f"# {line}\n")
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
