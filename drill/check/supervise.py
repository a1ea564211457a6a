"""Watching one check process: its output and event pipes read on threads, its limits enforced.

``Watch`` reads a ``Launched`` process's pipes into one queue (learner output is capped: a head
and a tail are kept, the middle counted), and ``Watch.run`` hands every event to a callback on
the calling thread until the process exits or a limit stops it: wall time, real memory of its
whole tree (PSS), or a cancel flag. ``Watch.finish`` ends the tree and joins the readers.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable

from pydantic import ValidationError

from drill.check import events as ev
from drill.check.launch import Launched
from drill.check.process import CheckTree, track, untrack

HEAD_BYTES = 16_000  # learner output kept from the start …
TAIL_BYTES = 16_000  # … and from the end; the middle is counted, not kept
OUTPUT_EVENTS = 200  # at most this many printed lines become Output events
POLL_S = 0.1
MEMORY_POLL_S = 0.25


class Output:
    """Reads a process's stdout+stderr; keeps a capped head and tail, counts the rest."""

    def __init__(self, fd: int, q: queue.Queue):
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
        self.lines_sent = 0
        self.partial = b""
        self.q = q
        self.thread = threading.Thread(target=self._read, args=(fd,), name="drill-check-output", daemon=True)
        self.thread.start()

    def _read(self, fd: int) -> None:
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                self.total += len(chunk)
                if len(self.head) < HEAD_BYTES:
                    self.head += chunk[: HEAD_BYTES - len(self.head)]
                self.tail = (self.tail + chunk)[-TAIL_BYTES:]
                if self.lines_sent < OUTPUT_EVENTS:
                    lines = (self.partial + chunk).split(b"\n")
                    self.partial = lines.pop()[-1000:]
                    for line in lines:
                        if self.lines_sent >= OUTPUT_EVENTS:
                            break
                        self.lines_sent += 1
                        self.q.put(ev.Output(text=line.decode("utf-8", "replace").rstrip("\r")[-1000:]))

    def text(self) -> str:
        if self.total <= HEAD_BYTES + TAIL_BYTES:
            data = bytes(self.head) + bytes(self.tail)[-(self.total - len(self.head)):] if self.total > len(self.head) else bytes(self.head)
            return data.decode("utf-8", "replace")
        skipped = self.total - len(self.head) - len(self.tail)
        return (self.head.decode("utf-8", "replace") + f"\n… {skipped} bytes of output left out …\n"
                + self.tail.decode("utf-8", "replace"))


def _read_events(fd: int, q: queue.Queue) -> None:
    with os.fdopen(fd, "rb") as f:
        for line in f:
            try:
                q.put(ev.parse_event(line))
            except ValidationError:
                continue


def _read_lines(fd: int, q: queue.Queue) -> None:
    with os.fdopen(fd, "rb") as f:
        for line in f:
            q.put(line)


class Watch:
    """One launched process, its tree, and the readers of its pipes."""

    def __init__(self, launched: Launched, *, marker: str | None = None, output: bool = True):
        self.launched = launched
        self.tree = CheckTree(launched.pid, marker)
        track(self.tree)
        self.q: queue.Queue = queue.Queue()
        self.peak_mb = 0.0
        self.threads: list[threading.Thread] = []
        self.output: Output | None = None
        if launched.out_fd is not None:
            if output:
                self.output = Output(launched.out_fd, self.q)
                self.threads.append(self.output.thread)
            else:  # the grader's answer channel: raw lines
                self._thread(_read_lines, launched.out_fd)
            launched.out_fd = None
        if launched.events_fd is not None:
            self._thread(_read_events, launched.events_fd)
            launched.events_fd = None

    def _thread(self, target, fd: int) -> None:
        thread = threading.Thread(target=target, args=(fd, self.q), name="drill-check-reader", daemon=True)
        thread.start()
        self.threads.append(thread)

    def run(self, deliver: Callable[[object], None], *, deadline: float, memory_mb: float | None = None,
            cancel: threading.Event | None = None, until: Callable[[], bool] | None = None) -> str | None:
        """Deliver queued items until the process exits (or ``until()`` holds); returns why it was
        stopped early: "timeout", "memory", "cancelled", or None."""
        next_memory = 0.0
        while True:
            try:
                deliver(self.q.get(timeout=POLL_S))
                while True:
                    deliver(self.q.get_nowait())
            except queue.Empty:
                pass
            if self.launched.poll() is not None or (until is not None and until()):
                return None
            now = time.monotonic()
            if cancel is not None and cancel.is_set():
                return "cancelled"
            if now > deadline:
                return "timeout"
            if memory_mb is not None and now >= next_memory:
                next_memory = now + MEMORY_POLL_S
                used = self.tree.memory_mb()
                self.peak_mb = max(self.peak_mb, used)
                if used > memory_mb:
                    return "memory"

    def finish(self, deliver: Callable[[object], None] | None = None) -> None:
        """End the whole tree, wait for the readers, hand over what is still queued."""
        try:
            self.tree.kill()
            if self.launched.popen is not None:
                self.launched.popen.wait()
            else:  # a warm child: its exit status comes from the warm server
                deadline = time.monotonic() + 2
                while self.launched.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.02)
        finally:
            untrack(self.tree)
            self.launched.close_fds()
        for thread in self.threads:
            thread.join(timeout=5)
        while deliver is not None and not self.q.empty():
            deliver(self.q.get_nowait())
