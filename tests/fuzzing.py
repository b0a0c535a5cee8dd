"""The fuzzing harness (issue #13): a mutation fuzzer over real ODS dumps, and the check every generated input must
pass. ``tests/test_fuzz.py`` runs it briefly in CI (a fixed seed, a few hundred cases, seconds) with a Hypothesis
property beside it; ``scripts/fuzz.py`` runs it at length on demand and keeps each input that fails as a regression
case in ``tests/data/fuzz/`` (replayed by ``tests/test_fuzz.py``).

The check, for one input:

- ``unconvert.read`` raises nothing but ``ReadError`` (``crash`` otherwise);
- a document it accepts is written in every format without an exception, ``WriteError`` included
  (``write-crash``);
- reading and writing take at most ``SLOW_SECONDS`` of CPU time for an input under 1 MB (``slow``); an input
  still running after ``HANG_SECONDS`` of CPU time (or ten times that of wall time) is stopped (``hang``).

CPU time, not wall time: the machine is shared, and a case must not count as slow because another process ran.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import unconvert

ROOT = Path(__file__).resolve().parent.parent
REGRESSIONS = ROOT / "tests" / "data" / "fuzz"
FORMATS = ("akn", "text", "docx", "pdf")
SLOW_SECONDS = 2.0
SLOW_BELOW_BYTES = 1_000_000
HANG_SECONDS = 60.0
HANG_WALL_FACTOR = 10  # the wall-time backstop: on a loaded machine a minute of wall time may be seconds of CPU


def seed_files(extra: str | None = None, max_bytes: int = 16_000) -> list[Path]:
    """The dumps mutations start from: the example and the bundled sample corpus, plus every dump under
    ``extra`` (``UNCONVERT_FUZZ_CORPUS``, e.g. ``../shared/corpus``) no larger than ``max_bytes`` (small seeds
    make more cases per second; size comes from the mutations that repeat lines)."""
    found = [ROOT / "examples" / "A_RES_64_183.txt", *sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt"))]
    if extra:
        found += [p for p in sorted(Path(extra).rglob("*.txt")) if p.stat().st_size <= max_bytes]
    return [p for p in found if not p.name.endswith((".text.txt", ".akn.txt"))]


# What a dump is made of, and what breaks readers: the shapes of its lines, its markers, other scripts, controls.
TOKENS: tuple[str, ...] = (
    "\t",
    "\t1.\t",
    "\t(a)\t",
    "\t(i)\t",
    "\t999.\t",
    "\t*\t",
    "1 See A/55/1010-S/2001/667, annex I, para. 5.",
    "__________________",
    "-" * 30,
    "[DU1]<<ODS JOB NO>>N0947281E<<ODS JOB NO>>",
    "<<ODS DOC SYMBOL1>>A/RES/64/183<<ODS DOC SYMBOL1>>",
    "United Nations",
    "General Assembly",
    "Distr.: General",
    "23 February 2010",
    "Sixty-fourth session",
    "Agenda item 124",
    "Resolution adopted by the General Assembly on 18 December 2009",
    "[on the report of the Fifth Committee (A/64/548)]",
    "64/183.\tCooperation",
    "The General Assembly,",
    "Annex",
    "A",
    "B",
    "65th plenary meeting",
    "18 December 2009",
    "Adopted by the Security Council at its 9237th meeting, on 9 January 2023",
    "Decision",
    "Table 1",
    "\t\t\t",
    "Résolution adoptée par l’Assemblée générale le 18 décembre 2009",
    "Резолюция, принятая Генеральной Ассамблеей",
    "الجمعية العامة",
    "إن الجمعية العامة،",
    "大会",
    "第七十七届会议",
    "\u202b",
    "\u202c",
    "\u2067",
    "\u2069",
    "\u200f",
    "\u200e",
    "\ufeff",
    "\r",
    "\x0c",
    "\u00a0",
    "\u2028",
    "(",
    ")",
    "1",
    "12",
    "2009.",
    "A/RES/64/183",
    "S/RES/2672 (2023)",
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _token(rng: random.Random) -> bytes:
    return rng.choice(TOKENS).encode("utf-8")


def _flip(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    at = rng.randrange(len(data))
    return data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]


def _insert_bytes(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 16)) + data[at:]


def _insert_token(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + _token(rng) + data[at:]


def _insert_line(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    lines.insert(rng.randrange(len(lines) + 1), b"".join(_token(rng) for _ in range(rng.randint(1, 4))))
    return b"\n".join(lines)


def _delete(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    if not data:
        return data
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 200) :]


def _delete_line(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def _duplicate_line(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines[at:at] = [lines[at]] * rng.choice((1, 2, 5, 50, 500))
    return b"\n".join(lines)


def _swap_lines(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _long_line(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    piece = lines[at][: rng.randint(1, 40)] or _token(rng)
    lines[at] = piece * rng.choice((100, 1000, 5000))
    return b"\n".join(lines)


def _splice(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    other = rng.choice(pool)
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


def _truncate(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _digits(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines[at] = bytes(rng.choice(b"0123456789") if c in b"0123456789" else c for c in lines[at])
    return b"\n".join(lines)


def _case(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines[at] = lines[at].upper() if rng.random() < 0.5 else lines[at].lower()
    return b"\n".join(lines)


def _reencode(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.randrange(5)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("cp1252", errors="replace")
    if choice == 2:
        return b"\xef\xbb\xbf" + data
    if choice == 3:
        return data.replace(b"\n", b"\r\n")
    return data.replace(b"\n", b"\r")


MUTATIONS: tuple[Callable[[bytes, random.Random, Sequence[bytes]], bytes], ...] = (
    _flip,
    _insert_bytes,
    _insert_token,
    _insert_token,
    _insert_line,
    _insert_line,
    _delete,
    _delete_line,
    _duplicate_line,
    _swap_lines,
    _swap_lines,
    _long_line,
    _splice,
    _truncate,
    _digits,
    _case,
    _reencode,
)


def mutate(data: bytes, rng: random.Random, pool: Sequence[bytes]) -> bytes:
    """``data`` after one to four random mutations."""
    for _ in range(rng.choice((1, 1, 2, 3, 4))):
        data = rng.choice(MUTATIONS)(data, rng, pool)
    return data


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one input did: ``kind`` is ``read-error`` or ``ok`` (both fine), else ``crash``, ``write-crash``,
    ``slow`` or ``hang``; ``detail`` says what; ``seconds`` is the CPU time of reading and writing."""

    kind: str
    detail: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.kind not in ("ok", "read-error")


class _Hang(BaseException):
    """Raised by the alarm when one input runs past ``HANG_SECONDS``."""


_rang: list[bool] = [False]  # the alarm went off: code that catches every exception (reportlab does) may have
# turned ``_Hang`` into another one, which must still count as a hang, not as a crash


def _alarm(signum: int, frame: FrameType | None) -> None:
    _rang[0] = True
    raise _Hang


def check(data: bytes, formats: Sequence[str] = FORMATS, *, timed: bool = True) -> Outcome:
    """Read ``data`` and write what it gives in every format; say what happened (see the module's docstring).
    ``timed=False`` (the tests) leaves out the ``slow`` verdict: a time limit is the long runs' measure
    (``scripts/fuzz.py``), never a test's assertion, since a shared machine makes any input slow now and then."""
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        previous_prof = signal.signal(signal.SIGPROF, _alarm)
        signal.setitimer(signal.ITIMER_PROF, HANG_SECONDS)  # CPU time of this process
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS * HANG_WALL_FACTOR)
    began = time.process_time()
    _rang[0] = False
    try:
        try:
            document = unconvert.read(data, name="fuzz.txt", max_bytes=None)
        except unconvert.ReadError:
            return Outcome("read-error", seconds=time.process_time() - began)
        except Exception:
            if _rang[0]:
                raise _Hang from None
            return Outcome("crash", traceback.format_exc(limit=-6), time.process_time() - began)
        for fmt in formats:
            try:
                unconvert.write(document, fmt)
            except Exception:
                if _rang[0]:
                    raise _Hang from None
                return Outcome("write-crash", f"{fmt}: " + traceback.format_exc(limit=-6), time.process_time() - began)
    except _Hang:
        seconds = time.process_time() - began
        return Outcome("hang", f"stopped after {seconds:.0f} s of CPU (the limit: {HANG_SECONDS:g} s)", seconds)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGALRM, previous)
            signal.signal(signal.SIGPROF, previous_prof)
    seconds = time.process_time() - began
    if timed and seconds > SLOW_SECONDS and len(data) < SLOW_BELOW_BYTES:
        return Outcome("slow", f"{seconds:.2f} s of CPU for {len(data):,} bytes", seconds)
    return Outcome("ok", seconds=seconds)


@dataclass
class Summary:
    """Counts of a fuzzing run, the slowest case, and the failing inputs (kept with what they did). ``cpu`` and
    ``wall`` sum the cases' CPU and wall times, and ``over_wall`` counts the inputs under 1 MB that took over
    ``SLOW_SECONDS`` of wall time but not of CPU: what the machine's load, not the input, made slow."""

    cases: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    slowest: float = 0.0
    slowest_bytes: int = 0
    failures: list[tuple[bytes, Outcome]] = field(default_factory=list)
    cpu: float = 0.0
    wall: float = 0.0
    over_wall: int = 0

    def add(self, other: Summary) -> None:
        """Count ``other`` (another process's share of a run) in this one."""
        self.cases += other.cases
        for kind, n in other.kinds.items():
            self.kinds[kind] = self.kinds.get(kind, 0) + n
        if other.slowest > self.slowest:
            self.slowest, self.slowest_bytes = other.slowest, other.slowest_bytes
        self.failures += other.failures
        self.cpu += other.cpu
        self.wall += other.wall
        self.over_wall += other.over_wall


def cases(seed: int, count: int, seeds: Sequence[Path]) -> Iterator[bytes]:
    """``count`` mutated inputs, the same for the same ``seed`` and seed files."""
    rng = random.Random(seed)
    pool = [p.read_bytes() for p in seeds]
    for _ in range(count):
        yield mutate(rng.choice(pool), rng, pool)


def run(
    seed: int, count: int, seeds: Sequence[Path], formats: Sequence[str] = FORMATS, *, timed: bool = True
) -> Summary:
    summary = Summary()
    for data in cases(seed, count, seeds):
        began = time.perf_counter()
        outcome = check(data, formats, timed=timed)
        wall = time.perf_counter() - began
        summary.cases += 1
        summary.cpu += outcome.seconds
        summary.wall += wall
        if wall > SLOW_SECONDS >= outcome.seconds and len(data) < SLOW_BELOW_BYTES:
            summary.over_wall += 1
        summary.kinds[outcome.kind] = summary.kinds.get(outcome.kind, 0) + 1
        if outcome.seconds > summary.slowest:
            summary.slowest, summary.slowest_bytes = outcome.seconds, len(data)
        if outcome.failed:
            summary.failures.append((data, outcome))
    return summary


def keep(data: bytes, outcome: Outcome, folder: Path = REGRESSIONS) -> Path:
    """Store a failing input as a regression case (``<kind>-<sha256 prefix>.bin``), with what it did beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{outcome.kind}-{hashlib.sha256(data).hexdigest()[:16]}"
    path = folder / f"{stem}.bin"
    path.write_bytes(data)
    (folder / f"{stem}.why.txt").write_text(outcome.detail + "\n", encoding="utf-8")
    return path


def regressions(folder: Path = REGRESSIONS) -> list[Path]:
    """Every kept input, sorted."""
    return sorted(folder.glob("*.bin")) if folder.is_dir() else []


def corpus_from_env() -> str | None:
    return os.environ.get("UNCONVERT_FUZZ_CORPUS") or None
