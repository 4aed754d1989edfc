"""What a build is doing, shown on a terminal: documents read, chunks embedded, tokens a
second, time left (tqdm). Silent when stdout is not a terminal (logs, CI, `ask --json`)
or with `build --quiet`: the one-line summary at the end is all that is printed then."""

from __future__ import annotations

import sys
import time
from typing import Any, Iterable, Iterator, TextIO, TypeVar

T = TypeVar("T")


class BuildProgress:
    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.enabled = enabled
        self._bar: Any = None
        self._texts = self._done = 0
        self._tokens = 0
        self._t0 = 0.0

    @classmethod
    def for_terminal(cls, quiet: bool = False, stream: TextIO | None = None) -> "BuildProgress":
        s = stream or sys.stdout
        return cls(not quiet and s.isatty(), s)

    def documents(self, items: Iterable[T], total: int) -> Iterator[T]:
        if not self.enabled:
            yield from items
            return
        from tqdm import tqdm

        yield from tqdm(items, total=total, desc="  reading documents", unit=" doc", file=self.stream,
                        leave=True, dynamic_ncols=True)

    # -- EmbedProgress (embedder.embed_with_cache) ------------------------------------------------
    def start(self, texts: int, chars: int) -> None:
        if not self.enabled or not texts:
            return
        from tqdm import tqdm

        self._texts, self._done, self._tokens, self._t0 = texts, 0, 0, time.perf_counter()
        # the bar counts characters, the one measure known for every chunk before it is
        # embedded, so the time left follows the work left rather than the chunks left
        self._bar = tqdm(total=chars, file=self.stream, leave=True, dynamic_ncols=True,
                         bar_format="  embedding {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]")
        self._bar.set_postfix_str(f"0/{texts} chunks", refresh=True)

    def advance(self, texts: int, chars: int, tokens: int) -> None:
        if self._bar is None:
            return
        self._done += texts
        self._tokens += tokens
        rate = self._tokens / max(time.perf_counter() - self._t0, 1e-9)
        speed = f", {rate:,.0f} tokens/s" if self._tokens else ""
        self._bar.set_postfix_str(f"{self._done}/{self._texts} chunks{speed}", refresh=False)
        self._bar.update(chars)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def note(self, message: str) -> None:
        """A step without a bar (BM25, calibration …)."""
        if self.enabled:
            print(f"  {message}", file=self.stream, flush=True)
