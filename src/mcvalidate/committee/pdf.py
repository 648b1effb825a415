"""The committee's report as a tagged PDF, through WeasyPrint (the ``mcvalidate[pdf]``
extra), for a committee that files PDFs.

It is the HTML report laid out by WeasyPrint on the paper asked for (A4 unless ``--paper
letter``), as PDF/UA-1: tagged (headings, tables and lists in a structure tree) with the
document's language, so a screen reader can follow it. WeasyPrint, and the Pango it needs,
are imported only here, and only for ``--format pdf``.
"""

from __future__ import annotations

from mcvalidate.committee import Report
from mcvalidate.committee.html import render as html
from mcvalidate.errors import UsageError


def render(report: Report, paper: str | None = None) -> bytes:
    """The PDF's bytes; a :class:`UsageError` when WeasyPrint is not installed."""
    try:
        import weasyprint
    except ImportError:
        raise UsageError(
            "--format pdf needs WeasyPrint: pip install 'mcvalidate[pdf]' (or use --format "
            "html and print it to PDF from a browser)"
        ) from None
    except OSError as exc:  # installed, but a library it needs (Pango) is not
        raise UsageError(f"--format pdf: WeasyPrint cannot start ({exc})") from None
    document = weasyprint.HTML(string=html(report, paper or "a4"))
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
