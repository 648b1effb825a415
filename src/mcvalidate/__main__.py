"""Allow ``python -m mcvalidate``."""

from mcvalidate.cli import main

main()
