"""How tweetguard is built: layers that only import downwards, and no import cycles.

Every import of a tweetguard module counts, at the top of a module or inside a function (and
under TYPE_CHECKING), as README.md's "How tweetguard is built" describes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tweetguard"

# Lowest first. A module may import its own layer and those below it, never one above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("text",),
    ("kinds",),
    ("catalogue",),
    ("engine",),
    ("sources", "drafts", "collect"),
    ("fix", "redact", "evaluate", "config", "build_snapshot"),
    ("output", "web"),
    ("commands", "cli", "__main__"),
)
# Entry points run by `python -m`, imported by nothing: they may reach the command layer.
ENTRY_POINTS = frozenset({"tweetguard.__main__", "tweetguard.evaluate.__main__"})


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The tweetguard modules ``path`` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tweetguard"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tweetguard"):
            # "from tweetguard.text import phrases" imports a module; "from x import name", x.
            submodules = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
            found.update(submodules or {node.module})
    return found


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in _imports(path) if m in MODULES} - {name} for name, path in MODULES.items()}


def _layer(module: str) -> int | None:
    """The layer of a module; None for the package root (the public ``tweetguard`` API)."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    for index, names in enumerate(LAYERS):
        if parts[1] in names:
            return index
    raise AssertionError(f"{module} is in no layer: add its package to LAYERS and to the README")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_and_those_below(module: str) -> None:
    own = _layer(module)
    if own is None or module in ENTRY_POINTS:
        return
    upward = [m for m in sorted(GRAPH[module]) if (_layer(m) or 0) > own]
    assert not upward, f"{module} (layer {LAYERS[own]}) imports a higher layer: {upward}"


def test_core_imports_nothing_else_of_tweetguard() -> None:
    for module in MODULES:
        if _layer(module) == 0:
            assert all(_layer(m) == 0 for m in GRAPH[module]), module


def test_there_are_no_import_cycles() -> None:
    """Tarjan's strongly connected components: any component of two or more is a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    assert not cycles, f"import cycles: {cycles}"


def test_the_checker_sees_imports_inside_functions() -> None:
    """The graph is not empty-handed: function-level imports are found too."""
    assert "tweetguard.commands.evaluate" in GRAPH["tweetguard.evaluate.__main__"]
    assert "tweetguard.core.yamlsafe" in GRAPH["tweetguard.catalogue.loader"]  # imported inside a function
