"""YAML as every data file of the project is read: safe, and with libyaml's C loader where it is installed
(several times faster than the pure-Python one, which matters to every worker's start-up)."""

from __future__ import annotations

import yaml

try:
    LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    LOADER = yaml.SafeLoader


def load_yaml(stream):
    """The document of a YAML text or open file, read safely."""
    return yaml.load(stream, Loader=LOADER)


def load_mapping(path):
    """A data file's top-level mapping; a file that cannot be read or holds no mapping is a
    LexiconError naming it and the fix."""
    from .errors import LexiconError

    try:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot be loaded ({exc}). Fix the file's YAML.") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: must hold a mapping at the top level. Fix the file.")
    return data
