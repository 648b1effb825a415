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

from mcvalidate import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, __version__


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
        except click.Abort:  # Ctrl-C: neither a pass nor findings
            click.echo("mcvalidate: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
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


FORMAT_NAMES = ("text", "json", "sarif", "junit", "github", "gitlab")


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMAT_NAMES),
    help="Report format; repeatable, paired with --output. Default: text (github inside "
    "GitHub Actions).",
)
@click.option(
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report of the matching --format to FILE ('-': standard output).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Exit with 1 when a finding of this severity or higher is reported. [default: error]",
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
@click.option("--config", metavar="FILE", help="Use this configuration file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--show-config", is_flag=True, help="Print every setting in force, and where it comes from."
)
@click.option(
    "--no-inline-ignores",
    is_flag=True,
    help="Disregard '# mcvalidate: ignore' comments (for strict gates).",
)
@click.option("--show-suppressed", is_flag=True, help="List suppressed findings too.")
@click.option("--baseline", metavar="FILE", help="Report only findings not in this baseline.")
@click.option("--write-baseline", metavar="FILE", help="Record the current findings in FILE.")
@click.option(
    "--stdin-filename", metavar="NAME", help="The name of the file read from '-' (stdin)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Check files in N processes. Default: one per core once there are enough files.",
)
def check(
    paths: Sequence[str],
    formats: Sequence[str],
    outputs: Sequence[str],
    fail_on: str | None,
    frameworks: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    quiet: bool,
    color: str,
    config: str | None,
    isolated: bool,
    show_config: bool,
    no_inline_ignores: bool,
    show_suppressed: bool,
    baseline: str | None,
    write_baseline: str | None,
    stdin_filename: str | None,
    jobs: int | None,
) -> int:
    """Check course files, or directories of them (default: the current directory; '-' reads
    standard input)."""
    from mcvalidate.runner import Options, run

    options = Options(
        paths=paths,
        formats=formats,
        outputs=outputs,
        fail_on=fail_on,
        frameworks=_split(frameworks),
        select=_split(select) if select else None,
        ignore=_split(ignore) if ignore else None,
        quiet=quiet,
        color=color,
        config=config,
        isolated=isolated,
        show_config=show_config,
        inline_ignores=not no_inline_ignores,
        show_suppressed=show_suppressed,
        baseline=baseline,
        write_baseline=write_baseline,
        stdin_filename=stdin_filename,
        jobs=jobs,
    )
    return run(options, sys.stdout, sys.stderr)


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
@click.argument("which", type=click.Choice(["course", "config"]), default="course")
def schema(which: str) -> None:
    """Print the JSON Schema of the course format (default) or of the configuration file,
    generated from the models."""
    import json

    from mcvalidate.catalogue import course_schema
    from mcvalidate.config import schema as config_schema

    document = course_schema() if which == "course" else config_schema()
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


def main() -> NoReturn:
    """Console-script entry point."""
    # mcvalidate's validation must not depend on whatever pydantic plugins happen to be
    # installed, and looking them up costs every run an entry-point scan.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    cli.main(prog_name="mcvalidate")
