"""The command line: parse options, call the engine, pick the reporter; nothing else.

Only click is imported at module level. pydantic, rich and the rule packs are imported inside
the commands that need them, so ``mcvalidate --help`` and ``--version`` start fast.

Exit codes: 0 when no finding reaches ``--fail-on``; 1 when one does; 2 for a usage or
configuration error (one line on stderr that names the problem) or an internal error.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from mcvalidate import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, __version__
from mcvalidate.export import TARGETS
from mcvalidate.reporters import FORMATS

if TYPE_CHECKING:
    from mcvalidate.packs import Registry


class _Main(click.Group):
    """A group whose usage and configuration errors are one line on stderr, exit code 2."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # Only ``check`` turns the collector on itself (see :func:`main`); the command is
        # known here, once the group's options are parsed (``ctx.invoked_subcommand`` is not
        # yet set when ``invoke`` starts).
        name, command, rest = super().resolve_command(ctx, args)
        if command is None or command.name != "check":
            gc.enable()
        return name, command, rest

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


# An http(s) URL with a host (what ``export.base_url`` takes in a configuration file).
_URL = re.compile(r"^https?://[^\s/?#]+[^\s?#]*$")


def _fail(message: str) -> NoReturn:
    from mcvalidate.text import visible

    click.echo(f"mcvalidate: error: {visible(message)}", err=True)
    sys.exit(EXIT_USAGE)


def _split(values: Iterable[str]) -> list[str]:
    """Allow both ``--select A --select B`` and ``--select A,B``."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: mcvalidate's version, then every installed pack with the distribution
    that installed it (read from the packages' metadata: no pack is imported)."""
    if not value or ctx.resilient_parsing:
        return
    from mcvalidate.packs import Registry

    registry = Registry()
    click.echo(f"mcvalidate, version {__version__}")
    for name in registry.names:
        click.echo(f"  pack {name}: {registry.origin(name)}")
    ctx.exit(EXIT_OK)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version and the installed packs, and exit.",
)
def cli() -> None:
    """Validate micro-credential course definitions (YAML) against published frameworks.

    Start with 'mcvalidate check PATH...'; 'mcvalidate rules' lists what is checked and
    'mcvalidate explain RULE' tells why.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(tuple(FORMATS)),
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
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids, names, id prefixes or pack names (repeatable or a,b).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rules: ids, names, id prefixes or pack names.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="The run's date (YYYY-MM-DD) for the rules that compare dates. [default: today]",
)
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
@click.option(
    "--fix",
    is_flag=True,
    help="Fix the mechanical mistakes in place (the findings marked [*]), then report what is "
    "left; with '-', print the fixed text and report on stderr.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="Also apply (with --fix or --diff) or count the fixes a person should review, such as "
    "renaming a misspelt key.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the unified diff of what --fix would change, write nothing, and exit 1 if "
    "anything would change.",
)
def check(
    paths: Sequence[str],
    formats: Sequence[str],
    outputs: Sequence[str],
    fail_on: str | None,
    frameworks: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    today: Any,
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
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
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
        today=today.date() if today is not None else None,
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
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
    )
    return run(options, sys.stdout, sys.stderr)


def _config_options(function: Any) -> Any:
    """``--config`` and ``--isolated`` for the commands that list rules: the configuration's
    local packs (``rule_paths``) are shown like installed ones."""
    function = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(
        function
    )
    return click.option("--config", metavar="FILE", help="Use this configuration file.")(function)


def _registry(config: str | None, isolated: bool) -> Registry:
    from mcvalidate.config import resolve
    from mcvalidate.discover import working_directory
    from mcvalidate.runner import local_registry

    working_directory()
    return local_registry(resolve(config, isolated))


# The frameworks a comparison (matrix, crosswalk) covers.
_frameworks_option = click.option(
    "--framework",
    "frameworks",
    multiple=True,
    metavar="NAME",
    help="Only these frameworks (default: every installed one).",
)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--framework", "frameworks", multiple=True, metavar="NAME", help="Only this pack.")
@_config_options
def list_rules(
    output_format: str, frameworks: Sequence[str], config: str | None, isolated: bool
) -> None:
    """List every rule: id, name, severity, pack, evidence and summary; then the packs, with
    their versions and where they come from."""
    from mcvalidate.catalogue import render_rules
    from mcvalidate.errors import McvalidateError

    try:
        registry = _registry(config, isolated)
        render_rules(registry, _split(frameworks), output_format, sys.stdout, sys.stderr)
    except McvalidateError as exc:
        _fail(str(exc))


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown", "csv"]),
    default="text",
    help="text (fits the terminal), json, markdown or csv (a line per file and framework).",
)
@_frameworks_option
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="The run's date.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto")
@_config_options
def matrix(
    paths: Sequence[str],
    output_format: str,
    frameworks: Sequence[str],
    today: Any,
    color: str,
    config: str | None,
    isolated: bool,
) -> None:
    """Show how each file fares under each framework, whatever its scope: a table of files
    by frameworks (pass, or the errors and warnings), then the framework elements each file
    misses. Answers "would this also qualify under X?"; exit code 0 unless the command
    itself is wrong (2)."""
    from mcvalidate.compare import run
    from mcvalidate.runner import Options

    options = Options(
        paths=paths,
        frameworks=_split(frameworks),
        today=today.date() if today else None,
        color=color,
        config=config,
        isolated=isolated,
    )
    sys.exit(run(options, output_format, sys.stdout, sys.stderr))


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--to",
    "to",
    type=click.Choice(list(TARGETS)),
    required=True,
    help="The kind of document: "
    + "; ".join(f"{t.name}: {t.title}" for t in TARGETS.values())
    + ".",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Where to write: a file for one course (default: standard output), a directory "
    "for several (a document per course, named by its id).",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="The URL under which the documents are published (ids become URL/course-id); "
    "default: the configuration's export.base_url, else urn:uuid ids.",
)
@click.option(
    "--credential-template",
    is_flag=True,
    help="ob3: write an unsigned OpenBadgeCredential around the Achievement, for a badge "
    "platform to complete (recipient, dates, proof).",
)
@click.option(
    "--rows",
    "rows_format",
    type=click.Choice(["csv", "json"]),
    help="listing: write CSV or JSON (default: from the output's suffix, else CSV).",
)
@click.option(
    "--framework",
    "frameworks",
    multiple=True,
    metavar="NAME",
    help="Also refuse a file with an error under this framework (repeatable); default: "
    "only what the document needs is checked.",
)
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="The run's date.")
@_config_options
def export(
    paths: Sequence[str],
    to: str,
    output: str | None,
    base_url: str | None,
    credential_template: bool,
    rows_format: str | None,
    frameworks: Sequence[str],
    today: Any,
    config: str | None,
    isolated: bool,
) -> None:
    """Write each course as a document for a badge platform, a registry or a listing: first
    checked for what that document needs (as 'check --framework <to>-export' checks it).
    A file with an error is not exported: its findings are shown and the exit code is 1."""
    from mcvalidate.exporting import Request, run
    from mcvalidate.runner import Options

    if base_url is not None and not _URL.match(base_url):
        _fail(f"--base-url must be an http(s) URL, not '{base_url}'")
    options = Options(
        paths=paths,
        frameworks=_split(frameworks),
        today=today.date() if today else None,
        config=config,
        isolated=isolated,
    )
    request = Request(to, output, base_url, credential_template, rows_format)
    sys.exit(run(options, request, sys.stdout, sys.stderr))


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "md", "pdf"]),
    default="html",
    help="html (one self-contained file that prints well), md (Markdown) or pdf (a tagged "
    "PDF; needs mcvalidate[pdf] and -o FILE).",
)
@click.option(
    "-o", "--output", metavar="FILE", help="Write the report to FILE (default: standard output)."
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    help="Print on this paper size (default: the printer's own; A4 for pdf).",
)
@_frameworks_option
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="The run's date.")
@_config_options
def report(
    paths: Sequence[str],
    output_format: str,
    output: str | None,
    paper: str | None,
    frameworks: Sequence[str],
    today: Any,
    config: str | None,
    isolated: bool,
) -> None:
    """Write the report a curriculum committee reads: per course a summary, a checklist of
    each applicable framework's elements (met, missing, optional) with their source clauses,
    and the findings with the source lines; for several files, a catalogue overview. Exit
    code 0 whatever the findings ('check' is the command that fails), 2 for a mistake."""
    from mcvalidate.committee.command import Request, run
    from mcvalidate.runner import Options

    options = Options(
        paths=paths,
        frameworks=_split(frameworks),
        today=today.date() if today else None,
        config=config,
        isolated=isolated,
    )
    sys.exit(run(options, Request(output_format, output, paper), sys.stdout, sys.stderr))


@cli.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "csv"]),
    default="text",
)
@_frameworks_option
@_config_options
def crosswalk(
    output_format: str, frameworks: Sequence[str], config: str | None, isolated: bool
) -> None:
    """Show which course field satisfies which element of each framework, from the packs'
    own rules: the fields to fill for a course to meet several frameworks at once."""
    from mcvalidate.catalogue import chosen
    from mcvalidate.crosswalk import write
    from mcvalidate.errors import McvalidateError
    from mcvalidate.terminal import width_of

    try:
        rows = chosen(_registry(config, isolated), _split(frameworks))
    except McvalidateError as exc:
        _fail(str(exc))
    packs = [pack for _, pack, _ in rows if pack is not None]
    write(packs, output_format, sys.stdout, width_of(sys.stdout))


@cli.command()
@click.argument("rule")
@_config_options
def explain(rule: str, config: str | None, isolated: bool) -> None:
    """Explain one rule (by id or name: what it checks, why, its options and examples) or one
    pack (by name)."""
    from mcvalidate.catalogue import explain as explain_name
    from mcvalidate.errors import McvalidateError

    try:
        explain_name(_registry(config, isolated), rule, sys.stdout)
    except McvalidateError as exc:
        _fail(str(exc))


@cli.command()
@click.argument("which", type=click.Choice(["course", "config"]), default="course")
@click.option(
    "--framework",
    "frameworks",
    multiple=True,
    metavar="NAME",
    help="Include the fields of these packs only (default: every pack that declares some).",
)
@click.option(
    "--path",
    "show_path",
    is_flag=True,
    help="Print the path of the course schema shipped with mcvalidate (for an editor).",
)
@_config_options
def schema(
    which: str, frameworks: Sequence[str], show_path: bool, config: str | None, isolated: bool
) -> None:
    """Print the JSON Schema of the course format (default) or of the configuration file,
    generated from the models; the course schema includes the packs' own fields."""
    import json

    if show_path:
        from mcvalidate.scaffold import SCHEMA

        if which != "course" or frameworks:
            _fail("--path names the shipped course schema: give no 'config' or --framework")
        click.echo(str(SCHEMA))
        return

    from mcvalidate.catalogue import chosen, course_schema
    from mcvalidate.config import schema as config_schema
    from mcvalidate.errors import McvalidateError

    try:
        if which == "config":
            document = config_schema()
        else:
            rows = chosen(_registry(config, isolated), _split(frameworks))
            document = course_schema([pack for _, pack, _ in rows if pack is not None])
    except McvalidateError as exc:
        _fail(str(exc))
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start from an existing course file (a new offering of the same program).",
)
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help="Ask for the title, issuer, credit status, hours and language "
    "(default: ask on a terminal).",
)
def init(path: Path, source: Path | None, interactive: bool | None) -> None:
    """Write a new course file at PATH, every section with a comment on what goes there and
    which framework element asks for it; then 'mcvalidate check PATH' lists what is left.

    Name it NAME.mc.yaml (or .mc.yml): editors can then match it to the course schema, and
    'mcvalidate check DIRECTORY' always checks it."""
    from mcvalidate.scaffold import SCHEMA, Answers, from_existing, scaffold

    if path.exists() or path.is_symlink():
        _fail(f"'{path}' already exists: mcvalidate init never overwrites a file")
    schema = SCHEMA.as_uri()
    if source is not None:
        try:
            text = from_existing(source.read_text(encoding="utf-8-sig"), schema)
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read '{source}': {exc}")
    else:
        ask = sys.stdin.isatty() if interactive is None else interactive
        text = scaffold(_ask() if ask else Answers(), schema)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as exc:
        _fail(f"cannot write '{path}': {exc.strerror or exc}")
    click.echo(f"Wrote {path}. Next: mcvalidate check {path}")


def _ask() -> Any:
    """The values that differ per course, asked one by one (Enter keeps the default)."""
    from mcvalidate.scaffold import Answers

    title = click.prompt("Title of the micro-credential", default=Answers.title)
    issuer = click.prompt("Awarding institution", default="", show_default=False)
    credit = click.prompt(
        "Credit status",
        type=click.Choice(["credit", "non_credit", "unknown"]),
        default="unknown",
    )
    hours = click.prompt(
        "Notional learning hours (all the learner's effort; 0 if not known)",
        type=click.FloatRange(min=0),
        default=0,
    )
    language = click.prompt("Language of instruction (BCP 47, e.g. en, fr-CA)", default="en")
    return Answers(
        title=title,
        issuer=issuer,
        credit="" if credit == "unknown" else credit,
        hours=hours or None,
        language=language,
    )


@cli.command()
def lsp() -> None:
    """Serve an editor over standard input and output (the Language Server Protocol):
    findings as you type, the rule's explanation on hover, fixes as code actions. Needs
    the extra: pip install 'mcvalidate[lsp]'."""
    try:
        from mcvalidate.lsp import serve
    except ImportError as exc:
        _fail(f"the language server needs pygls ({exc}): pip install 'mcvalidate[lsp]'")
    serve()


def main() -> NoReturn:
    """Console-script entry point.

    Start-up creates a few hundred thousand objects, all of which live as long as the run: the
    collector is off until the files are checked (``check`` then freezes what start-up made
    and turns it on; every other command turns it on at once). At the end, once the streams
    are flushed, the process leaves without tearing the interpreter down object by object
    (about a twentieth of a one-file check): nothing is left to write or to close."""
    gc.disable()
    code: object = EXIT_OK
    try:
        _main()
    except SystemExit as leaving:
        code = leaving.code
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed under us
            stream.flush()
    os._exit(code if isinstance(code, int) else EXIT_OK if code is None else EXIT_USAGE)


def _main() -> NoReturn:
    # mcvalidate's validation must not depend on whatever pydantic plugins happen to be
    # installed, and looking them up costs every run an entry-point scan.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if sys.stdout is None:  # started with standard output closed: nowhere to report
        if sys.stderr is not None:
            sys.stderr.write("mcvalidate: error: standard output is closed: nothing can be shown\n")
        sys.exit(EXIT_USAGE)
    # A terminal or a CI log in cp1252, latin-1 or ASCII cannot hold every character of a
    # course: what it cannot hold is written as an escape, never a crash.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(OSError, ValueError):  # a descriptor closed under it
                stream.reconfigure(errors="backslashreplace")
    cli.main(prog_name="mcvalidate")
