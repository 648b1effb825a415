"""YAML syntax errors, said so that a curriculum designer can fix them.

The parser reports where it gave up, which is often not where the mistake is: an unclosed
quote is only noticed at the end of the file, an unclosed ``[`` at the next key, a key without
its ':' at the key after it. The finding points at the cause: where the quote or bracket was
opened, or the line :mod:`mcvalidate.yaml_diagnosis` finds wrong in the text around the
parser's position. The message and the fix are in plain words only: the people who write
course files do not know the parser's terms ("block mapping", "simple key"), and a finding
has no field for them, so the parser's own text is left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from mcvalidate.findings import Problem, Span
from mcvalidate.format_rules import YAML_SYNTAX
from mcvalidate.limits import too_deep

if TYPE_CHECKING:
    from mcvalidate import yaml_diagnosis as diagnosis


def syntax_problem(exc: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """The finding for a YAML syntax error: at its cause where the text tells it, with the
    one fix that applies; otherwise where the parser stopped, with the likely causes."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    opened = exc.context_mark
    unclosed = "quoted scalar" in context or "flow" in context
    if unclosed and opened is not None and ("end of stream" in problem or line > opened.line):
        line, column = opened.line, opened.column
    if "maximum nesting depth" in problem:
        return too_deep(Span(line + 1, column + 1, line + 1, column + 2))
    cause = _cause(context, problem, lines, line, column, opened)
    if cause is not None:
        end = max(cause.end, cause.column + 1) + 1
        return Problem(
            YAML_SYNTAX,
            f"YAML syntax error: {cause.message}",
            span=Span(cause.line + 1, cause.column + 1, cause.line + 1, end),
            fix=cause.fix,
        )
    text = lines[line] if line < len(lines) else ""
    message, fix = _explain(context, problem)
    if "mapping values are not allowed" in problem and ": " not in text[:column]:
        column = len(text) - len(text.lstrip())  # a key that cannot start here, not a value
    start = min(column, len(text)) + 1  # a mark past the end of its line stays on the line
    return Problem(
        YAML_SYNTAX,
        f"YAML syntax error: {message}",
        span=Span(line + 1, start, line + 1, min(start + 1, len(text) + 1)),
        fix=fix,
    )


def _cause(
    context: str,
    problem: str,
    lines: list[str],
    line: int,
    column: int,
    opened: yaml.Mark | None,
) -> diagnosis.Cause | None:
    """The cause found in the source text, for the errors whose parser position is not where
    the mistake is (or whose fix depends on the line). They are told apart by the words both
    parsers share: LibYAML's "did not find expected key" is the pure-Python parser's
    "expected <block end>", and both say "while parsing a block mapping" (or collection)."""
    # Read only for a file that does not parse: a check of valid files never imports it.
    from mcvalidate import yaml_diagnosis as diagnosis

    text = lines[line] if line < len(lines) else ""
    if "tab character" in problem or (
        "cannot start any token" in problem and text[column : column + 1] == "\t"
    ):
        return diagnosis.tab(lines, line, column)
    if "could not find expected ':'" in problem and "simple key" in context and opened:
        return diagnosis.missing_colon(lines, opened.line)  # where the would-be key starts
    if "mapping values are not allowed" in problem:
        return diagnosis.colon_at(lines, line, column)
    if "while parsing a block" in context:
        if text[:column].strip():
            return diagnosis.after_value(lines, line, column)
        return diagnosis.at_line_start(lines, line)
    return None


def _explain(context: str, problem: str) -> tuple[str, str]:
    if "quoted scalar" in context and "end of stream" in problem:
        return (
            "this quotation mark is never closed.",
            "Add the closing quotation mark at the end of the text.",
        )
    if "unknown escape character" in problem:
        return (
            "inside double quotes a backslash starts an escape sequence, and this one is "
            "not valid.",
            "Use single quotes instead, or write the backslash twice (\\\\).",
        )
    if "flow sequence" in context:
        return (
            "this list in brackets is not closed properly: a ']' or a comma between items is "
            "missing.",
            "Close the list with ']' and separate its items with commas.",
        )
    if "flow mapping" in context:
        return (
            "these braces are not closed properly: a '}' or a comma between fields is missing.",
            "Close the mapping with '}' and separate its fields with commas.",
        )
    if "mapping values are not allowed" in problem:
        return (
            "a field starts here where none can start: its indentation does not match the "
            "lines above, or a value contains ': ' without quotes.",
            "Indent the key like the fields beside it, or put the value in quotes.",
        )
    if "could not find expected ':'" in problem:
        return (
            "a line is missing the ':' between a field name and its value.",
            "Write 'name: value', with a space after the colon.",
        )
    return (
        "the YAML is not valid here.",
        "Check the indentation and punctuation at this position and on the line above.",
    )
