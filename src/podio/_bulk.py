"""Running many calls at once within limits, and saying exactly which ones failed.

`run_many` and `arun_many` call one function per input with a bounded number in flight
(threads for sync code, tasks for async code), report progress, and collect each outcome by
its input's position: a `BulkResult` holds what succeeded and the `PodioError` of each input
that failed, so a long job never has to guess what was done.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ._errors import PodioError

__all__ = ["BulkError", "BulkResult", "Progress", "arun_many", "run_many"]

I = TypeVar("I")  # noqa: E741 (input)
T = TypeVar("T")

#: ``progress(done, total)``, called after each input is settled (from worker threads too).
Progress = Callable[[int, int], None]


class BulkError(PodioError):
    """Some inputs of a bulk operation failed; `result` says which and why."""

    def __init__(self, result: BulkResult[object]) -> None:
        first = next(iter(result.failed.values()), None)
        detail = f"; first: {first}" if first is not None else ""
        super().__init__(f"{len(result.failed)} of {result.total} failed{detail}")
        self.result = result


@dataclass
class BulkResult(Generic[T]):
    """What a bulk operation did, by input position."""

    total: int
    succeeded: dict[int, T] = field(default_factory=dict)
    failed: dict[int, PodioError] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def values(self) -> list[T]:
        """The results of the inputs that succeeded, in input order."""
        return [self.succeeded[index] for index in sorted(self.succeeded)]

    def __iter__(self) -> Iterator[T]:
        return iter(self.values())

    def __len__(self) -> int:
        return len(self.succeeded)

    def raise_for_failures(self) -> None:
        """Raise `BulkError` if any input failed."""
        if self.failed:
            raise BulkError(self)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        done, failed = len(self.succeeded), len(self.failed)
        return f"<BulkResult {done} of {self.total} succeeded, {failed} failed>"


def run_many(
    inputs: Sequence[I],
    call: Callable[[I], T],
    *,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> BulkResult[T]:
    """``call(input)`` for each input on up to `concurrency` threads; errors are collected."""
    _check_concurrency(concurrency)
    result: BulkResult[T] = BulkResult(total=len(inputs))
    lock = threading.Lock()

    def one(index: int, value: I) -> None:
        try:
            outcome = call(value)
        except PodioError as exc:
            with lock:
                result.failed[index] = exc
                settled = len(result.succeeded) + len(result.failed)
        else:
            with lock:
                result.succeeded[index] = outcome
                settled = len(result.succeeded) + len(result.failed)
        if progress is not None:
            progress(settled, result.total)

    if concurrency == 1:
        for index, value in enumerate(inputs):
            one(index, value)
        return result
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="podio-bulk")
    try:
        for future in [pool.submit(one, index, value) for index, value in enumerate(inputs)]:
            future.result()  # re-raise anything that is not a PodioError (a bug, bad input)
    except BaseException:
        # Ctrl-C or a bug: start nothing more; what is in flight finishes, the rest is left out
        # of `result`, so it says exactly what was done.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return result


async def arun_many(
    inputs: Sequence[I],
    call: Callable[[I], Awaitable[T]],
    *,
    concurrency: int = 4,
    progress: Progress | None = None,
) -> BulkResult[T]:
    """Async twin of `run_many`: up to `concurrency` calls in flight as tasks."""
    _check_concurrency(concurrency)
    result: BulkResult[T] = BulkResult(total=len(inputs))
    gate = asyncio.Semaphore(concurrency)

    async def one(index: int, value: I) -> None:
        async with gate:
            try:
                result.succeeded[index] = await call(value)
            except PodioError as exc:
                result.failed[index] = exc
        if progress is not None:
            progress(len(result.succeeded) + len(result.failed), result.total)

    await asyncio.gather(*(one(index, value) for index, value in enumerate(inputs)))
    return result


def _check_concurrency(concurrency: int) -> None:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError("concurrency must be a positive int")
