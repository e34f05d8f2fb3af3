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
