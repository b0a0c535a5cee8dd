"""Writers: one package per output format, each exposing ``write(document, *, context) -> bytes``.

``akn`` (Akoma Ntoso, XSD-validated), ``text`` (plain-text reading copy), ``docx`` and ``pdf``. The registry
(``unconvert.registry``) imports them lazily by name.
"""
