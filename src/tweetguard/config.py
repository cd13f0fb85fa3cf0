"""The school's configuration: ``.tweetguard.yaml`` or ``[tool.tweetguard]`` in pyproject.toml.

Found by walking up from the current folder (``--config`` names one instead). Relative paths
in it are relative to the file. An unknown key is an error naming it: a misspelt key must
never silently do nothing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from tweetguard.core.errors import ConfigError
from tweetguard.core.files import FileRefused, read_regular
from tweetguard.core.model import SEVERITIES
from tweetguard.core.settings import Settings

CONFIG_NAME = ".tweetguard.yaml"
MAX_CONFIG_BYTES = 1_000_000  # a config is a few lines; a FIFO or /dev/zero must not hang


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.tweetguard]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def _read_text(path: Path) -> str:
    """The config file's text; only a regular file is read."""
    try:
        return read_regular(path, MAX_CONFIG_BYTES, "a config file").decode("utf-8")
    except FileRefused as exc:
        raise ConfigError(str(path), f"the config {exc.reason}; check --config") from None


def _read(path: Path) -> dict[str, Any]:
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read the config file ({exc}); check --config") from None
    # The readers are imported here: most runs have no config file, or only one kind of it.
    if path.suffix == ".toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("tweetguard", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(str(path), f"is not valid TOML ({exc})") from None
    else:
        from tweetguard.core import yamlsafe

        try:
            data = yamlsafe.load(text) or {}
        except yamlsafe.YamlProblem as exc:
            raise ConfigError(f"{path}:{exc.line}", f"config {exc.message}") from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), "the config must be a mapping of 'key: value' settings")
    return data


def _strings(value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ValueError("must be a list of text values")
    return tuple(items)


def _one_path(value: Any) -> str:
    """One file name (a list holding exactly one is accepted, as before)."""
    items = _strings(value)
    if len(items) != 1 or not items[0].strip():
        raise ValueError("must name one roster file, like roster: pupils.csv")
    return items[0]


def _timezone(value: Any) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{value}' is not a time zone; use a name like Europe/London") from None
    return str(value)


def _severities(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
        raise ValueError("must map rule ids to error, warning or info")
    return {str(k): str(v) for k, v in value.items()}


def _window(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) - {"start", "end", "days"}:
        raise ValueError("takes start, end and days, like {start: '08:00', end: '18:00'}")
    from tweetguard.core.clock import parse_clock, parse_days
    from tweetguard.core.errors import RuleParamError

    try:
        fields: dict[str, Any] = {}
        if "start" in value:
            fields["window_start"] = parse_clock(str(value["start"]), "start")
        if "end" in value:
            fields["window_end"] = parse_clock(str(value["end"]), "end")
        if "days" in value:
            parse_days(list(_strings(value["days"])))
            fields["days"] = _strings(value["days"])
    except RuleParamError as exc:
        raise ValueError(f"{exc.key} {exc.message}") from None
    if "window_start" in fields and "window_end" in fields and fields["window_end"] <= fields["window_start"]:
        raise ValueError(f"end {value['end']} must be later than start {value['start']}")
    return fields


def _length_limit(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"must be a whole number of characters, like length_limit: 1000 (not '{value}')")
    return value


def _names_with_photos(value: Any) -> bool:
    if value not in ("off", "warn", False):  # YAML reads a bare off as false
        raise ValueError(f"must be off or warn (not '{value}')")
    return bool(value == "warn")


def _platform(value: Any) -> Any:
    from tweetguard.core.platforms import platform_named

    return platform_named(str(value))


# Each key: how to read its value into Settings fields (relative paths resolved by the caller).
KEYS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "timezone": lambda v: {"timezone": _timezone(v)},
    "posting_window": _window,
    "rules": lambda v: {"rule_dirs": _strings(v)},
    "select": lambda v: {"select": _strings(v)},
    "ignore": lambda v: {"ignore": _strings(v)},
    "severity": lambda v: {"severity": _severities(v)},
    "roster": lambda v: {"roster": _one_path(v)},
    "allow_names": lambda v: {"allow_names": _strings(v)},
    "allow_places": lambda v: {"allow_places": _strings(v)},
    "allow_accounts": lambda v: {"allow_accounts": _strings(v)},
    "school_email_domains": lambda v: {"school_domains": tuple(d.lower().lstrip("@") for d in _strings(v))},
    "include": lambda v: {"include": _strings(v)},
    "exclude": lambda v: {"exclude": _strings(v)},
    "platform": lambda v: {"platform": _platform(v)},
    "length_limit": lambda v: {"length_limit": _length_limit(v)},
    "names_with_photos": lambda v: {"names_with_photos": _names_with_photos(v)},
}


def _where(path: Path, key: Any) -> str:
    """``path:line`` of a key in a YAML config (errors are rare, so it is parsed again here)."""
    if path.suffix == ".toml":
        return str(path)
    from tweetguard.core import yamlsafe

    try:
        node = yamlsafe.compose(_read_text(path))
    except (OSError, UnicodeDecodeError, ConfigError, yamlsafe.YamlProblem):
        return str(path)
    line = yamlsafe.mapping_lines(node).get(str(key)) if node is not None else None
    return f"{path}:{line}" if line else str(path)


def with_keys(settings: Settings, keys: dict[str, Any], where: str) -> Settings:
    """``settings`` with config ``keys`` applied (a rule example's ``config:``)."""
    fields: dict[str, Any] = {}
    for key, value in keys.items():
        reader = KEYS.get(str(key).replace("-", "_"))
        if reader is None:
            raise ConfigError(where, f"unknown config key '{key}'; known keys: {', '.join(sorted(KEYS))}")
        try:
            fields.update(reader(value))
        except ValueError as exc:
            raise ConfigError(where, f"'{key}' {exc}") from None
    return replace(settings, **fields)


def load_settings(path: Path | None, base: Settings | None = None) -> Settings:
    """Settings from a config file (or the defaults when there is none)."""
    settings = base or Settings()
    if path is None:
        return settings
    data = _read(path)
    fields: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:  # `roster:` left empty means "not set"
            continue
        reader = KEYS.get(str(key).replace("-", "_"))
        if reader is None:
            raise ConfigError(_where(path, key), f"unknown key '{key}'; known keys: {', '.join(sorted(KEYS))}")
        try:
            fields.update(reader(value))
        except ValueError as exc:
            raise ConfigError(_where(path, key), f"'{key}' {exc}") from None
    folder = path.parent
    if "rule_dirs" in fields:
        fields["rule_dirs"] = tuple(folder / d for d in fields["rule_dirs"])
    if "roster" in fields:
        fields["roster"] = folder / fields["roster"]
    return replace(settings, **fields)
