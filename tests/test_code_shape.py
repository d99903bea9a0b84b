"""The shape the extraction code keeps (issue 10): Arabic words live in data files or the one
language module, functions stay short, extraction modules stay small, and layers import downwards."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "rasd"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
LANGUAGE_MODULE = SRC / "lang" / "ar.py"
# where a long function is allowed: the argument parser and the web app factory
LONG_FUNCTIONS_ALLOWED = {("cli.py", "build_parser"), ("web/app.py", "create_app")}
MAX_FUNCTION_LINES = 60
MAX_EXTRACT_MODULE_LINES = 350


def python_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                lines.update(range(body[0].lineno, body[0].end_lineno + 1))
    return lines


def arabic_literals(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    docs = docstring_lines(ast.parse(source))
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.STRING and ARABIC.search(tok.string) and tok.start[0] not in docs:
            found.append(f"{path.relative_to(SRC)}:{tok.start[0]}: {tok.string[:40]}")
    return found


def test_arabic_words_only_in_data_files_and_the_language_module() -> None:
    found = [hit for p in python_files() if p != LANGUAGE_MODULE for hit in arabic_literals(p)]
    assert found == [], "Arabic literals outside rasd/lang/ar.py:\n" + "\n".join(found)


def test_functions_are_short() -> None:
    long = []
    for p in python_files():
        rel = str(p.relative_to(SRC))
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES and (rel, node.name) not in LONG_FUNCTIONS_ALLOWED:
                    long.append(f"{rel}:{node.lineno} {node.name}: {n} lines")
    assert long == [], "functions over 60 lines:\n" + "\n".join(long)


def test_extraction_modules_are_small() -> None:
    big = [f"{p.relative_to(SRC)}: {n}" for p in sorted((SRC / "extract").glob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_EXTRACT_MODULE_LINES]
    assert big == []


# lower layers never import higher ones
FORBIDDEN_IMPORTS = {
    "text": ("rasd.knowledge", "rasd.doc", "rasd.resolve", "rasd.extract", "rasd.store"),
    "lang": ("rasd.knowledge", "rasd.text.dates", "rasd.text.segment", "rasd.text.numbers", "rasd.doc",
             "rasd.resolve", "rasd.extract", "rasd.store"),
    "knowledge": ("rasd.doc", "rasd.resolve", "rasd.extract", "rasd.store"),
    "resolve": ("rasd.extract", "rasd.store", "rasd.pipeline"),
    "store": ("rasd.extract",),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN_IMPORTS))
def test_layers_import_downwards(package: str) -> None:
    bad = []
    for p in sorted((SRC / package).rglob("*.py")):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            bad += [f"{p.relative_to(SRC)} imports {n}" for n in names if n.startswith(FORBIDDEN_IMPORTS[package])]
    assert bad == []


def test_no_undefined_or_unused_names():
    # a name used where it is not defined (a return of the wrong variable) fails only on the branch that reaches it;
    # pyflakes reads every branch
    from pyflakes.api import check
    from pyflakes.reporter import Reporter

    out, err = io.StringIO(), io.StringIO()
    problems = sum(check(p.read_text(encoding="utf-8"), str(p), Reporter(out, err)) for p in python_files())
    assert problems == 0, out.getvalue() + err.getvalue()
