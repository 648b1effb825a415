"""mcvalidate: validate micro-credential course definitions against published frameworks.

This module stays tiny on purpose: ``mcvalidate --version`` and ``--help`` import it, and they
must not pay for pydantic, rich or any rule pack.
"""

__version__ = "0.1.0"
