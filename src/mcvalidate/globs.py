"""Glob patterns (``exclude``, ``per_file_ignores``) matched against slash-separated relative
paths, in time linear in the path whatever the pattern.

``*`` and ``?`` stay within a directory, ``**`` spans directories, a pattern without a slash
matches the file name in any directory, and a pattern naming a directory matches everything
below it.

A pattern is compiled once per run into a small automaton (one state per character of the
pattern) that reads the path once, keeping the set of states it can be in; each set it meets
and where a character takes it are remembered, so that matching the next path is mostly one
dictionary lookup per character. Translating the pattern to a regular expression instead, as
``fnmatch`` does, lets Python's backtracking engine try every way of splitting the path among
the stars: with a few stars in a pattern and a long file name (which whoever names the files
controls), one match took minutes.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

# What a pattern's token matches, read one character of the path at a time.
_CHAR, _ONE, _STAR, _ANY, _DIRS = range(5)
# How many (state set, character) moves an automaton remembers: a hostile run of odd names
# cannot make it hold more.
_REMEMBERED = 20_000


@dataclass(frozen=True)
class _Automaton:
    """State ``i`` is "before token ``i``"; ``len(tokens)`` is "all of the pattern matched";
    then come one "inside the ``**/`` of token ``i``" state per such token, and the state of
    the path going on below a matched directory."""

    tokens: tuple[tuple[int, str], ...]
    # The states each state reaches without reading a character (itself included).
    closure: tuple[frozenset[int], ...]
    # Where a set of states goes on a character, for the sets and characters met so far.
    moves: dict[tuple[frozenset[int], str], frozenset[int]] = field(
        default_factory=dict, compare=False
    )

    @property
    def matched(self) -> int:
        return len(self.tokens)

    @property
    def below(self) -> int:
        return 2 * len(self.tokens) + 1

    def step(self, state: int, char: str) -> tuple[int, ...]:
        """The states ``state`` goes to on reading ``char`` (before their closure)."""
        count = len(self.tokens)
        if state == self.matched:  # a directory matched: everything below it matches too
            return (self.below,) if char == "/" else ()
        if state == self.below:
            return (self.below,)
        if state > count:  # inside a '**/': any character, and after a slash, what follows
            token = state - count - 1
            return (state, token + 1) if char == "/" else (state,)
        kind, text = self.tokens[state]
        if kind == _CHAR:
            return (state + 1,) if char == text else ()
        if kind == _ONE:
            return (state + 1,) if char != "/" else ()
        if kind == _STAR:
            return (state,) if char != "/" else ()
        if kind == _ANY:
            return (state,)
        inside = count + 1 + state  # _DIRS
        return (inside, state + 1) if char == "/" else (inside,)

    def fullmatch(self, path: str) -> bool:
        states = self.closure[0]
        moves = self.moves
        for char in path:
            move = moves.get((states, char))
            if move is None:
                move = frozenset(
                    reached
                    for state in states
                    for after in self.step(state, char)
                    for reached in self.closure[after]
                )
                if len(moves) < _REMEMBERED:
                    moves[states, char] = move
            if not move:
                return False
            states = move
        return self.matched in states or self.below in states


def glob_match(pattern: str, path: str) -> bool:
    """Whether the relative, slash-separated ``path`` matches the glob ``pattern``."""
    return _automaton(pattern).fullmatch(path)


@functools.cache
def _automaton(pattern: str) -> _Automaton:
    # Repeated '**/' and '*' mean no more than one of them.
    pattern = re.sub(r"(?:\*\*/)+", "**/", pattern.rstrip("/"))
    pattern = re.sub(r"\*{3,}", "**", pattern)
    if "/" not in pattern:
        pattern = "**/" + pattern
    tokens: list[tuple[int, str]] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            tokens.append((_DIRS, ""))
            index += 3
        elif pattern.startswith("**", index):
            tokens.append((_ANY, ""))
            index += 2
        else:
            char = pattern[index]
            tokens.append(
                (_STAR, "") if char == "*" else (_ONE, "") if char == "?" else (_CHAR, char)
            )
            index += 1
    # A star, a '**' and a '**/' may match nothing: their state reaches the next one.
    skips = [kind in (_STAR, _ANY, _DIRS) for kind, _ in tokens]
    closure = []
    for state in range(2 * len(tokens) + 2):
        reached = {state}
        while state < len(tokens) and skips[state]:
            state += 1
            reached.add(state)
        closure.append(frozenset(reached))
    return _Automaton(tuple(tokens), tuple(closure))
