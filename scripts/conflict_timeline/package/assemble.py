"""The package's tables from every article's rows (`fragments.py`): ordered, merged, formatted.

The same tables as `tables.build_tables`, made over columns: the articles' rows are held as
Arrow tables (with `_key`, the article they come from), so an incremental build reuses the
previous build's rows as they are and only orders and merges them again. Every sort has the
same keys as `build_tables` plus the article's and the row's rank as the last ties, so the
order is the one a full build gives whatever order the rows are stored in; the merge is
`merge.group` and `merge.merged_row` over the rows in that order, as `merge.merge_events` uses them.
"""

from __future__ import annotations

import functools
import gc

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..events.actors import affiliated_actors
from ..merge import ROW_FIELDS, Context, Report, group, merged_row
from .fragments import FRAGMENT_TABLES, SourceRows, csv_line
from .schemas import ARROW_TYPES, arrow_schema, field_names, _load
from .write import _arrow, _none_if_nan, cell, write_csv, write_lines, write_parquet_table

#: The columns a fragment adds to the schema's, with their Arrow types.
PRIVATE_TYPES = {"_key": pa.string(), "_within": pa.int64(), "_head": pa.string(), "_tail": pa.string(),
                 "_idq": pa.string(), "_evlines": pa.list_(pa.string()), "_evstarts": pa.list_(pa.int64()),
                 "_evends": pa.list_(pa.int64()), "_evtexts": pa.list_(pa.string()), "_match": pa.string(),
                 "_ctx": pa.string(), "_line": pa.string()}


def to_arrow(fragments: list[tuple[str, SourceRows]]) -> dict[str, pa.Table]:
    """Arrow tables of the rows of these (key, rows) pairs, each row marked with its article's key."""
    out = {}
    for name in FRAGMENT_TABLES:
        types = {f["name"]: ARROW_TYPES[f["type"]] for f in _load(name)["fields"]}
        names = list(types) + (list(fragments[0][1].columns[name]) if fragments else ["_within"])
        columns: dict[str, list] = {n: [] for n in names if n in types or n in PRIVATE_TYPES}
        columns["_key"] = []
        for key, rows in fragments:
            part = rows.columns[name]
            for column, values in columns.items():
                if column == "_key":
                    values.extend([key] * rows.count(name))
                else:
                    values.extend(part[column])
        out[name] = pa.table({n: pa.array([_none_if_nan(v) for v in values] if n in types else values,
                                          type=types.get(n) or PRIVATE_TYPES[n])
                              for n, values in columns.items()})
    return out


def combine(stored: dict[str, pa.Table] | None, fresh: dict[str, pa.Table], keys: list[str]) -> dict[str, pa.Table]:
    """The stored rows of the articles still in `keys`, and the fresh ones."""
    if stored is None:
        return fresh
    wanted = pa.array(keys, pa.string())
    out = {}
    for name in FRAGMENT_TABLES:
        keep = pc.is_in(stored[name]["_key"], value_set=wanted)
        kept = stored[name] if pc.all(keep).as_py() is not False else stored[name].filter(keep)
        out[name] = pa.concat_tables([kept, fresh[name].select(kept.column_names)]) if fresh[name].num_rows else kept
    return out


class PackageTables:
    """Every resource as an Arrow table (schema columns, in package order) and its CSV lines."""

    def __init__(self, arrow: dict[str, pa.Table], lines: dict[str, list[str]] | None = None,
                 key_order: dict[str, list[str]] | None = None, rows: dict[str, list[dict]] | None = None):
        self.arrow, self.lines = arrow, lines or {}
        self.key_order, self._rows = key_order or {}, dict(rows or {})

    @classmethod
    def from_rows(cls, tables: dict[str, list[dict]]) -> "PackageTables":
        return cls({n: _arrow(arrow_schema(n), rows) for n, rows in tables.items()}, rows=tables)

    def count(self, name: str) -> int:
        return self.arrow[name].num_rows

    def _order(self, name: str) -> list[str]:
        """The columns in the order extraction gives them (the order of the timeline's frames)."""
        return [n for n in self.key_order.get(name) or field_names(name) if n in self.arrow[name].column_names]

    def rows(self, name: str) -> list[dict]:
        """The rows as dicts, keys in the order extraction gives them."""
        if name not in self._rows:
            self._rows[name] = self.arrow[name].select(self._order(name)).to_pylist() if self.count(name) else []
        return self._rows[name]

    def ordered(self, names: tuple[str, ...]) -> dict[str, pa.Table]:
        """These resources' Arrow tables, columns in the order extraction gives them (what the
        timeline is drawn from)."""
        return {n: self.arrow[n].select(self._order(n)) for n in names}

    def write(self, name: str, csv_path, parquet_path) -> None:
        if name in self.lines:
            write_lines(name, self.lines[name], csv_path)
        else:
            write_csv(name, self.rows(name), csv_path)
        write_parquet_table(self.arrow[name], parquet_path)


def _positions(table: pa.Table, keys: list[str]) -> list[int]:
    return pc.index_in(table["_key"], value_set=pa.array(keys, pa.string())).to_pylist()


def _with_count(table: pa.Table, name: str, column: str, counts: list[int]) -> pa.Table:
    """The resource's columns of `table` with `column` set to `counts` (take rows after selecting
    columns, so the rows' private CSV lines are not copied)."""
    names = field_names(name)
    table = table.select(names)
    at = names.index(column)
    return table.set_column(at, pa.field(column, pa.int64()), pa.array(counts, pa.int64()))


def _sorted(columns: list, names: tuple[str, ...] | None = None) -> np.ndarray:
    """Row numbers in the order of these columns (first key first), ties in row order: what
    `sorted(range(n), key=lambda i: (c1[i], c2[i], ...))` gives, computed by Arrow (a stable
    sort; strings compare by code point in both)."""
    names = names or tuple(f"k{i}" for i in range(len(columns)))
    table = pa.table({n: c for n, c in zip(names, columns)})
    return pc.sort_indices(table, sort_keys=[(n, "ascending") for n in names]).to_numpy()


def _gc_paused(function):
    """Run with the cyclic garbage collector paused: the merge makes hundreds of thousands of small
    objects that hold no cycles (reports, their pairs' weights), and the collector's passes over
    them and over the build's heap took a quarter of the merge's time."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return wrapper


@_gc_paused
def assemble(rows: dict[str, pa.Table], keys: list[str], key_order: dict[str, list[str]]) -> PackageTables:
    """The package's tables from the rows of the articles `keys` (in seed order; `rows` may hold more)."""
    rows = combine(rows, {n: rows[n].slice(0, 0) for n in FRAGMENT_TABLES}, keys)
    src = rows["sources"]
    src_pos = np.asarray(_positions(src, keys), dtype=np.int64)
    # an article's rank: its place by (published, source_id), ties by its place among the seeds
    by_rank = _sorted([src["published"], src["source_id"], pa.array(src_pos)])
    rank_of_pos = np.zeros(len(keys), dtype=np.int64)
    rank_of_pos[src_pos[by_rank]] = np.arange(len(by_rank))

    contexts = {s: Context.of(c) for s, c in zip(src["source_id"].to_pylist(), src["_ctx"].to_pylist())}
    ev_rank = rank_of_pos[np.asarray(_positions(rows["events"], keys), dtype=np.int64)]
    events, event_lines, created = _merged_events(rows["events"], ev_rank, contexts)
    ev = rows["events"]
    sid = ev["source_id"].to_pylist()
    firsts = pa.array([m[0] for m in created], pa.int64())
    sizes = np.fromiter((len(m) for m in created), dtype=np.int64, count=len(created))
    pair_head = np.repeat(firsts.to_numpy(), sizes)
    pair_member = np.fromiter((i for m in created for i in m), dtype=np.int64, count=int(sizes.sum()))
    per_source: dict[str, int] = {}  # the events each source gives evidence for (one or more reports each)
    for source_id, _ in {(sid[i], h) for h, i in zip(pair_head.tolist(), pair_member.tolist())}:
        per_source[source_id] = per_source.get(source_id, 0) + 1
    # one evidence row per sentence of each report: (head, k-th sentence of the member) as flat list positions
    starts = ev["_evstarts"].combine_chunks()
    offsets = starts.offsets.to_numpy()
    counts_of = np.diff(offsets)[pair_member]
    at = np.repeat(offsets[pair_member], counts_of) + (np.arange(int(counts_of.sum())) - np.repeat(np.cumsum(counts_of) - counts_of, counts_of))
    cite_head = pa.array(np.repeat(pair_head, counts_of))
    cite_member = pa.array(np.repeat(pair_member, counts_of))
    cite_at = pa.array(at, pa.int64())
    cite_start = starts.values.take(cite_at)
    by_cite = pa.array(_sorted([ev["event_id"].take(cite_head), ev["source_id"].take(cite_member), cite_start,
                                ev["event_id"].take(cite_member)]))
    cite_head, cite_member, cite_at = cite_head.take(by_cite), cite_member.take(by_cite), cite_at.take(by_cite)
    idq = ev["_idq"].to_pylist()
    columns = {"report_id": ev["event_id"].take(cite_member), "char_start": starts.values.take(cite_at),
               "evidence": ev["_evtexts"].combine_chunks().values.take(cite_at),
               "char_end": ev["_evends"].combine_chunks().values.take(cite_at)}
    evidence = pa.table([ev["event_id"].take(cite_head)] +
                        [columns[n] if n in columns else ev[n].take(cite_member) for n in field_names("event_sources")[1:]],
                        schema=arrow_schema("event_sources"))
    evlines = ev["_evlines"].combine_chunks().values.take(cite_at).to_pylist()
    evidence_lines = [idq[h] + "," + line for h, line in zip(cite_head.to_pylist(), evlines)]
    src_ids = src["source_id"].to_pylist()
    src_order = _sorted([src["source_id"], pa.array(rank_of_pos[src_pos])]).tolist()
    src_counts = [per_source.get(src_ids[i], 0) for i in src_order]
    sources = _with_count(src.select(field_names("sources")).take(pa.array(src_order, pa.int64())), "sources", "event_count", src_counts)
    s_head, s_tail = src["_head"].to_pylist(), src["_tail"].to_pylist()
    source_lines = [s_head[i] + str(c) + s_tail[i] for i, c in zip(src_order, src_counts)]

    me = rows["mentions"]
    m_rank = rank_of_pos[np.asarray(_positions(me, keys), dtype=np.int64)]
    m_order = _sorted([me["source_id"], me["char_start"], pa.array(m_rank), me["_within"]]).tolist()
    mentions = me.select(field_names("mentions")).take(pa.array(m_order, pa.int64()))
    m_lines = me["_line"].to_pylist()

    actor_rows = _actors(rows["actors"], keys, rank_of_pos, events, key_order.get("actors"))
    names = field_names("actors")
    return PackageTables(
        {"sources": sources, "actors": _arrow(arrow_schema("actors"), actor_rows), "events": events,
         "event_sources": evidence, "mentions": mentions},
        lines={"sources": source_lines, "events": event_lines, "event_sources": evidence_lines,
               "mentions": [m_lines[i] for i in m_order],
               "actors": [csv_line([cell(r.get(n)) for n in names]) for r in actor_rows]},
        key_order=key_order, rows={"actors": actor_rows})


def _merged_events(ev: pa.Table, ev_rank: np.ndarray, contexts: dict[str, Context]) -> tuple[pa.Table, list[str], list[list[int]]]:
    """(events table, its CSV lines, the happenings as lists of row numbers): `merge.group` over the
    rows in package order, each happening made one event by `merge.merged_row` (a happening one
    report tells of keeps the row and line its worker made)."""
    order = _sorted([pa.array(ev_rank), ev["_within"]]).tolist()
    taken = pa.array(order, pa.int64())
    match_rows = ev.select(list(ROW_FIELDS)).take(taken).to_pylist()
    extras = ev["_match"].take(taken).to_pylist()
    reports = [Report.from_row(i, r, x, contexts[r["source_id"]]) for i, (r, x) in enumerate(zip(match_rows, extras))]
    created = [[order[j] for j in members] for members in group(reports)]
    names = field_names("events")
    table = ev.select(names)
    singles = [m[0] for m in created if len(m) == 1]
    several = [m for m in created if len(m) > 1]
    published = [int(x.split("|", 1)[0]) for x in ev["_match"].to_pylist()] if several else []
    several_rows = iter(table.take(pa.array([i for m in several for i in m], pa.int64())).to_pylist())  # one take
    merged_rows = [merged_row([next(several_rows) for _ in m], [published[i] for i in m]) for m in several]
    head_l, tail_l = ev["_head"].to_pylist(), ev["_tail"].to_pylist()
    lines = [head_l[h] + "1" + tail_l[h] for h in singles] + \
        [csv_line([cell(r.get(n)) for n in names]) for r in merged_rows]
    single_table = table.take(pa.array(singles, pa.int64()))
    every = pa.concat_tables([single_table, _arrow(arrow_schema("events"), merged_rows).cast(single_table.schema)])
    made = _sorted([every[n] for n in ("date_start", "date_end", "source_id", "char_start", "event_id")])
    groups = [[s] for s in singles] + several
    return every.take(pa.array(made)), [lines[k] for k in made.tolist()], [groups[k] for k in made.tolist()]


def _actors(table: pa.Table, keys: list[str], rank_of_pos: np.ndarray, events: pa.Table,
            order: list[str] | None) -> list[dict]:
    """The actors the events name (each from the first article, in article order, that has it),
    with every actor they are affiliated with (as `tables.build_tables`)."""
    referenced = {v for n in ("actor1", "actor2", "speaker") for v in events[n].to_pylist() if v}
    ids = table["actor_id"].to_pylist()
    rank = rank_of_pos[np.asarray(_positions(table, keys), dtype=np.int64)]
    chosen: dict[str, int] = {}
    for i in _sorted([pa.array(rank), table["_within"]]).tolist():
        if ids[i] in referenced and ids[i] not in chosen:
            chosen[ids[i]] = i
    columns = [n for n in order or field_names("actors") if n in table.column_names]
    first = {}  # every actor id -> its row of the first article that has it
    for i in _sorted([pa.array(rank), table["_within"]]).tolist():
        first.setdefault(ids[i], i)
    affiliations = dict(zip(ids, table["affiliation"].to_pylist()))
    pending = [affiliations[a] for a in chosen]
    while pending:  # an affiliation the articles name (a spokesman's group), as `tables.build_tables`
        actor_id = pending.pop()
        if actor_id and actor_id in first and actor_id not in chosen:
            chosen[actor_id] = first[actor_id]
            pending.append(affiliations[actor_id])
    out = {a: r for a, r in zip(chosen, table.take(pa.array(list(chosen.values()), pa.int64())).select(columns).to_pylist())}
    for actor_id, actor in affiliated_actors([r["affiliation"] for r in out.values() if r.get("affiliation")], out).items():
        out[actor_id] = actor.row()
    return sorted(out.values(), key=lambda r: r["actor_id"])
