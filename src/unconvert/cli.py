"""The ``unconvert`` command: a thin layer that parses arguments, calls the library and renders diagnostics.

Exit status:
    0   everything converted / valid
    1   at least one input could not be read (or is over ``--max-size``), or a file is not valid AKN (``validate``)
    2   usage or environment error: bad option, unknown format, unusable output path (an input, a FIFO, a link,
        a device, two inputs wanting one output name), an output the machine refused to store (disk full,
        permission denied, read-only file system), standard output closed (a broken pipe), a font missing
    3   internal error: a writer failed on a tree the reader produced (a bug — please report it)
    130 interrupted (Ctrl-C)
Warnings — what the reader had to guess, what a writer had to adapt — are printed to standard error (not with
``-q``) and never change the status. ``batch`` decides its status with ``--fail-on`` (see ``unconvert batch --help``).

Nothing is written before every output path is known to be safe: never over an input, never over anything but a
regular file (a FIFO, a symbolic link, a device, a folder are refused), never two inputs into one name. ``-`` is
standard input (``convert``, ``dump``, ``validate``) or, after ``-o``, standard output; DOCX and PDF bytes are
never written to a terminal. The output's extension names the format when ``-t`` is not given (``-o x.pdf``).
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from unconvert import __version__, api, registry
from unconvert.cli_types import parse_size
from unconvert.context import Context
from unconvert.diagnostics import Diagnostic
from unconvert.errors import (
    FormatError,
    ReadError,
    ResourceError,
    StorageError,
    UnconvertError,
    ValidationError,
    WriteError,
)
from unconvert.tree import Document, to_json

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

STDIO = "-"
"""``-`` as an input is standard input; as ``-o``, standard output."""

TEXT_EXTENSIONS = frozenset({".xml", ".txt", ".json", ".html", ".htm", ".md", ".csv"})
"""Formats with these extensions are text and may go to a terminal; any other (DOCX, PDF, a plugin's) is refused
there."""


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit 2), found before anything is written."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def refuse_unsafe_target(path: Path) -> None:
    """``UsageError`` when ``path`` exists and is not a regular file: replacing a FIFO, a symbolic link, a device
    or a folder with a regular file is never what the user meant."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}", path=str(path), errno=exc.errno) from exc
    if stat.S_ISREG(mode):
        return
    kind = (
        "a symbolic link"
        if stat.S_ISLNK(mode)
        else "a folder"
        if stat.S_ISDIR(mode)
        else "a FIFO (named pipe)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    raise UsageError(f"{path} is {kind}: refusing to replace it with a file (use -o - for standard output)")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so no half-written file is left.
    The temporary name is short (``.unconvert-XXXXXXXX.part``) whatever the length of ``path``'s name, and never
    appears in a message: errors name ``path``. Refuses (``UsageError``) to replace anything but a regular file.
    Raises ``StorageError`` when the machine refuses (disk full, permission denied, read-only file system…)."""
    refuse_unsafe_target(path)
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def check_targets(plan: Sequence[tuple[str, Path | None]]) -> None:
    """Before anything is written: no output is an input, no two inputs share an output, every output that
    exists is a regular file. ``plan`` pairs each input (``-`` for standard input) with its output path (None:
    standard output)."""
    inputs = [Path(source) for source, _ in plan if source != STDIO]
    claimed: dict[str, str] = {}
    for source, target in plan:
        if target is None:
            continue
        for original in inputs:
            if _same_file(target, original):
                raise UsageError(f"{target}: this is an input: refusing to write over it (choose another -o)")
        key = os.path.normcase(os.path.realpath(target))
        if key in claimed:
            raise UsageError(
                f"{claimed[key]} and {source} would both be written to {target}: nothing written "
                "(convert them into different folders, or rename one)"
            )
        claimed[key] = source
        refuse_unsafe_target(target)


def _is_binary(fmt: registry.Format) -> bool:
    return fmt.extension.lower() not in TEXT_EXTENSIONS


def refuse_terminal(fmt: registry.Format, stream: IO[bytes] | IO[str]) -> None:
    """``UsageError`` when binary output (DOCX, PDF) would go to a terminal."""
    if _is_binary(fmt) and stream.isatty():
        raise UsageError(
            f"{fmt.name} output is binary: not written to the terminal "
            f"(give -o FILE, or redirect: > out{fmt.extension})"
        )


def format_for(to: str | None, output: str | None, *, quiet: bool) -> registry.Format:
    """The writer: ``-t`` when given, else the one whose extension ends the output's name (``x.pdf``, ``x.akn.xml``),
    else AKN. An extension no writer has, without ``-t``, is a usage error rather than AKN in a ``.html`` file."""
    suffixes = [s.lower() for s in Path(output).suffixes] if output and output != STDIO else []
    if to is not None:
        chosen = registry.get_format(to, "writer")
        if suffixes and not quiet:
            named = _by_extension(suffixes)
            if named is not None and named.name != chosen.name:
                _say(f"unconvert: warning: writing {chosen.name} into {output} (its extension says {named.name})")
        return chosen
    if not suffixes or output is None or output.endswith(("/", os.sep)) or Path(output).is_dir():
        return registry.get_format("akn", "writer")
    found = _by_extension(suffixes)
    if found is None:
        known = ", ".join(f"{f.extension} ({f.name})" for f in registry.formats("writer") if f.extension)
        raise UsageError(f"cannot tell the format from {output!r}: give -t FORMAT (extensions known: {known})")
    return found


def _by_extension(suffixes: list[str]) -> registry.Format | None:
    """``.akn.xml`` -> akn, ``.text.txt`` -> text (the batch's names), else the last suffix: ``.pdf`` -> pdf."""
    if len(suffixes) >= 2:
        try:
            fmt = registry.get_format(suffixes[-2].lstrip("."), "writer")
        except FormatError:
            pass
        else:
            if fmt.extension == suffixes[-1]:
                return fmt
    return next((f for f in registry.formats("writer") if f.extension and f.extension == suffixes[-1]), None)


def _write_stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _report_diagnostics(name: str, diagnostics: Iterable[Diagnostic], quiet: bool) -> None:
    """Print what the reader guessed or a writer adapted, one ``FILE:LINE: severity: message [code]`` a line
    (a writer's codes start with its format: ``akn-``, ``text-``). Warnings never change the exit status."""
    if quiet:
        return
    for diag in diagnostics:
        where = f"{name}:{diag.line}" if diag.line is not None else name
        _say(f"{where}: {diag.severity.value}: {diag.message} [{diag.code}]")


def _cmd_convert(args: argparse.Namespace) -> int:
    inputs: list[str] = list(args.inputs)
    output: str | None = args.output
    try:
        if args.source_format != registry.AUTO:
            registry.get_format(args.source_format, "reader")
        fmt = format_for(args.to, output, quiet=args.quiet)
    except FormatError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    if inputs.count(STDIO) > 1 or (STDIO in inputs and len(inputs) > 1):
        raise UsageError("standard input (-) can only be the one input")
    to_stdout = output is None or output == STDIO
    out = None if to_stdout or output is None else Path(output)
    to_dir = out is not None and (len(inputs) > 1 or out.is_dir() or str(output).endswith(("/", os.sep)))
    if to_stdout and len(inputs) > 1:
        raise UsageError("several inputs need -o DIR")
    if to_dir and out is not None and out.exists() and not out.is_dir():
        raise UsageError(f"{out} is not a directory")
    plan: list[tuple[str, Path | None]] = []
    for source in inputs:
        stem = "stdin" if source == STDIO else Path(source).stem
        plan.append((source, None if out is None else out / (stem + fmt.extension) if to_dir else out))
    check_targets(plan)
    if to_stdout:
        refuse_terminal(fmt, sys.stdout)
    context = Context.from_env()
    status = EXIT_OK
    for source, target in plan:
        label = "<stdin>" if source == STDIO else source
        try:
            document = _read(source, args)
            _report_diagnostics(label, document.diagnostics, args.quiet)
            rendered = api.render(document, fmt.name, context=context)
            _report_diagnostics(label, rendered.diagnostics, args.quiet)
        except ReadError as exc:
            _say(f"unconvert: {exc}")
            status = max(status, EXIT_INPUT)
            continue
        except ResourceError as exc:
            _say(f"unconvert: {label}: cannot write {fmt.name}: {exc}")
            return EXIT_USAGE
        except WriteError as exc:
            _say(f"unconvert: {label}: cannot write {fmt.name}: {exc} (this is a bug in unconvert; please report it)")
            status = EXIT_INTERNAL
            continue
        if target is None:
            _write_stdout(rendered.data)
        else:
            write_atomic(target, rendered.data)
    return status


def _read(source: str, args: argparse.Namespace) -> Document:
    if source == STDIO:
        return api.read(sys.stdin.buffer, name="<stdin>", format=args.source_format, max_bytes=args.max_size)
    return api.read(Path(source), name=source, format=args.source_format, max_bytes=args.max_size)


def _cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    if args.files.count(STDIO) > 1:
        raise UsageError("standard input (-) can be read only once")
    for name in args.files:
        label = "<stdin>" if name == STDIO else name
        source: api.Source = sys.stdin.buffer if name == STDIO else Path(name)
        try:
            api.validate(source, name=label, max_bytes=args.max_size)
        except ValidationError as exc:
            for line, message in exc.errors:
                _say(f"{label}:{line}: error: {message}")
            status = EXIT_INPUT
        except ReadError as exc:
            _say(f"unconvert: {exc}")
            status = EXIT_INPUT
        else:
            if not args.quiet:
                _say(f"{label}: valid")
    return status


def _cmd_formats(args: argparse.Namespace) -> int:
    for fmt in registry.formats():
        print(f"{fmt.name:<6} {fmt.kind:<7} {fmt.extension:<6} {fmt.description}")
    return EXIT_OK


def _cmd_dump(args: argparse.Namespace) -> int:
    target = None if args.output in (None, STDIO) else Path(args.output)
    if target is not None:
        check_targets([(args.input, target)])
    try:
        document = _read(args.input, args)
    except ReadError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_INPUT
    _report_diagnostics("<stdin>" if args.input == STDIO else args.input, document.diagnostics, args.quiet)
    text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    if target is not None:
        write_atomic(target, text.encode("utf-8"))
    else:
        _write_stdout(text.encode("utf-8"))
    return EXIT_OK


def _cmd_parity(args: argparse.Namespace) -> int:
    """The language versions of one document, compared: 0 when they agree, 1 when not (or one cannot be read)."""
    from unconvert.parity import compare

    if len(args.files) < 2:
        raise UsageError("parity compares two versions or more")
    if STDIO in args.files:
        raise UsageError("parity reads files, not standard input")
    documents = []
    for name in args.files:
        try:
            documents.append(_read(name, args))
        except ReadError as exc:
            _say(f"unconvert: {exc}")
            return EXIT_INPUT
    report = compare(documents, args.files)
    if args.json:
        _write_stdout((json.dumps(report.as_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    else:
        for disagreement in report.disagreements:
            print(disagreement)
        if not args.quiet:
            verdict = "agree" if report.agree else f"disagree ({len(report.disagreements)} differences)"
            _say(f"{len(documents)} versions ({', '.join(report.languages)}): {verdict}")
    return EXIT_OK if report.agree else EXIT_INPUT


def _add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=api.MAX_INPUT_BYTES,
        metavar="SIZE",
        help="refuse an input larger than SIZE (default 64M)",
    )


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command takes, before or after its name (``unconvert --debug convert …`` and
    ``unconvert convert … --debug`` alike). On a command they default to nothing, so that they never undo what was
    given before the command's name."""
    default = False if top else argparse.SUPPRESS
    parser.add_argument("--debug", action="store_true", default=default, help="show a traceback on internal errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unconvert",
        description="Convert UN official documents (ODS text dumps) to Akoma Ntoso, DOCX, PDF and text.",
        epilog="Exit status: 0 ok, 1 bad input, 2 usage or environment error (disk full, permission denied, "
        "a missing font, a closed pipe), 3 internal error, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"unconvert {__version__}")
    _global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description)
        _global_options(made, top=False)
        return made

    conv = command("convert", help="convert documents", description="Convert one or more documents.")
    conv.add_argument("inputs", nargs="+", metavar="IN", help="input files (ODS text dumps); - for standard input")
    conv.add_argument(
        "-o",
        "--output",
        metavar="OUT|DIR",
        help="output file, or directory for several inputs (writes DIR/<input stem><ext>); "
        "- or nothing: standard output",
    )
    conv.add_argument(
        "-t",
        "--to",
        default=None,
        help="output format: akn, text, docx, pdf (default: from the output's extension, else akn)",
    )
    conv.add_argument(
        "-f",
        "--from",
        dest="source_format",
        default=registry.AUTO,
        help="input format: ods, akn, docx (default: auto, told by the content: an akomaNtoso XML root is akn, a "
        "Word zip or OLE file docx, text ods)",
    )
    conv.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    _add_max_size(conv)
    conv.set_defaults(func=_cmd_convert)

    val = command("validate", help="validate AKN files against the official XSD")
    val.add_argument("files", nargs="+", metavar="FILE.xml", help="AKN files; - for standard input")
    val.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    _add_max_size(val)
    val.set_defaults(func=_cmd_validate)

    fmts = command("formats", help="list the readers and writers")
    fmts.set_defaults(func=_cmd_formats)

    dump = command("dump", help="print the document tree as JSON")
    dump.add_argument("input", metavar="IN", help="input file; - for standard input")
    dump.add_argument("-o", "--output", metavar="FILE", help="output file; - or nothing: standard output")
    dump.add_argument("-f", "--from", dest="source_format", default=registry.AUTO)
    dump.add_argument("-q", "--quiet", action="store_true")
    _add_max_size(dump)
    dump.set_defaults(func=_cmd_dump)

    par = command(
        "parity",
        help="compare the language versions of one document",
        description="Compare the language versions of one document (any readable format): parts, preambular and "
        "operative paragraphs with their numbers, points, footnotes, annexes, tables and the UN documents each "
        "paragraph cites. Prints each disagreement as FILE:LINE: LANGUAGE: WHERE: WHAT. Exit 0 when they agree, "
        "1 when not.",
    )
    par.add_argument("files", nargs="+", metavar="FILE", help="the versions (two or more)")
    par.add_argument(
        "-f", "--from", dest="source_format", default=registry.AUTO, help="input format (default: auto, by content)"
    )
    par.add_argument("--json", action="store_true", help="print the report as JSON")
    par.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    _add_max_size(par)
    par.set_defaults(func=_cmd_parity)

    try:
        from unconvert.batch_cli import add_batch_parser
    except ImportError:
        pass
    else:
        _global_options(add_batch_parser(sub), top=False)
    return parser


def _stdout_closed() -> int:
    """Standard output was closed by its reader (``| head``): say so once, and keep the interpreter's final flush
    from failing again on the same pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    _say("unconvert: standard output was closed before everything was written (broken pipe)")
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except KeyboardInterrupt:
        _say("unconvert: interrupted")
        return EXIT_INTERRUPTED
    except UsageError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        return _stdout_closed()
    except StorageError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    except ResourceError as exc:
        _say(f"unconvert: {exc}")
        return EXIT_USAGE
    except OSError as exc:  # the environment (a full disk, a permission), never an internal error
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
