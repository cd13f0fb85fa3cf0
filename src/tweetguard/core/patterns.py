"""Compiled regular expressions, taken from the cache (core.diskcache) when a run before
compiled them.

Compiling is the slow part of a pattern (regex parses it in Python: 0.1 to 3 ms each, and
a check needs a few hundred); a compiled pattern is rebuilt from its compiled code in
microseconds. Both libraries' compiled code is kept: regex's own pickling data, and for
Python's re what its compiler hands to ``_sre`` (used only when rebuilding from it gives a
pattern equal to ``re.compile``'s, so another Python simply compiles as usual). An entry is
named by its library, flags and the pattern's text, so it answers only for that pattern.

``lazy_regex`` and ``lazy_re`` are for patterns at a module's top: compiled on first use,
by when the engine has opened the cache (and one never used is never compiled).
Patterns built from a draft's or a roster's text are compiled the ordinary way, so that
nothing personal is ever written to the cache.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine, always loaded with re
import marshal
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from tweetguard.core import diskcache

if TYPE_CHECKING:
    import regex

_COMPILED: dict[tuple[bool, str, int], Any] = {}


def compiled_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, once per process, from the cache when it has it."""
    key = (True, source, int(flags))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _regex_from_cache(source, int(flags))
    return cast("regex.Pattern[str]", found)


def compiled_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, once per process, from the cache when it has it."""
    key = (False, source, int(flags))
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = _re_from_cache(source, int(flags))
    return cast("re.Pattern[str]", found)


def _regex_from_cache(source: str, flags: int) -> Any:
    import regex
    from regex import _regex

    store = diskcache.active()
    name = f"regex {flags} {source}"
    data = store.get(name)
    rebuilt = _rebuilt(_regex.compile, data) if data is not None else None  # type: ignore[attr-defined]
    if rebuilt is not None:
        return rebuilt
    pattern = regex.compile(source, flags)
    if store.path is not None:
        store.put(name, marshal.dumps(pattern._pickled_data))  # type: ignore[attr-defined]
    return pattern


def _re_from_cache(source: str, flags: int) -> re.Pattern[str]:
    store = diskcache.active()
    name = f"re {flags} {source}"
    data = store.get(name)
    rebuilt = _rebuilt(_sre.compile, data) if data is not None else None
    if rebuilt is not None:
        return cast("re.Pattern[str]", rebuilt)
    refused = store.get(f"re refuses {flags} {source}")  # re cannot read some of regex's patterns
    if refused is not None:
        message, position = _refusal(refused)
        if message is not None:
            raise re.error(message, source, position)
    try:
        pattern = re.compile(source, flags)
    except re.error as exc:
        store.put(f"re refuses {flags} {source}", marshal.dumps((exc.msg, exc.pos)))
        raise
    if store.path is not None:
        code = _re_code(source, flags, pattern)
        if code is not None:
            store.put(name, marshal.dumps(code))
    return pattern


def _refusal(data: bytes) -> tuple[str | None, int | None]:
    try:
        message, position = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None, None
    if isinstance(message, str) and (position is None or isinstance(position, int)):
        return message, position
    return None, None


def _rebuilt(build: Callable[..., Any], data: bytes) -> Any:
    """A pattern rebuilt from its compiled code; None when an entry does not rebuild (it is
    then compiled again)."""
    try:
        return build(*marshal.loads(data))
    except Exception:  # noqa: BLE001 - whatever a damaged entry raises
        return None


def _re_code(source: str, flags: int, pattern: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What re's compiler passes to ``_sre.compile`` for this pattern (as re/_compiler.py
    does), or None unless rebuilding from it gives exactly ``pattern``."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are an int subclass
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for group_name, index in groupindex.items():
            indexgroup[index] = group_name
        data = (source, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup))
        if _sre.compile(*data) != pattern:  # equal: same text, flags and compiled code
            return None
        marshal.dumps(data)
    except Exception:  # noqa: BLE001 - another Python's re: no cache for it, compile as usual
        return None
    return data


class _Lazy:
    """A pattern compiled on first use. Its methods are then the compiled pattern's own,
    set on the instance, so a call costs what a call on the pattern costs."""

    def __init__(self, compile: Callable[[str, int], Any], source: str, flags: int) -> None:
        self.pattern = source
        self._compile = compile
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_compile", "_flags", "pattern"):
            raise AttributeError(name)
        compiled = self._compile(self.pattern, self._flags)
        for attribute in dir(compiled):
            if not attribute.startswith("_"):
                setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A module's regex pattern, compiled (through the cache) when first used."""
    return cast("regex.Pattern[str]", _Lazy(compiled_regex, source, flags))


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """A module's re pattern, compiled (through the cache) when first used."""
    return cast("re.Pattern[str]", _Lazy(compiled_re, source, flags))
