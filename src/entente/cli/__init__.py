"""The command line: one module per command; `main()` turns user errors into one line."""
from __future__ import annotations

import sys

import click
import typer

from entente.errors import EntenteError

app = typer.Typer(
    name="entente",
    help="Diplomatic and political news -> who did what to whom, when, where and about what, "
         "with the sentence that proves each fact.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

from entente.cli import demo, events, export, extract, ingest, registry, schema, serve  # noqa: E402,F401


def main(argv: list[str] | None = None) -> int:
    try:
        rv = app(args=argv, prog_name="entente", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        print("entente: aborted", file=sys.stderr)
        return 130
    except EntenteError as exc:
        print(f"entente: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("entente: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return rv if isinstance(rv, int) else 0


def run() -> None:  # console-script entry point
    sys.exit(main())
