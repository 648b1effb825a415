"""YAML syntax errors, said so that a curriculum designer can fix them.

The parser reports where it gave up, which is often not where the mistake is: an unclosed
quote is only noticed at the end of the file, an unclosed ``[`` at the next key. For those
the finding points where the quote or bracket was opened. The common mistakes get a message
in plain words; the parser's own words follow in parentheses for whoever needs them.
"""

from __future__ import annotations

import yaml

from mcvalidate.findings import Problem, Span
from mcvalidate.format_rules import YAML_SYNTAX
from mcvalidate.limits import too_deep


def syntax_problem(exc: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """The finding for a YAML syntax error: at the cause where it can be told (where an
    unclosed quote or bracket was opened), in plain words, the parser's own in parentheses."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    opened = exc.context_mark
    unclosed = "quoted scalar" in context or "flow" in context
    if unclosed and opened is not None and ("end of stream" in problem or line > opened.line):
        line, column = opened.line, opened.column
    text = lines[line] if line < len(lines) else ""
    if "maximum nesting depth" in problem:
        return too_deep(Span(line + 1, column + 1, line + 1, column + 2))
    message, fix = _explain(context, problem, text[column : column + 1])
    if "mapping values are not allowed" in problem and ": " not in text[:column]:
        column = len(text) - len(text.lstrip())  # a key that cannot start here, not a value
    original = " ".join(p for p in (problem, context) if p)
    start = min(column, len(text)) + 1  # a mark past the end of its line stays on the line
    return Problem(
        YAML_SYNTAX,
        f"YAML syntax error: {message} (YAML: {original})",
        span=Span(line + 1, start, line + 1, min(start + 1, len(text) + 1)),
        fix=fix,
    )


def _explain(context: str, problem: str, char: str) -> tuple[str, str]:
    if "tab character" in problem or ("cannot start any token" in problem and char == "\t"):
        return (
            "a tab character is used for indentation; YAML allows only spaces.",
            "Replace the tab with spaces (set your editor to insert spaces for Tab).",
        )
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
