"""The built-in B.C. rule packs: ``bc-framework`` and ``bc-toolkit``.

They are ordinary rule packs: mcvalidate finds them through the ``mcvalidate.packs`` entry
points declared in ``pyproject.toml``, exactly as it finds a third-party pack.
"""
