"""Union-find over integer ids, shared by the duplicate groups and the claim groups."""

from __future__ import annotations


class UnionFind:
    """Groups that only grow, keyed by their smallest member, so stored group ids stay stable."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        while p != self.parent.setdefault(p, p):
            self.parent[x] = p = self.parent[p]
        return p

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the older (smaller) id survives, so group and claim ids stay stable as they grow
            ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
        return ra
