"""Worker processes live no longer than the run that started them.

A cancelled CI job sends SIGTERM; a person presses Ctrl-C (SIGINT to the whole process
group). Either way the workers must end with the parent, or they keep standard output open
and ``tweetguard check ... | wc -c`` never ends.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent dies
ENDING = {signal.SIGINT, signal.SIGTERM}


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def stop_workers() -> None:
    """End every worker process this process started, and wait for them."""
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=5)


def die_with_parent(parent: int) -> None:
    """In a worker: be sent SIGTERM when the parent dies, even by SIGKILL (Linux), and leave
    at once if it is already gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass  # no prctl: the parent's SIGTERM handler still ends the workers
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, ENDING)  # held while this worker was forked
    if os.getppid() != parent:
        os._exit(1)


@contextmanager
def signals_held() -> Iterator[None]:
    """Around starting workers: a Ctrl-C that reached a worker half-way through its fork would
    print a traceback from Python's after-fork hooks; held, it reaches the worker once its
    handlers are in place (and the parent once the fork is done)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_PARENT = [0]  # the process that installed the handler below (a worker forked meanwhile inherits it)


def _end_with_workers(signum: int, frame: FrameType | None) -> None:
    if os.getpid() == _PARENT[0]:
        stop_workers()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # die of the signal, as the canceller expects (exit 143)


@contextmanager
def workers_end_with_parent() -> Iterator[None]:
    """While workers run: SIGTERM ends them before the parent; any exception (Ctrl-C's
    KeyboardInterrupt, a closed pipe) stops them on the way out."""
    _PARENT[0] = os.getpid()
    try:
        previous = signal.signal(signal.SIGTERM, _end_with_workers)
    except ValueError:  # not the main thread (the web page's checks): nothing to install
        previous = None
    try:
        yield
    except BaseException:
        stop_workers()
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
