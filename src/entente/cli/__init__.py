"""The command line: one module per command; `main()` turns every error into one line.

Exit codes: 0 done; 1 done, but some records were skipped (each reported), or an
unexpected error; 2 bad usage or bad input, nothing done; 130 interrupted.
"""
from __future__ import annotations

import logging
import os
import sys
import traceback
from typing import Optional

import click
import typer
from sqlalchemy.exc import SQLAlchemyError

from entente.errors import EntenteError, redact

app = typer.Typer(
    name="entente",
    help="Diplomatic and political news -> who did what to whom, when, where and about what, "
         "with the sentence that proves each fact.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        from entente import __version__

        print(f"entente {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, print the full traceback "
                                                      "(also: ENTENTE_DEBUG=1)."),
) -> None:
    """Diplomatic and political news -> who did what to whom, when, where and about what,
    with the sentence that proves each fact."""


from entente.cli import demo, events, export, extract, ingest, registry, schema, serve, stored  # noqa: E402,F401

# The pinned typer raises its own bundled click's exceptions; older ones raise click's.
_USAGE = tuple({click.ClickException, getattr(typer, "TyperException", click.ClickException)})
_EXIT = tuple({click.exceptions.Exit, typer.Exit})
_ABORT = tuple({click.exceptions.Abort, typer.Abort})


def _say(message: str) -> None:
    print(redact(message), file=sys.stderr)


def _usage(exc) -> str:
    """A usage error as one line, with the command it concerns."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "entente"
    text = " ".join(exc.format_message().split())
    return f"{command}: error: {text} (see '{command} --help')"


def main(argv: Optional[list[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end] or os.environ.get("ENTENTE_DEBUG", "") not in ("", "0")
    args = [a for i, a in enumerate(args) if not (a == "--debug" and i < end)]
    if not debug:  # libraries log what they recover from (a pool reset cut by Ctrl-C) with a traceback
        quiet = logging.getLogger("sqlalchemy")
        if not quiet.handlers:
            quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
    try:
        rv = app(args=args, prog_name="entente", standalone_mode=False)
    except _EXIT as exc:
        return exc.exit_code
    except _ABORT:
        _say("entente: interrupted")
        return 130
    except KeyboardInterrupt:
        _say("entente: interrupted")
        return 130
    except EntenteError as exc:
        _say(f"entente: error: {exc}")
        return 2
    except _USAGE as exc:
        _say(_usage(exc) if getattr(exc, "exit_code", 1) == 2 else f"entente: error: {exc.format_message()}")
        return getattr(exc, "exit_code", 1) or 1
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:  # a file or folder the system refused: say which, in one line
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _say(f"entente: error: {where}{exc.strerror or exc}")
        return 1
    except SQLAlchemyError as exc:  # the database failed mid-run; never its SQL and parameters
        from entente.store.connect import describe

        if debug:
            traceback.print_exc()
        _say(f"entente: database error: {describe(exc)}")
        return 1
    except Exception as exc:  # a bug: one line for the user, the detail on request
        if debug:
            traceback.print_exc()
        detail = " ".join(str(exc).split())[:300]
        _say(f"entente: unexpected error: {type(exc).__name__}: {detail}"
             + ("" if debug else " (run with --debug for the details)"))
        return 1
    if rv == 0 or not isinstance(rv, int):
        rv = 0
    return rv


def _quiet_stdout() -> None:
    """After a closed pipe (`entente events | head`), let the exit flush go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:  # console-script entry point
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    sys.exit(code)
