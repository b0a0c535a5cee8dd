"""The ODS comment, the masthead (first-page header) and the job number (first-page footer).

The comment story holds ``<<ODS JOB NO>>N0947281E<<ODS JOB NO>>`` (or ``<<ODS REF JOB NO>>``), SYMBOL1 and SYMBOL2.
The first-page header of the header story is the masthead table with its cells fused: ``United NationsA/RES/64/183
General AssemblyDistr.: General`` / ``23 February 2010Sixty-fourth session`` / ``Agenda item 124``; the first-page
footer after it holds the job number (``09-47281``, ``17-21712 (E)    111217``) and the barcode. Running heads,
page numbers and separators in the same story are skipped: they are never content.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from dataclasses import dataclass

from unconvert.readers.ods.stories import Line, Stories
from unconvert.tree import OdsFields
from unconvert.un.dates import find_date, print_date, tables_for_dates
from unconvert.un.languages import LanguageTable, all_tables
from unconvert.un.masthead import MastheadFields
from unconvert.un.ods import printed_job_number
from unconvert.un.ods import read_ods_fields as ods_fields
from unconvert.un.sessions import agenda_of, session_of
from unconvert.un.symbols import symbol_spans
from unconvert.un.words import clean, phrase_pattern, phrase_regex, plain

# --- the ODS comment -------------------------------------------------------------------------------------------


def read_ods_fields(comments: list[Line]) -> OdsFields:
    """The ODS metadata comment's fields, as they stand (empty when absent): ``un.ods`` reads them."""
    return ods_fields((line.text, line.number) for line in comments)


LEADING_MARK = re.compile(r"^(?P<mark>\*{1,3})(?=\S)")  # a note mark before a front line (``*2018 session``)


# --- masthead (first-page header) and footer ------------------------------------------------------------------------

_DISTR = re.compile(r"Distr\.?.*$")


@functools.cache
def _authorities() -> re.Pattern[str]:
    """Any language's name of the UN as printed, the languages' names in the UN's order as alternatives: a match
    is the first name that matches, as asking the names one by one would find."""
    return _any_of([name for table in all_tables() for name in table.authority])


@functools.cache
def _organs() -> re.Pattern[str]:
    """Any language's name of an organ: a search finds the leftmost, where the first of them stands."""
    return _any_of([name for table in all_tables() for name, _organ in table.organs])


def _any_of(names: list[str]) -> re.Pattern[str]:
    """One pattern for ``names`` as printed, tried in order (none: a pattern that never matches)."""
    alternatives = "|".join(f"(?:{phrase_regex(name)})" for name in names)
    return re.compile(alternatives or "(?!)", re.IGNORECASE)


# How ``re.IGNORECASE`` compares a character with an ASCII one: by its case, and four letters more (the Kelvin sign,
# long s, dotted and dotless i), each one character, so that offsets in the folded text are those of the text.
_ASCII_FOLD = str.maketrans(
    {
        **{upper: upper.lower() for upper in string.ascii_uppercase},
        "\u212a": "k",
        "\u017f": "s",
        "\u0130": "i",
        "\u0131": "i",
    }
)


@dataclass(slots=True)
class _Symbol:
    """The document's own symbol (the ODS comment's) as printed: any spacing where it has a space, an optional
    tatweel after each character, either apostrophe, any case (``words.phrase_pattern``).

    An ASCII symbol without apostrophes or outer spaces is found by plain searches of the case-folded line without
    its tatweels (the symbol's pieces between spaces, any spacing between them), which find what the pattern
    would. The pattern is compiled only otherwise: compiled for every document it would fill ``re``'s own cache
    (512 patterns, first in first out) with patterns no later document uses, a few MiB that grew all through the
    first hundreds of documents of a batch."""

    symbol: str
    pieces: tuple[str, ...] = ()  # the folded symbol split at its spaces; empty: the pattern is needed
    pattern: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        if self.symbol.isascii() and "'" not in self.symbol and self.symbol == self.symbol.strip():
            self.pieces = tuple(self.symbol.translate(_ASCII_FOLD).split())

    def search(self, text: str, start: int) -> tuple[int, int] | None:
        if self.pieces and "\u0640" not in text:
            # an ASCII line folds as ``lower`` folds it (a running head, a job number): no translation table
            return self._find(text.lower() if text.isascii() else text.translate(_ASCII_FOLD), start)
        if self.pieces:  # tatweels, which the pattern allows anywhere after the first character: left out
            kept = [i for i, char in enumerate(text) if char != "\u0640"]
            found = self._find(text.replace("\u0640", "").translate(_ASCII_FOLD), bisect.bisect_left(kept, start))
            if found is None:
                return None
            end = kept[found[1] - 1] + 1
            while end < len(text) and text[end] == "\u0640":  # the tatweels after the last character
                end += 1
            return kept[found[0]], end
        if self.pattern is None:
            self.pattern = re.compile(phrase_pattern(self.symbol), re.IGNORECASE)
        match = self.pattern.search(text, start)
        return None if match is None else (match.start(), match.end())

    def _find(self, folded: str, start: int) -> tuple[int, int] | None:
        first = self.pieces[0]
        at = folded.find(first, start)
        while at >= 0:
            end = self._rest(folded, at + len(first))
            if end is not None:
                return at, end
            at = folded.find(first, at + 1)
        return None

    def _rest(self, folded: str, at: int) -> int | None:
        """Where the symbol ends when its first piece ends at ``at``: each next piece after any spacing."""
        for piece in self.pieces[1:]:
            while at < len(folded) and folded[at].isspace():
                at += 1
            if not folded.startswith(piece, at):
                return None
            at += len(piece)
        return at


def masthead_line(text: str, symbol1: _Symbol | None) -> tuple[str, str, str, str] | None:
    """(authority, symbol, organ, distribution) when ``text`` is the fused first masthead row; ``symbol1`` is the
    ODS comment's symbol, when it has one. The cheap tests come first: most lines of the header story are running
    heads, page numbers and separators."""
    if "/" not in text:
        return None  # no symbol
    authority = _authorities().match(text)
    authority_end = authority.end() if authority is not None else None
    symbol_match: tuple[int, int] | None = None
    if symbol1 is not None:
        symbol_match = symbol1.search(text, authority_end or 0)
    if symbol_match is None and authority_end is not None:
        organ_at = _organ_position(text, authority_end)
        if organ_at is not None:
            symbol_match = (authority_end, organ_at)
        else:
            spans = symbol_spans(text[authority_end:])
            if spans:
                symbol_match = (authority_end + spans[0][0], authority_end + spans[0][1])
    if symbol_match is None:
        return None
    before, symbol, after = text[: symbol_match[0]], text[symbol_match[0] : symbol_match[1]], text[symbol_match[1] :]
    if "/" not in symbol or (authority_end is None and not before.strip()):
        return None
    # Running heads also put text before the symbol (the short title): the masthead has the organ after it.
    if _organ_position(after, 0) is None and not _DISTR.search(after):
        return None
    distr = _DISTR.search(after)
    organ = after[: distr.start()] if distr else after
    # A reissued document marks its symbol with a note (``E/RES/2018/14*``): the mark is no part of the symbol.
    return clean(before), plain(symbol).rstrip("*"), clean(organ), clean(distr.group()) if distr else ""


def _organ_position(text: str, start: int) -> int | None:
    match = _organs().search(text, start)
    return match.start() if match is not None else None


def read_header(stories: Stories, ods: OdsFields, table: LanguageTable, head: MastheadFields) -> None:
    """Fill ``head`` from the first-page header and footer of the header story."""
    lines = stories.headers
    texts = [clean(line.text) for line in lines]  # each line without its layout, once
    at = None
    symbol1 = _Symbol(ods.symbol1) if ods.symbol1 else None
    for i, line in enumerate(lines):
        # The first row's cells are fused on one line; a file may also keep them on lines of their own.
        for size in range(1, 5):
            window = texts[i : i + size]
            if len(window) < size or (size > 1 and not window[-1]):
                break
            found = masthead_line("".join(window), symbol1)
            if found is not None:
                head.authority, head.symbol, head.organ, head.distribution = found
                head.line = line.number
                at = i + size - 1
                break
        if at is not None:
            break
    if at is not None:
        i = at + 1
        while i < len(lines) and texts[i]:
            read_header_row(lines[i], table, head)
            i += 1
        while i < len(lines) and not texts[i]:
            i += 1
        while i < len(lines) and texts[i]:
            job = printed_job_number(texts[i])
            if job and head.job is None:
                head.job = job
                head.printed = print_date(texts[i])
            i += 1
    if head.job is None:
        for with_language in (True, False):
            for text in texts:
                job = printed_job_number(text, with_language=with_language)
                if job:
                    head.job = job
                    head.printed = print_date(text)
                    break
            if head.job is not None:
                break


def read_header_row(line: Line, table: LanguageTable, head: MastheadFields) -> None:
    """One row of the masthead after the first: issue date (maybe fused with the session), session, agenda."""
    text = clean(line.text)
    distr = _DISTR.match(text)
    if distr and not head.distribution:
        head.distribution = clean(distr.group())
        return
    found = find_date(text, tables_for_dates(table))
    if found is not None and found.start == 0:
        head.date, head.date_value = clean(text[: found.end]), found.date
        text = clean(text[found.end :])
        if not text:
            return
    session = session_of(text, table)
    if session is not None:
        head.session, head.session_number, head.session_line = text, session.number, line.number
        return
    items = agenda_of(text, table)
    if items is not None:
        head.agenda.append((text, items, line.number))


# --- running heads -------------------------------------------------------------------------------------------------


def running_head(stories: Stories, symbol: str, title: str) -> tuple[str, ...]:
    """``title`` in the lines the header story breaks it into for the running head; empty where the header gives
    no break (no header story, a one-line title) or prints another text than ``title``.

    The even pages' header is the symbol and the title (``A/RES/72/310New Partnership for Africa’s Development:
    progress`` / ``in implementation and international support``, or the symbol on a line of its own), the odd
    pages' the title and then the symbol. The lines returned are ``title``'s own text (the header may spell a
    hyphen or a space otherwise), cut where the header's lines end."""
    lines = _header_title(stories, symbol)
    if len(lines) < 2:
        return ()
    kept = [i for i, c in enumerate(title) if _counts(c)]
    if "".join(title[i] for i in kept) != "".join(c for line in lines for c in line if _counts(c)):
        return ()
    out: list[str] = []
    start = seen = 0
    for line in lines[:-1]:
        seen += sum(1 for c in line if _counts(c))
        if seen == 0 or seen >= len(kept):
            return ()
        cut = kept[seen - 1] + 1
        out.append(title[start:cut].strip())
        start = cut
    out.append(title[start:].strip())
    return tuple(out) if all(out) else ()


def _counts(c: str) -> bool:
    """Whether a character counts when a header's lines are laid on the title: not a space or a hyphen, which
    the two may spell differently (``non‑proliferation`` with a no-break hyphen in the header)."""
    return not c.isspace() and c not in "-\u2010\u2011\u00ad"


def _header_title(stories: Stories, symbol: str) -> list[str]:
    """The title lines of the even pages' header (after the symbol), else of the odd pages' (before it)."""
    if not symbol:
        return []
    lines = [clean(line.text) for line in stories.headers]
    for i, text in enumerate(lines):
        if text.startswith(symbol) and not _masthead_like(text, symbol):
            first = text[len(symbol) :].strip()
            title = ([first] if first else []) + _until_blank(lines, i + 1)
            if title:
                return title
    for i, text in enumerate(lines):
        if text.endswith(symbol) and text != symbol:
            start = i
            while start > 0 and lines[start - 1]:
                start -= 1
            title = [*lines[start:i], text[: -len(symbol)].strip()]
            if all(title):
                return title
    return []


def _until_blank(lines: list[str], start: int) -> list[str]:
    out: list[str] = []
    for text in lines[start:]:
        if not text:
            break
        out.append(text)
    return out


def _masthead_like(text: str, symbol: str) -> bool:
    """The symbol at the start of the masthead's row (a file whose masthead opens with the symbol) is followed by
    the organ and ``Distr.``, never by a title."""
    return "Distr" in text[len(symbol) :]
