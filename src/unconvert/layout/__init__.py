"""One layout model for the paged writers: a UN document's page, decided once, set by each writer its own way.

* ``roles`` — what each line or block of the page is (masthead session line, cover line, title, formula, recital,
  paragraph, provision, heading, table, closing lines, annex title …); ``walk`` turns a document into a flat
  sequence of them, the only walk over the tree the DOCX, PDF and text writers make.
* ``geometry`` — the UN page's measures, in points.
* ``typography`` — sizes, leadings and spacing per script.
* ``tables`` — a table's column widths from what its columns hold.

Imports the tree and ``unconvert.un`` only: no lxml, no reportlab, no writer.
"""

from __future__ import annotations

from unconvert.layout.roles import CoverKind, Role
from unconvert.layout.walk import Furniture, brackets, cover_kind, furniture, walk

__all__ = ["CoverKind", "Furniture", "Role", "brackets", "cover_kind", "furniture", "walk"]
