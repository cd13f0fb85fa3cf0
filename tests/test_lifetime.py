"""Worker processes end with the run (issue 11): a cancelled CI job (SIGTERM) or Ctrl-C
(SIGINT to the process group) leaves no worker holding standard output open, Ctrl-C exits
130, and --jobs is capped at the CPUs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tweetguard.engine.lifetime import available_cpus

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def children_of(pid: int) -> set[int]:
    """The processes whose parent is ``pid``, from /proc (field 4 of stat is the parent)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    row = "Well done Year {i}, a great day at the zoo! Thank you to our wonderful parents."
    path.write_text("".join(json.dumps({"text": row.format(i=i)}) + "\n" for i in range(150_000)),
                    encoding="utf-8")
    return path


def start(many: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """A run with two workers, once both have started."""
    proc = subprocess.Popen([sys.executable, "-m", "tweetguard", "check", "--at", "2026-11-24T10:00",
                             "--jobs", "2", "--format", "jsonl", str(many)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(workers := children_of(proc.pid)) < 2:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    return proc, workers


@pytest.mark.parametrize("how", ["SIGTERM to the parent", "Ctrl-C to the process group"])
def test_the_workers_end_with_the_run(many: Path, how: str) -> None:
    proc, workers = start(many)
    if how.startswith("SIGTERM"):
        proc.send_signal(signal.SIGTERM)
    else:
        os.killpg(proc.pid, signal.SIGINT)
    # Standard output reaches its end only once no worker holds it open any more.
    _, err = proc.communicate(timeout=60)
    assert not any(alive(pid) for pid in workers)
    if how.startswith("SIGTERM"):
        assert proc.returncode == -signal.SIGTERM  # died of the signal, as the canceller expects
    else:
        assert proc.returncode == 130
        assert b"Traceback" not in err and b"Aborted!" in err


def test_jobs_are_capped_at_the_cpus(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Well done Year 6!\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "tweetguard", "check", "--at", "2026-11-24T10:00",
                          "--jobs", "100000", str(draft)], capture_output=True, text=True, timeout=60)
    cpus = available_cpus()
    assert out.returncode == 0
    assert f"--jobs 100000 is more than the {cpus} CPU" in out.stderr and f"using {cpus}" in out.stderr
