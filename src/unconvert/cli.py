"""The ``unconvert`` command: a thin layer that parses arguments, calls the library and renders diagnostics.

Exit status:
    0   everything converted / valid
    1   at least one input could not be read (or is over ``--max-size``), or a file is not valid AKN (``validate``)
    2   usage or environment error: bad option, unknown format, unusable output path, and an output the machine
        refused to store (disk full, permission denied, read-only file system)
    3   internal error: a writer failed on a tree the reader produced (a bug — please report it)
    130 interrupted (Ctrl-C)
Warnings — what the reader had to guess, what a writer had to adapt — are printed to standard error (not with
``-q``) and never change the status. ``batch`` decides its status with ``--fail-on`` (see ``unconvert batch --help``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from unconvert import __version__, api, registry
from unconvert.cli_types import parse_size
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import FormatError, ReadError, StorageError, UnconvertError, ValidationError, WriteError
from unconvert.tree import to_json

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so no half-written file is left.
    The temporary name is short (``.unconvert-XXXXXXXX.part``) whatever the length of ``path``'s name. Raises
    ``StorageError`` when the machine refuses (disk full, permission denied, read-only file system…)."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".unconvert-", suffix=".part", dir=path.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes the file private; the output gets the usual mode
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}", path=str(path), errno=exc.errno) from exc
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def _report_diagnostics(name: str, diagnostics: Iterable[Diagnostic], quiet: bool) -> None:
    """Print what the reader guessed or a writer adapted, one ``FILE:LINE: severity: message [code]`` a line
    (a writer's codes start with its format: ``akn-``, ``text-``). Warnings never change the exit status."""
    if quiet:
        return
    for diag in diagnostics:
        where = f"{name}:{diag.line}" if diag.line is not None else name
        _say(f"{where}: {diag.severity.value}: {diag.message} [{diag.code}]")


def _cmd_convert(args: argparse.Namespace) -> int:
    try:
        fmt = registry.get_format(args.to, "writer")
        registry.get_format(args.source_format, "reader")
    except FormatError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    inputs = [Path(p) for p in args.inputs]
    out = Path(args.output) if args.output else None
    to_dir = out is not None and (len(inputs) > 1 or out.is_dir() or args.output.endswith(("/", os.sep)))
    if out is None and len(inputs) > 1:
        _say("unconvert: several inputs need -o DIR")
        return EXIT_USAGE
    if to_dir and out is not None and out.exists() and not out.is_dir():
        _say(f"unconvert: {out} is not a directory")
        return EXIT_USAGE
    context = Context.from_env()
    status = EXIT_OK
    for path in inputs:
        try:
            document = api.read(path, format=args.source_format, max_bytes=args.max_size)
            _report_diagnostics(str(path), document.diagnostics, args.quiet)
            rendered = api.render(document, fmt.name, context=context)
            _report_diagnostics(str(path), rendered.diagnostics, args.quiet)
        except ReadError as exc:
            _say(f"unconvert: {exc}")
            status = max(status, EXIT_INPUT)
            continue
        except WriteError as exc:
            _say(f"unconvert: {path}: cannot write {fmt.name}: {exc} (this is a bug in unconvert; please report it)")
            status = EXIT_INTERNAL
            continue
        if out is None:
            sys.stdout.buffer.write(rendered.data)
            sys.stdout.buffer.flush()
        else:
            target = out / (path.stem + fmt.extension) if to_dir else out
            write_atomic(target, rendered.data)
    return status


def _cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            api.validate(Path(name), max_bytes=args.max_size)
        except ValidationError as exc:
            for line, message in exc.errors:
                _say(f"{name}:{line}: error: {message}")
            status = EXIT_INPUT
        except ReadError as exc:
            _say(f"unconvert: {exc}")
            status = EXIT_INPUT
        else:
            if not args.quiet:
                _say(f"{name}: valid")
    return status


def _cmd_formats(args: argparse.Namespace) -> int:
    for fmt in registry.formats():
        print(f"{fmt.name:<6} {fmt.kind:<7} {fmt.extension:<6} {fmt.description}")
    return EXIT_OK


def _cmd_dump(args: argparse.Namespace) -> int:
    try:
        document = api.read(Path(args.input), format=args.source_format, max_bytes=args.max_size)
    except ReadError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_INPUT
    _report_diagnostics(args.input, document.diagnostics, args.quiet)
    text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    if args.output:
        write_atomic(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=api.MAX_INPUT_BYTES,
        metavar="SIZE",
        help="refuse an input larger than SIZE (default 64M)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unconvert",
        description="Convert UN official documents (ODS text dumps) to Akoma Ntoso, DOCX, PDF and text.",
        epilog="Exit status: 0 ok, 1 bad input, 2 usage or environment error (disk full, permission denied), "
        "3 internal error, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"unconvert {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    conv = sub.add_parser("convert", help="convert documents", description="Convert one or more documents.")
    conv.add_argument("inputs", nargs="+", metavar="IN", help="input files (ODS text dumps)")
    conv.add_argument(
        "-o",
        "--output",
        metavar="OUT|DIR",
        help="output file, or directory for several inputs (writes DIR/<input stem><ext>); default: standard output",
    )
    conv.add_argument("-t", "--to", default="akn", help="output format: akn, text, docx, pdf (default: akn)")
    conv.add_argument("-f", "--from", dest="source_format", default="ods", help="input format (default: ods)")
    conv.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    _add_max_size(conv)
    conv.set_defaults(func=_cmd_convert)

    val = sub.add_parser("validate", help="validate AKN files against the official XSD")
    val.add_argument("files", nargs="+", metavar="FILE.xml")
    val.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    _add_max_size(val)
    val.set_defaults(func=_cmd_validate)

    fmts = sub.add_parser("formats", help="list the readers and writers")
    fmts.set_defaults(func=_cmd_formats)

    dump = sub.add_parser("dump", help="print the document tree as JSON")
    dump.add_argument("input", metavar="IN")
    dump.add_argument("-o", "--output", metavar="FILE")
    dump.add_argument("-f", "--from", dest="source_format", default="ods")
    dump.add_argument("-q", "--quiet", action="store_true")
    _add_max_size(dump)
    dump.set_defaults(func=_cmd_dump)

    try:
        from unconvert.batch_cli import add_batch_parser
    except ImportError:
        pass
    else:
        add_batch_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except KeyboardInterrupt:
        _say("unconvert: interrupted")
        return EXIT_INTERRUPTED
    except StorageError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    except OSError as exc:  # the environment (a full disk, a closed pipe, a permission), never an internal error
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"unconvert: {where}{exc.strerror or exc}")
        return EXIT_USAGE
    except UnconvertError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_INPUT
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        _say(f"unconvert: internal error: {type(exc).__name__}: {exc} (run with --debug for details; please report)")
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
