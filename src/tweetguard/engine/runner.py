"""Running a check: drafts in, results out to a reporter, one draft at a time.

Results stream to the reporter as they are made, so memory stays flat however many drafts
there are; only counts are kept for the summary and the exit code. Many drafts are checked
in worker processes, but always reported in input order.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Iterable, Iterator

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import Draft, DraftResult, Rule
from tweetguard.core.reporting import Reporter, Summary
from tweetguard.engine.checker import Engine
from tweetguard.engine.lifetime import (
    available_cpus,
    die_with_parent,
    signals_held,
    workers_end_with_parent,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Before this many drafts are checked, starting worker processes costs more than it saves
# (measured with benchmarks/bench.py); single drafts and small folders never pay for a pool.
SERIAL_FIRST = 128
CHUNK = 64  # drafts per message to a worker: fewer, larger messages cost less to send
IN_FLIGHT_PER_WORKER = 4  # chunks read ahead per worker: enough to keep it busy, memory stays flat
MAX_AUTO_JOBS = 4


Item = Draft | TweetguardError
# What checking one draft gave: its result and the rules that failed on it (rule, reason).
Checked = tuple[DraftResult, list[tuple[Rule, str]]]


def auto_jobs() -> int:
    """Worker processes for ``--jobs auto``: the CPUs this process may use, at most four."""
    return min(available_cpus(), MAX_AUTO_JOBS)


def run(items: Iterable[Item], engine: Engine, default_time: datetime | None,
        reporter: Reporter, jobs: int = 1) -> Summary:
    """Check every draft; unreadable ones and failing rules are reported, never raised.

    With ``jobs`` > 1 the first SERIAL_FIRST drafts are checked here and the rest in ``jobs``
    worker processes (where the platform can fork); the output is the same either way.
    """
    summary = Summary()
    stream = iter(items)
    head = _SerialHead(stream, engine, default_time, limit=SERIAL_FIRST if jobs > 1 else None)
    for item, checked in head:
        _report(item, checked, summary, reporter)
    if head.more:
        for item, checked in _check_in_workers(stream, engine, default_time, jobs):
            _report(item, checked, summary, reporter)
    reporter.finish(summary)
    engine.cache.save()  # what this run compiled, for the next one (a no-op when nothing was)
    return summary


class _SerialHead:
    """Check items here, stopping after ``limit`` drafts; ``more`` says it stopped early."""

    def __init__(self, items: Iterator[Item], engine: Engine, default_time: datetime | None,
                 limit: int | None) -> None:
        self.items, self.engine, self.default_time, self.limit = items, engine, default_time, limit
        self.more = False

    def __iter__(self) -> Iterator[tuple[Item, Checked | None]]:
        count = 0
        for item in self.items:
            if isinstance(item, TweetguardError):
                yield item, None
                continue
            yield item, _check_here(self.engine, item, self.default_time)
            count += 1
            if self.limit is not None and count >= self.limit:
                self.more = True
                return


def _check_here(engine: Engine, draft: Draft, default_time: datetime | None) -> Checked:
    result, failures = engine.check(draft, default_time)
    return result, [(failure.rule, failure.reason) for failure in failures]


def _report(item: Item, checked: Checked | None, summary: Summary, reporter: Reporter) -> None:
    """Count and report one item, exactly as a serial run does."""
    if isinstance(item, TweetguardError):
        summary.unreadable += 1
        reporter.problem(item)
        return
    assert checked is not None
    result, failures = checked
    for rule, reason in failures:
        summary.rule_failure_counts[rule.id] += 1
        if rule.id not in summary.rule_failures:
            error = TweetguardError(rule.source, f"{reason} (first in {item.source}); the other rules still ran")
            summary.rule_failures[rule.id] = str(error)
            reporter.problem(error)
    summary.add(result)
    reporter.draft(result)


# --- worker processes -------------------------------------------------------------------
# Workers are forked, so they inherit the compiled engine (and its warm caches) instead of
# receiving it pickled. Drafts go out in chunks; results come back without their draft (the
# parent still holds it) and with failing rules as indexes into engine.rules.

_WORKER: tuple[Engine, datetime | None, dict[int, int]] | None = None
Packed = tuple[DraftResult, list[tuple[int, str]]]
# A chunk's results, and what the worker added to the start-up cache meanwhile (its parent
# writes the cache).
Returned = tuple[list[Packed], dict[str, bytes]]


def _start_worker(engine: Engine, default_time: datetime | None, parent: int) -> None:
    global _WORKER
    die_with_parent(parent)
    engine.cache.take_new()  # the parent's own additions are the parent's to write
    _WORKER = engine, default_time, {id(compiled.rule): index for index, compiled in enumerate(engine.rules)}


def _check_chunk(drafts: list[Draft]) -> Returned:
    assert _WORKER is not None
    engine, default_time, rule_index = _WORKER
    packed: list[Packed] = []
    for draft in drafts:
        result, failures = engine.check(draft, default_time)
        packed.append((replace(result, draft=None),  # type: ignore[arg-type]  # the parent has it
                       [(rule_index[id(failure.rule)], failure.reason) for failure in failures]))
    return packed, engine.cache.take_new()


def _unpack(engine: Engine, draft: Draft, packed: Packed) -> Checked:
    result, failures = packed
    result.draft = draft
    return result, [(engine.rules[index].rule, reason) for index, reason in failures]


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    """Items in groups holding CHUNK drafts each (unreadable items ride along in place)."""
    chunk: list[Item] = []
    drafts = 0
    for item in items:
        chunk.append(item)
        if not isinstance(item, TweetguardError):
            drafts += 1
            if drafts == CHUNK:
                yield chunk
                chunk, drafts = [], 0
    if chunk:
        yield chunk


def _serially(chunk: list[Item], engine: Engine, default_time: datetime | None) -> Iterator[tuple[Item, Checked | None]]:
    for item in chunk:
        yield item, None if isinstance(item, TweetguardError) else _check_here(engine, item, default_time)


def _start_pool(engine: Engine, default_time: datetime | None, jobs: int) -> ProcessPoolExecutor | None:
    """A pool of forked workers, or None where fork is unavailable or the pool cannot start."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_start_worker, initargs=(engine, default_time, os.getpid()))
    except (OSError, ValueError, RuntimeError):
        return None


def _check_in_workers(items: Iterator[Item], engine: Engine, default_time: datetime | None,
                      jobs: int) -> Iterator[tuple[Item, Checked | None]]:
    """Check the remaining items in worker processes, yielding results in input order.

    At most jobs * IN_FLIGHT_PER_WORKER chunks are read ahead, so memory stays flat. If the
    pool cannot start or breaks (a worker killed, say), what is left is checked here.
    """
    chunks = _chunks(items)
    first = next(chunks, None)
    if first is None:
        return
    if len(first) < CHUNK:  # too few drafts left to be worth a pool
        yield from _serially(first, engine, default_time)
        return
    pool = _start_pool(engine, default_time, jobs)
    if pool is None:
        for chunk in _prepend(first, chunks):
            yield from _serially(chunk, engine, default_time)
        return
    pending: deque[tuple[list[Item], Future[Returned] | None]] = deque()
    window = jobs * IN_FLIGHT_PER_WORKER
    broken = False
    try:
        with workers_end_with_parent():  # SIGTERM, Ctrl-C or a closed pipe ends the workers too
            for chunk in _prepend(first, chunks):
                future = None if broken else _submit(pool, chunk)
                broken = broken or (future is None and any(not isinstance(i, TweetguardError) for i in chunk))
                pending.append((chunk, future))
                while len(pending) >= window or (broken and pending):
                    yield from _collect(*pending.popleft(), engine, default_time)
            while pending:
                yield from _collect(*pending.popleft(), engine, default_time)
            # Every result is in and the workers are idle: wait for them to exit, or Python's own
            # exit may write to the pool's closed wake-up pipe ("Exception ignored ... Bad file
            # descriptor", a traceback on standard error one run in fifteen).
            pool.shutdown(wait=True)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _prepend(first: list[Item], rest: Iterator[list[Item]]) -> Iterator[list[Item]]:
    yield first
    yield from rest


def _submit(pool: ProcessPoolExecutor, chunk: list[Item]) -> Future[Returned] | None:
    """Send a chunk's drafts to the pool; None when there are none or the pool cannot take them."""
    drafts = [item for item in chunk if not isinstance(item, TweetguardError)]
    if not drafts:
        return None
    try:
        with signals_held():  # the first submit forks the workers
            return pool.submit(_check_chunk, drafts)
    except Exception:  # noqa: BLE001 - a broken pool or a failed fork: check the rest here instead
        return None


def _collect(chunk: list[Item], future: Future[Returned] | None, engine: Engine,
             default_time: datetime | None) -> Iterator[tuple[Item, Checked | None]]:
    """A chunk's items with their results, in order; checked here if its worker failed."""
    packed: list[Packed] | None = None
    if future is not None:
        try:
            packed, cached = future.result()
        except Exception:  # noqa: BLE001 - a broken pool must not lose drafts; recheck them here
            packed = None
        else:
            for name, data in cached.items():
                engine.cache.put(name, data)
    if packed is None:
        yield from _serially(chunk, engine, default_time)
        return
    results = iter(packed)
    for item in chunk:
        yield item, None if isinstance(item, TweetguardError) else _unpack(engine, item, next(results))
