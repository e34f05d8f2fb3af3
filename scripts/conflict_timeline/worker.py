"""The entry points of helper processes (the background timeline).

`call("module:function", *args)` names its target as text, so neither the process that submits
the work nor the one that runs it imports more than this small module before the target's own
module: a spawned timeline worker loads the drawing library, not the extractor. `serve` is a
one-job worker: it imports what it is told to preload, runs the one call it receives, sends the
outcome back and leaves at once (nothing of its state needs tearing down).
"""

from __future__ import annotations

import importlib
import os


def call(target: str, *args):
    """Import `module` and return `function(*args)` for a target written "module:function"."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)(*args)


def serve(connection, preload: tuple[str, ...]) -> None:
    """Import `preload`, then run the one (target, args) received and send back (True, result) or
    (False, the exception); None received means there is nothing to do."""
    try:
        for module in preload:
            importlib.import_module(module)
        job = connection.recv()
        if job is not None:
            target, args = job
            try:
                outcome = (True, call(target, *args))
            except Exception as exc:  # noqa: BLE001 - handed to the process that asked
                outcome = (False, exc)
            try:
                connection.send(outcome)
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
                connection.send((False, RuntimeError(f"{type(outcome[1]).__name__}: {outcome[1]} ({exc})")))
    except (EOFError, OSError):
        pass  # the build went away
    finally:
        connection.close()
        os._exit(0)
