"""Group commit: submissions queue up in the event loop and one writer stores each batch in a
single transaction.

Handing every request its own thread and transaction made up to 40 threads queue on the
database's single writer; the unlucky ones waited hundreds of milliseconds. One writer taking
whatever has queued keeps the order first-come-first-served, and one commit serves many rows.
"""
from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool

from .storage import FeedbackStore
from .validation import Submission


class GroupCommit:
    def __init__(self, store: FeedbackStore, max_batch: int = 128):
        self.store = store
        self.max_batch = max_batch
        self._pending: list[tuple[Submission, asyncio.Future]] = []
        self._writing = False

    async def add(self, submission: Submission) -> tuple[int, bool]:
        """(id, created) once the submission is committed; raises what storing it raised
        (StorageUnavailable for the whole batch, ItemRefused for this submission only)."""
        future = asyncio.get_running_loop().create_future()
        self._pending.append((submission, future))
        if not self._writing:
            self._writing = True
            asyncio.get_running_loop().create_task(self._write_all())
        return await future

    async def _write_all(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending[:self.max_batch], self._pending[self.max_batch:]
                try:
                    results = await run_in_threadpool(self.store.add_many, [s for s, _ in batch])
                except Exception as exc:  # every waiting request gets the storage error
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(exc)
                    continue
                for (_, future), result in zip(batch, results):
                    if future.done():
                        continue
                    if isinstance(result, BaseException):   # refused by the database: this item only
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self._writing = False
