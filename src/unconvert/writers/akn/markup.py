"""XML written front to back as text, byte for byte as lxml would serialise the same element tree.

Building an lxml tree node by node costs a Python call into lxml per element, attribute and text run; writing the
markup as a list of strings costs a string each, and lxml still parses the result once for the integrity checks
and the XSD (``unconvert.writers.akn.write``). What lxml's serialiser does, this module does too, so that the
output stays the very bytes the tree-building writer gave:

- text escapes ``&``, ``<``, ``>`` and CR (``&#13;``); attribute values also ``"``, tab, LF and CR as character
  references;
- an element with neither text nor children is ``<x/>``, one whose text was set to the empty string ``<x></x>``;
- an element of ``BLOCKY`` (element-only content) that has children gets a newline before each child and after
  the last one, so that the file is readable without touching any mixed content.

Callers pass text already cleaned of the characters XML 1.0 cannot hold (``unconvert.writers.akn.build.clean``).
"""

from __future__ import annotations

import re

# Elements whose content is only elements: a newline between their children keeps the output readable
# without adding text to any mixed content.
BLOCKY = frozenset(
    {
        "akomaNtoso", "statement", "documentCollection", "meta", "identification", "FRBRWork", "FRBRExpression",
        "FRBRManifestation", "workflow", "analysis", "parliamentary", "voting", "references", "proprietary",
        "presentation", "coverPage", "preface", "preamble", "mainBody", "conclusions", "attachments", "attachment",
        "doc", "collectionBody", "components", "component", "paragraph", "point", "list", "section", "hcontainer",
        "intro", "wrapUp", "content", "container", "formula", "table", "tr", "th", "td", "authorialNote",
    }
)  # fmt: skip

# Attributes whose ``#id`` values name a TLC entry of the references block (``refersTo`` may list several).
REF_ATTRS = frozenset({"href", "refersTo", "as", "by", "source", "outcome"})

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r]')


def escape_text(text: str) -> str:
    """``text`` as element content. (``str.translate`` looks up every character: only text that needs it is
    translated.)"""
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return text.translate(_TEXT_ESCAPES)
    return text


def escape_attr(value: str) -> str:
    """``value`` inside a double-quoted attribute."""
    return value.translate(_ATTR_ESCAPES) if _ATTR_SPECIAL.search(value) else value


class Markup:
    """The markup of one document as a list of strings, with the open elements on a stack.

    ``refs`` collects every ``#id`` the written attributes name (``REF_ATTRS``), the set the writer's references
    block must declare. The newline after a child of a blocky element is written with the child's last piece.
    """

    def __init__(self, refs: set[str] | None = None) -> None:
        self.out: list[str] = []
        self.refs: set[str] = set() if refs is None else refs
        # the open elements, innermost last: (name, index in ``out`` of its start tag, what follows each of its
        # children: a newline in a blocky element, else nothing); the first entry stands for the outside of the
        # document
        self._open: list[tuple[str, int, str]] = [("", -1, "")]
        # the name of the innermost open element, and what follows each of its children (``_open[-1]``'s first and
        # last: plain attributes, read for almost every piece written, set by ``start`` and ``end``)
        self.current = ""
        self.tail = ""

    def attrs(self, attrib: dict[str, str], *, refs: bool = True) -> str:
        """`` name="value"`` for each attribute, in order; ``#id`` references are noted in ``refs`` (unless
        ``refs`` is false: a ``noteRef``'s ``href`` names a note, not a TLC entry).

        The values are looked at together, once: most are identifiers (an eId, a name), which need neither
        escaping nor noting, and ``isidentifier`` is the cheapest test that says so. (A loop, rather than a list
        comprehension, which is a function call of its own.)"""
        values = "".join(attrib.values())
        if not values.isidentifier():
            if refs and "#" in values:
                self._note_refs(attrib)
            if _ATTR_SPECIAL.search(values):
                attrib = {name: escape_attr(value) for name, value in attrib.items()}
        text = ""
        for name, value in attrib.items():
            text += f' {name}="{value}"'
        return text

    def _note_refs(self, attrib: dict[str, str]) -> None:
        """Note the ``#id``s that the ``REF_ATTRS`` among ``attrib`` name."""
        for name, value in attrib.items():
            if value[:1] == "#" and name in REF_ATTRS:
                tokens = value.split()
                if len(tokens) == 1:  # one ``#id``, as nearly always: no generator for it
                    self.refs.add(tokens[0][1:])
                else:
                    self.refs.update(token[1:] for token in tokens if token[:1] == "#")

    def start(self, tag: str, attrib: dict[str, str] | None = None) -> None:
        """Open ``tag``: what follows is its content until ``end``."""
        out = self.out
        self.tail = "\n" if tag in BLOCKY else ""
        self.current = tag
        self._open.append((tag, len(out), self.tail))
        out.append(f"<{tag}{self.attrs(attrib)}>" if attrib else f"<{tag}>")

    def end(self, *, drop_if_empty: bool = False) -> None:
        """Close the innermost open element (``<x/>`` when nothing was written in it, or nothing at all with
        ``drop_if_empty``)."""
        out = self.out
        stack = self._open
        tag, at, newline = stack.pop()
        self.current, _, tail = stack[-1]
        self.tail = tail
        if len(out) == at + 1:
            if drop_if_empty:
                out.pop()
            else:
                out[at] = f"{out[at][:-1]}/>{tail}"
            return
        if newline:
            out[at] += newline
        out.append(f"</{tag}>{tail}")

    def empty(self, tag: str, attrib: dict[str, str] | None = None, *, refs: bool = True) -> None:
        """An element with no content: ``<x a="…"/>`` (``refs`` as for ``attrs``)."""
        head = f"<{tag}{self.attrs(attrib, refs=refs)}" if attrib else f"<{tag}"
        self.out.append(f"{head}/>{self.tail}")

    def leaf(self, tag: str, text: str, attrib: dict[str, str] | None = None) -> None:
        """An element whose text is ``text`` (``<x></x>`` when it is empty, as lxml writes a text set to '')."""
        head = f"<{tag}{self.attrs(attrib)}>" if attrib else f"<{tag}>"
        self.out.append(f"{head}{escape_text(text)}</{tag}>{self.tail}")

    def element(self, markup: str) -> None:
        """An element the caller wrote whole, escaped and without the newline that may follow it (which this
        adds); its attributes are not searched for ``#id`` references."""
        self.out.append(markup + self.tail)

    def text(self, text: str) -> None:
        """Text at this point of the open element (also when empty: the element then is ``<x></x>``)."""
        self.out.append(escape_text(text))

    def placeholder(self) -> int:
        """Room for one child element written later (``fill``, without the newline that may follow it); it
        counts as content meanwhile."""
        out = self.out
        out.append("<placeholder/>")
        index = len(out) - 1
        tail = self.tail
        if tail:
            out.append(tail)
        return index

    def fill(self, index: int, markup: str) -> None:
        self.out[index] = markup

    def parent_start(self) -> int:
        """The index of the innermost open element's start tag (for ``drop``)."""
        return self._open[-1][1]

    def drop(self, index: int, parent: int, dropped: set[int]) -> None:
        """Remove the element written at ``index`` (a placeholder under the element started at ``parent``, not
        a blocky one); ``dropped`` holds the indexes removed so far. A parent left with nothing in it becomes
        ``<x/>``, as lxml writes an element whose last child was removed."""
        out = self.out
        out[index] = ""
        dropped.add(index)
        if all(i in dropped for i in range(parent + 1, index)):
            after = index + 1
            while after in dropped:
                after += 1
            tag = out[parent][1:].split(">", 1)[0].split(" ", 1)[0]
            close = f"</{tag}>"
            if out[after].startswith(close):
                out[parent] = out[parent][:-1] + "/>" + out[after][len(close) :]
                out[after] = ""

    def result(self) -> str:
        assert len(self._open) == 1, f"unclosed elements: {[tag for tag, _, _ in self._open[1:]]}"
        return "".join(self.out)
