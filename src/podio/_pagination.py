"""Result shapes of list calls: `Collection` for one page, `Pager` for all of them, lazily."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Generic, TypeVar, overload

__all__ = ["Collection", "Page", "Pager"]

T = TypeVar("T")


class Collection(Generic[T]):
    """One page of an item-style list: Podio's ``{"items", "filtered", "total"}`` envelope.

    As in the Ruby gem, `all` is the list of instances, `count` the number of items that match
    the filter (``filtered``) and `total_count` the number of items in the app (``total``).
    ``len()``, indexing and iteration go over `all`.
    """

    __slots__ = ("all", "count", "extra", "total_count")

    def __init__(
        self,
        items: list[T],
        *,
        count: int | None = None,
        total_count: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.all = items
        self.count = len(items) if count is None else count
        self.total_count = self.count if total_count is None else total_count
        #: Other keys of the envelope, kept as Podio sent them.
        self.extra = extra or {}

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self.all[index]

    def __len__(self) -> int:
        return len(self.all)

    def __iter__(self) -> Iterator[T]:
        return iter(self.all)

    def __repr__(self) -> str:
        return (
            f"<Collection of {len(self.all)} (count={self.count}, total_count={self.total_count})>"
        )


class Page(Generic[T]):
    """One fetched page: its items, and how many match in all when Podio says so."""

    __slots__ = ("items", "matching")

    def __init__(self, items: list[T], matching: int | None) -> None:
        self.items = items
        self.matching = matching


class Pager(Generic[T]):
    """Every result of an offset-paged list call, fetched one page at a time.

    Use it with ``for`` or ``async for``; only one page is held at a time. Iteration stops
    after a short page, or once the offset reaches the number of matching results Podio
    reported. Each iteration starts again from the first page.
    """

    def __init__(
        self,
        fetch: Callable[[int, int], Page[T]],
        afetch: Callable[[int, int], Any],
        *,
        page_size: int,
        offset: int = 0,
        limit: int | None = None,
    ) -> None:
        if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size <= 0:
            raise ValueError("page_size must be a positive int")
        if offset < 0:
            raise ValueError("offset cannot be negative")
        if limit is not None and limit < 0:
            raise ValueError("limit cannot be negative")
        self._fetch = fetch
        self._afetch = afetch
        self.page_size = page_size
        self.offset = offset
        self.limit = limit
        #: Pages fetched by the last iteration, useful for progress reports.
        self.pages_fetched = 0
        #: Matching results reported by Podio on the last page fetched, if it reports them.
        self.matching: int | None = None

    def _next_size(self, yielded: int) -> int:
        if self.limit is None:
            return self.page_size
        return min(self.page_size, self.limit - yielded)

    def _done(self, page: Page[T], size: int, offset: int) -> bool:
        if len(page.items) < size:
            return True
        return page.matching is not None and offset >= page.matching

    def __iter__(self) -> Iterator[T]:
        offset, yielded = self.offset, 0
        self.pages_fetched = 0
        while True:
            size = self._next_size(yielded)
            if size <= 0:
                return
            page = self._fetch(offset, size)
            self.pages_fetched += 1
            self.matching = page.matching
            yield from page.items
            yielded += len(page.items)
            offset += len(page.items)
            if self._done(page, size, offset):
                return

    async def __aiter__(self) -> AsyncIterator[T]:
        offset, yielded = self.offset, 0
        self.pages_fetched = 0
        while True:
            size = self._next_size(yielded)
            if size <= 0:
                return
            page: Page[T] = await self._afetch(offset, size)
            self.pages_fetched += 1
            self.matching = page.matching
            for item in page.items:
                yield item
            yielded += len(page.items)
            offset += len(page.items)
            if self._done(page, size, offset):
                return

    def __repr__(self) -> str:
        return f"<Pager page_size={self.page_size} offset={self.offset} limit={self.limit}>"
