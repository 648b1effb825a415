"""The ``bc-toolkit`` pack (being written)."""

from mcvalidate.rules import Pack

from mcvalidate_bc.sources import TOOLKIT, TOOLKIT_URL

PACK = Pack(
    name="bc-toolkit",
    title="Micro-credential Toolkit for B.C.",
    framework=TOOLKIT,
    version="2023",
    url=TOOLKIT_URL,
    rules=(),
)
