"""``unconvert batch``: the command line of ``unconvert.batch``. Printing and exit codes live here, never in
the library.

Wiring into the main CLI is two lines::

    add_batch_parser(subparsers)          # registers "batch" with func=run_batch
    return args.func(args)                # or run_batch(args) when args.command == "batch"

It also runs on its own: ``python -m unconvert.batch_cli SRC... -o OUT``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import Any

from unconvert.batch.settings import DEFAULT_TIMEOUT, DOCUMENT_PATTERN, FAIL_ON, GROUP_DOCUMENTS, GROUP_SECONDS, Limits
from unconvert.cli_types import parse_size
from unconvert.errors import UnconvertError

DESCRIPTION = """Convert many documents at once (ODS dumps, AKN, Word files; each read as its content says): files,
directories (recursive: *.txt, *.xml, *.docx, *.doc), globs, .zip and .tar/.tar.gz archives (read in place).
Outputs mirror the source layout under OUTDIR (archive members under <archive stem>/), or are named from the UN
symbol with --by-symbol. One JSON line per document goes to the report (OUTDIR/report.jsonl). Ctrl-C finishes
the documents in flight, writes the report and exits 130; --resume continues a run that was interrupted or killed."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``batch`` options to ``parser``."""
    defaults = Limits()
    parser.add_argument("sources", nargs="*", metavar="SRC", help="files, directories, globs, .zip/.tar(.gz) archives")
    parser.add_argument("--from-list", metavar="FILE", action="append", default=[], help="read sources from FILE")
    parser.add_argument(
        "-o",
        "--output",
        "--out",
        dest="out",
        required=True,
        metavar="OUTDIR",
        help="output directory (--output, as in convert and dump; --out is the same option)",
    )
    parser.add_argument(
        "-t", "--to", default="akn", metavar="FORMATS", help="comma-separated formats: akn,text,docx,pdf (default akn)"
    )
    parser.add_argument("-j", "--jobs", type=_positive, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786)")
    parser.add_argument("--dask-local", type=_positive, metavar="N", help="run on a local Dask cluster of N workers")
    parser.add_argument("--by-symbol", action="store_true", help="name outputs from the UN symbol (A_RES_64_183…)")
    parser.add_argument("--split-formats", action="store_true", help="one subfolder of OUTDIR per format")
    parser.add_argument("--report", metavar="FILE", help="JSON Lines report (default OUTDIR/report.jsonl)")
    parser.add_argument("--resume", action="store_true", help="skip documents an earlier run already converted")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up on a document after S seconds (default {DEFAULT_TIMEOUT:g}; 0 for no limit)",
    )
    parser.add_argument(
        "--sync-every",
        type=_positive,
        default=GROUP_DOCUMENTS,
        metavar="N",
        help=f"make outputs and report lines durable N documents at a time, or every {GROUP_SECONDS:g} s "
        f"(default {GROUP_DOCUMENTS}; 1: each document on its own)",
    )
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, default="failed", help="exit 1 on failed documents (default) or on warnings too"
    )
    parser.add_argument(
        "--pattern",
        default=DOCUMENT_PATTERN,
        help="which files in directories/archives are documents, comma-separated globs (default: %(default)s)",
    )
    parser.add_argument(
        "--max-member-size", type=parse_size, default=defaults.member_bytes, metavar="SIZE", help="per document (64M)"
    )
    parser.add_argument(
        "--max-archive-size", type=parse_size, default=defaults.total_bytes, metavar="SIZE", help="per archive (8G)"
    )
    parser.add_argument(
        "--max-members", type=_positive, default=defaults.members, metavar="N", help="per archive (200000)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``batch`` on the main CLI's subparsers; the parsed namespace's ``func`` is ``run_batch``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "batch", help="convert many documents (dirs, globs, archives) in parallel", description=DESCRIPTION
    )
    configure_parser(parser)
    parser.set_defaults(func=run_batch)
    return parser


def run_batch(args: argparse.Namespace) -> int:
    """Run ``unconvert batch``; returns the exit status (0, 1 per ``--fail-on``, 2 on a usage error, an output
    directory locked by another run, or an output the machine refused to store — disk full, permission denied —,
    130 on Ctrl-C). Names (of files, members) are printed literally, never read as markup. Without ``rich`` (the
    ``batch`` extra) the progress and the summary are plain lines.

    The batch machinery is imported here, not at the top: every command's parser has ``batch``'s options, and
    ``unconvert convert`` must not pay for what only ``batch`` runs."""
    from unconvert.batch.run import convert_many
    from unconvert.batch.sources import read_list_file
    from unconvert.batch_display import make_display

    display = make_display()
    sources = list(args.sources)
    try:
        for list_file in args.from_list:
            sources.extend(read_list_file(list_file))
    except UnconvertError as exc:
        display.error(str(exc))
        return 2
    if not sources:
        display.error("no sources given (SRC... or --from-list FILE)")
        return 2
    stop = threading.Event()
    limits = Limits(member_bytes=args.max_member_size, total_bytes=args.max_archive_size, members=args.max_members)
    try:
        run = convert_many(
            sources,
            to=args.to,
            out=args.out,
            jobs=args.jobs,
            scheduler=args.scheduler,
            dask_local=args.dask_local,
            resume=args.resume,
            report=args.report,
            by_symbol=args.by_symbol,
            split_formats=args.split_formats,
            timeout=args.timeout,
            limits=limits,
            pattern=args.pattern,
            stop=stop,
            sync_every=args.sync_every,
        )
    except UnconvertError as exc:
        display.error(str(exc))
        return 2

    def interrupt(signum: int, frame: FrameType | None) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)  # a second Ctrl-C stops at once
        display.interrupting()

    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, interrupt) if on_main_thread else None
    failures: list[str] = []
    try:
        with display.progress(run.total, quiet=args.quiet) as advance:
            for result in run:
                advance(run.summary)
                if result.status == "failed" and result.error is not None and len(failures) < 20:
                    failures.append(f"{result.source}: {result.error.code}: {result.error.message}")
    except UnconvertError as exc:
        display.error(str(exc))
        return 2
    except KeyboardInterrupt:
        display.aborted()
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    summary = run.summary
    if not args.quiet:
        for line in failures:
            display.failed(line)
        display.summary(summary)
    if summary.interrupted:
        display.interrupted(summary)
    return summary.exit_status(args.fail_on)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unconvert batch", description=DESCRIPTION)
    configure_parser(parser)
    return run_batch(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
