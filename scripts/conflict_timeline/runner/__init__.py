"""Running extraction at scale: per-document tasks, a content-addressed cache of their results,
and the engines that run them (a process pool on one machine, Dask on a cluster)."""

from __future__ import annotations

from .background import BackgroundTimeline
from .cache import ResultCache
from .engines import ENGINES, run_tasks
from .extract import Extraction, extract_seeds
from .tasks import SeedTask, TaskOutcome, extract_task, plan_tasks
from .version import extractor_version

__all__ = ["BackgroundTimeline", "ENGINES", "Extraction", "ResultCache", "SeedTask", "TaskOutcome", "extract_seeds",
           "extract_task", "extractor_version", "plan_tasks", "run_tasks"]
