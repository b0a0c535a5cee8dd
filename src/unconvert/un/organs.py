"""The organs that adopt resolutions and decisions, stated once: the prefix of their documents' symbols and their
names in the AKN4UN ontology.

What an organ is called in each language is language data (``LanguageTable.organs``, the masthead's wording):
``printed_name`` asks the language's table.
"""

from __future__ import annotations

from dataclasses import dataclass

from unconvert.tree import Language, Organ


@dataclass(frozen=True, slots=True)
class OrganFacts:
    """What the UN's files say of an organ: the prefix of its symbols (``A/RES/77/1``: ``A``), the eId of its TLC
    entry in the UN's AKN files (``ga``) and its name in the AKN4UN ontology (``generalAssembly``)."""

    symbol_prefix: str
    tlc_id: str
    ontology: str


FACTS: dict[Organ, OrganFacts] = {
    Organ.GA: OrganFacts(symbol_prefix="A", tlc_id="ga", ontology="generalAssembly"),
    Organ.ECOSOC: OrganFacts(symbol_prefix="E", tlc_id="ecosoc", ontology="economicAndSocialCouncil"),
    Organ.SC: OrganFacts(symbol_prefix="S", tlc_id="sc", ontology="securityCouncil"),
    Organ.HRC: OrganFacts(symbol_prefix="A/HRC", tlc_id="hrc", ontology="humanRightsCouncil"),
}

# Longest prefix first: ``A/HRC/`` is the Human Rights Council's before ``A/`` is the General Assembly's.
_BY_PREFIX = sorted(((f"{facts.symbol_prefix}/", organ) for organ, facts in FACTS.items()), key=lambda p: -len(p[0]))


def organ_of_symbol(symbol: str) -> Organ | None:
    """The organ whose documents' symbols start as ``symbol`` does (``A/HRC/RES/52/1``: HRC), or ``None``."""
    for prefix, organ in _BY_PREFIX:
        if symbol.startswith(prefix):
            return organ
    return None


def printed_name(organ: Organ, language: Language) -> str:
    """The organ's name as ``language``'s documents print it in the masthead (``General Assembly``)."""
    from unconvert.un.languages import table_for

    return next(name for name, named in table_for(language).organs if named is organ)
