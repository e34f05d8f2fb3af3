"""The entry point of helper processes (the background timeline): `call("module:function", *args)`.

It names its target as text, so neither the process that submits the work nor the one that
unpickles it imports more than this small module before the target's own module: a spawned
timeline worker loads the drawing library, not the extractor.
"""

from __future__ import annotations

import importlib


def call(target: str, *args):
    """Import `module` and return `function(*args)` for a target written "module:function"."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)(*args)
