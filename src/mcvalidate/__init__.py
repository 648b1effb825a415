"""mcvalidate: validate micro-credential course definitions against published frameworks.

This module stays tiny on purpose: ``mcvalidate --version`` and ``--help`` import it, and they
must not pay for pydantic, rich or any rule pack.
"""

__version__ = "0.1.0"

# Exit codes: no finding reaches --fail-on; one does; a usage, configuration or internal error;
# interrupted (Ctrl-C), as shells report a SIGINT.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
