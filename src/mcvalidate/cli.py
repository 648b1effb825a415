"""The command line: parse options, call the engine, pick the reporter; nothing else.

Only click is imported at module level. pydantic, rich and the rule packs are imported inside
the commands that need them, so ``mcvalidate --help`` and ``--version`` start fast.

Exit codes: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 for a usage or
configuration error (one line on stderr that names the problem) or an internal error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import click

from mcvalidate import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Main(click.Group):
    """A group whose usage and configuration errors are one line on stderr, exit code 2."""

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            _fail(exc.format_message())
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted.", err=True)
            sys.exit(EXIT_FINDINGS)
        except Exception as exc:  # a bug: one line for the user, the traceback on request
            if os.environ.get("MCVALIDATE_DEBUG"):
                raise
            click.echo(
                f"mcvalidate: internal error: {exc.__class__.__name__}: {exc} "
                "(set MCVALIDATE_DEBUG=1 to see the traceback)",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


def _fail(message: str) -> NoReturn:
    click.echo(f"mcvalidate: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _split(values: Iterable[str]) -> list[str]:
    """Allow both ``--select A --select B`` and ``--select A,B``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mcvalidate")
def cli() -> None:
    """Validate micro-credential course definitions (YAML) against published frameworks.

    Start with 'mcvalidate check PATH...'; 'mcvalidate rules' lists what is checked and
    'mcvalidate explain RULE' tells why.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Exit with 1 when a finding of this severity or higher is reported.",
)
@click.option(
    "--framework",
    "frameworks",
    multiple=True,
    metavar="NAME",
    help="Rule pack to apply (repeatable). Default: every installed pack.",
)
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (ids, names).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (ids, names).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the findings, one line each.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report ('auto': only on a terminal, and not when NO_COLOR is set).",
)
def check(
    paths: Sequence[str],
    output_format: str,
    fail_on: str,
    frameworks: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    quiet: bool,
    color: str,
) -> int:
    """Check course files, or directories of them (default: the current directory)."""
    from mcvalidate.discover import MissingPath, discover
    from mcvalidate.engine import Checker
    from mcvalidate.findings import Severity
    from mcvalidate.packs import SelectionError
    from mcvalidate.packs import select as choose
    from mcvalidate.reporters import Run, renderer

    try:
        selection = choose(_split(frameworks), _split(select), _split(ignore))
        files = discover(paths or ["."])
    except (SelectionError, MissingPath) as exc:
        _fail(str(exc))
    if not files:
        click.echo(f"mcvalidate: no YAML files found in {', '.join(paths or ['.'])}", err=True)
    threshold = Severity(fail_on)
    results = list(Checker(selection).check_files(files))
    run = Run(results, selection.packs, threshold, color=color, quiet=quiet)
    renderer(output_format)(run, sys.stdout)
    findings = [f for r in results for f in r.findings]
    if any(f.rule == "MC008" for f in findings):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--framework", "frameworks", multiple=True, metavar="NAME", help="Only this pack.")
def list_rules(output_format: str, frameworks: Sequence[str]) -> None:
    """List every rule: id, name, severity, pack, evidence and summary."""
    from mcvalidate.catalogue import render_rules
    from mcvalidate.packs import SelectionError

    try:
        render_rules(_split(frameworks), output_format, sys.stdout)
    except SelectionError as exc:
        _fail(str(exc))


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain one rule (by id or name): what it checks, why, and examples."""
    from mcvalidate.catalogue import explain_rule
    from mcvalidate.packs import SelectionError

    try:
        explain_rule(rule, sys.stdout)
    except SelectionError as exc:
        _fail(str(exc))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the course format (generated from the models)."""
    import json

    from mcvalidate.catalogue import course_schema

    click.echo(json.dumps(course_schema(), indent=2, ensure_ascii=False))


def main() -> NoReturn:
    """Console-script entry point."""
    cli.main(prog_name="mcvalidate")
