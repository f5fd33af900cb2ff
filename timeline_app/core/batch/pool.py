"""Worker processes fed tasks over pipes, each result sent as it is made; a worker silent too long is replaced."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from timeline_app.core.models import SkippedInput
from timeline_app.core.shown import shown

log = logging.getLogger(__name__)

# What the pool yields: (input, some of its results, whether the input is done).
Piece = tuple[str, list, bool]
# The work on one input, in a worker: its results, one by one.
Work = Callable[[str], Iterator[object]]

_READY, _ITEM, _DONE = "ready", "item", "done"
START_UP_SECONDS = 120.0  # a worker loads its tables once (1.5 s here); one not ready by then is broken
# A worker's idle time before its first task, spent on what its first article would otherwise pay
# for: steps, each short, checked for a waiting task between them.
Warm = Callable[[], Iterable[object]]
# Where a process may be forked rather than spawned (see WorkerPool.start): not macOS, whose system
# libraries are unsafe after fork, nor Windows, which cannot fork.
_CAN_FORK = sys.platform.startswith("linux")


def _serve(conn: Connection, work: Work, start: Callable[[], None], pool_end: Connection | None = None,
           warm: Warm | None = None) -> None:
    """A worker's life: start up, warm up while no task has come, then run tasks (lists of inputs)
    until told to stop (None).

    `pool_end`: a forked worker's copy of the pool's end of its pipe, closed so that the worker reads
    the end of the pipe when the pool's process dies.
    """
    if pool_end is not None:
        pool_end.close()
    start()
    conn.send((_READY,))
    if warm is not None:
        _warm_while_idle(conn, warm)
    while (task := conn.recv()) is not None:
        for path in task:
            for result in work(path):
                conn.send((_ITEM, result))
            conn.send((_DONE,))
    # Told to stop, with every result sent: end without the interpreter's teardown, which freed the
    # tables one object at a time (0.07-0.11 s) while the pool's stop() waited for it, at the end of
    # every import. A forked worker ends so anyway.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _warm_while_idle(conn: Connection, warm: Warm) -> None:
    """Run `warm`'s steps until a task is waiting (or they end). A worker started before its work is
    known (a pool started early, whose caller then takes its time) would otherwise sit idle and then
    pay these first-use costs on its first article. The samples' worker of a first start has its
    task at once (start(first=...)) and skips this."""
    try:
        if conn.poll():
            return
        for _step in warm():
            if conn.poll():
                return
    except Exception:  # noqa: BLE001 - warming is optional: the first article pays what is left
        log.exception("warming up a worker process failed")


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    broken: bool = False  # died or hung before it was ready: not replaced
    task: deque[str] = field(default_factory=deque)  # inputs sent and not done; the first is being read
    # Seconds the pool spent waiting while this worker said nothing. Only time spent waiting counts:
    # while the one writer is busy (a library locked by another program) no worker is blamed for it.
    silent: float = 0.0


class WorkerPool:
    """`size` spawned processes; each task is a list of inputs, and each result comes back as soon as
    it is made, so that one large input holds up neither the other inputs nor memory.

    A worker silent for `silence` seconds while reading an input is stuck where the time budget cannot
    reach (in C code): it is killed and replaced, that input skipped with `reason`, and the rest of its
    task goes on. A worker that dies is replaced too; the input it was reading is tried once more, then
    skipped. When no worker can start at all, the inputs are processed in this process by `fallback`.
    `warm`: steps a worker runs after its start-up until its first task comes (see _warm_while_idle).
    """

    def __init__(self, size: int, work: Work, start: Callable[[], None], silence: float, reason: str,
                 fallback: Work, settings: tuple = (), warm: Warm | None = None) -> None:
        self._ctx = multiprocessing.get_context("spawn")  # forking a process that runs Qt threads is unsafe
        self._size, self._work, self._start, self._silence = size, work, start, silence
        self._reason, self._fallback, self._warm = reason, fallback, warm
        self.settings = settings  # what the work was given (publication date, language ...), for its users to compare
        self._workers: list[_Worker] = []
        self._died_on: set[str] = set()
        self._sent: list[str] = []  # inputs start() sent ahead to the first worker, before run() asked
        self._ready: Callable[[int], None] | None = None  # run()'s listener for workers that started

    @property
    def size(self) -> int:
        return self._size

    def start(self, fork: bool = False, first: list[str] | None = None) -> None:
        """Start the workers now (they load their tables while the caller does other work); run()
        starts them when this was not called.

        `fork`: fork them from this process rather than spawn a new interpreter, which then imports
        again what this process has (0.05-0.1 s of a first start's critical path). Only on Linux and
        while this process runs a single thread (the CLI, before Qt starts its own); otherwise, and
        for the workers that replace them later, spawned as usual.

        `first`: the inputs the caller expects run() to begin with (a first start's samples), sent to
        the first worker now, so that it processes them while the caller loads (the window: 1 s).
        run() hands on their results when its inputs do begin with them; otherwise that worker is
        replaced unheard and they are sent again as they come.
        """
        if not self._workers:
            forking = fork and _CAN_FORK and threading.active_count() == 1
            ctx = multiprocessing.get_context("fork") if forking else self._ctx
            self._workers = [self._spawn(ctx) for _ in range(self._size)]
            if first:
                self._sent = list(first)
                self._workers[0].task.extend(self._sent)
                self._workers[0].conn.send(self._sent)

    def stop(self) -> None:
        """Stop the workers of a pool that will not run (started early for work that did not come)."""
        self._stop()

    def run(self, chunks: Iterable[list[str]], ready: Callable[[int], None] | None = None) -> Iterator[Piece]:
        """Every input of `chunks` with its results, in the order they are made. `ready(n)` is told
        each time a worker has started up (loaded its tables), with the number of workers ready."""
        self._ready = ready
        todo: deque[list[str]] = deque()  # tasks to send first: what replaced workers left
        source = iter(chunks)
        exhausted = False
        try:
            self.start()
            source = self._less_sent(source)
            while True:
                for worker in self._workers:
                    if worker.ready and not worker.task:
                        chunk = todo.popleft() if todo else None if exhausted else next(source, None)
                        if chunk is None:
                            exhausted = True
                            break
                        worker.task.extend(chunk)
                        worker.conn.send(chunk)
                        worker.silent = 0.0
                if exhausted and not todo and not any(w.task for w in self._workers):
                    return
                if all(w.broken for w in self._workers):
                    yield from self._in_this_process([*todo, *source])
                    return
                yield from self._listen(todo)
        finally:
            self._stop()

    def _less_sent(self, source: Iterator[list[str]]) -> Iterator[list[str]]:
        """`source` without the inputs start() sent ahead, when it begins with them; else the worker
        given them is replaced before a result of theirs is read, and `source` is sent as it is."""
        sent, self._sent = self._sent, []
        if not sent:
            return source
        taken: list[list[str]] = []
        while sum(map(len, taken)) < len(sent) and (chunk := next(source, None)) is not None:
            taken.append(chunk)
        inputs = [path for chunk in taken for path in chunk]
        if inputs[:len(sent)] == sent:
            rest = inputs[len(sent):]
            return itertools.chain([rest] if rest else [], source)
        log.info("the inputs sent ahead were not those asked for: their worker is replaced")
        self._end(self._workers[0])
        self._workers[0] = self._spawn()
        return itertools.chain(taken, source)

    def _end(self, worker: _Worker) -> int | None:
        """Kill `worker` now; its exit code."""
        worker.process.kill()
        worker.process.join(timeout=10)
        worker.conn.close()
        return worker.process.exitcode

    def _spawn(self, ctx: multiprocessing.context.BaseContext | None = None) -> _Worker:
        ctx = ctx or self._ctx
        ours, theirs = ctx.Pipe()
        forked = ctx.get_start_method() == "fork"
        process = ctx.Process(target=_serve, args=(theirs, self._work, self._start, ours if forked else None, self._warm),
                              daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _limit(self, worker: _Worker) -> float:
        return self._silence if worker.ready else START_UP_SECONDS

    def _listen(self, todo: deque[list[str]]) -> Iterator[Piece]:
        """Wait for the workers' next messages or ends, hand on what they bring, replace the stuck."""
        live = [w for w in self._workers if not w.broken]
        watched = [w for w in live if w.task or not w.ready]
        timeout = max(0.05, min((self._limit(w) - w.silent for w in watched), default=1.0))
        started = time.monotonic()
        ready = set(wait([w.conn for w in live] + [w.process.sentinel for w in live], timeout=timeout))
        spent = time.monotonic() - started
        for worker in watched:
            worker.silent += spent
        for i, worker in enumerate(self._workers):
            if worker.broken:
                continue
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    while worker.conn.poll():
                        yield from self._take(worker, worker.conn.recv())
                except (EOFError, OSError):
                    pass  # it died: its sentinel says so below
                if not worker.process.is_alive():
                    yield from self._replace(i, todo, died=True)
                    continue
            if (worker.task or not worker.ready) and worker.silent > self._limit(worker):
                yield from self._replace(i, todo, died=False)

    def _take(self, worker: _Worker, message: tuple) -> Iterator[Piece]:
        worker.silent = 0.0
        if message[0] == _READY:
            worker.ready = True
            if self._ready is not None:
                self._ready(sum(w.ready for w in self._workers))
        elif message[0] == _ITEM:
            yield worker.task[0], [message[1]], False
        else:
            yield worker.task.popleft(), [], True

    def _replace(self, i: int, todo: deque[list[str]], died: bool) -> Iterator[Piece]:
        """A worker that died or went silent: the input it was reading is skipped (after a first death,
        tried again), the rest of its task goes back in the queue, and a new worker takes its place."""
        worker = self._workers[i]
        code = self._end(worker)
        if not worker.ready:
            log.warning("a worker process could not start (%s)", f"exit code {code}" if died else "it hung")
            worker.broken = True
            return
        if worker.task:
            path = worker.task.popleft()
            if died and path not in self._died_on:
                log.warning("a worker process stopped (exit code %s) while reading %s; trying it again", code,
                            shown(path))
                self._died_on.add(path)
                worker.task.appendleft(path)
            else:
                reason = self._reason if not died else (
                    f"the worker process reading it stopped twice (exit code {code}; out of memory?)")
                log.warning("%s: %s", shown(path), reason)
                yield path, [SkippedInput(path, reason)], True
            if worker.task:
                todo.appendleft(list(worker.task))
        self._workers[i] = self._spawn()

    def _in_this_process(self, chunks: Iterable[list[str]]) -> Iterator[Piece]:
        log.warning("no worker process could start; going on in this process")
        for chunk in chunks:
            for path in chunk:
                for result in self._fallback(path):
                    yield path, [result], False
                yield path, [], True

    def _stop(self) -> None:
        """Idle workers told to stop; busy ones (interrupted or cancelled: what they had not handed
        back was never written) and those that do not stop within 5 s killed."""
        for worker in self._workers:
            if worker.process.is_alive() and worker.ready and not worker.task:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + 5
        for worker in self._workers:
            if worker.process.is_alive() and worker.ready and not worker.task:
                worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=10)
            worker.conn.close()
