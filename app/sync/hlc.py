"""The hybrid logical clock: (wall milliseconds, counter, node), sortable as text.

``000001764844800000-00003-5f2a…``: a later clock reading sorts after an earlier one, and a
replica that has seen another's reading never makes one that sorts before it. Field-level
last-writer-wins compares these strings (server: overblick.apply_change).
"""

from __future__ import annotations

import time
from dataclasses import dataclass


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True)
class Hlc:
    wall: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str, node: str = "") -> Hlc:
        """A reading from its text; the zero reading for an empty text."""
        if not text:
            return cls(0, 0, node)
        wall, counter, rest = text.split("-", 2)
        return cls(int(wall), int(counter), rest)

    def send(self, wall_ms: int) -> Hlc:
        """The next reading of this node for a change made at ``wall_ms``."""
        if wall_ms > self.wall:
            return Hlc(wall_ms, 0, self.node)
        return Hlc(self.wall, self.counter + 1, self.node)

    def receive(self, seen: str) -> Hlc:
        """This node's clock after seeing another's reading: never behind it."""
        other = Hlc.parse(seen)
        if (other.wall, other.counter) > (self.wall, self.counter):
            return Hlc(other.wall, other.counter, self.node)
        return self
