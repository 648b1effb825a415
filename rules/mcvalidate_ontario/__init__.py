"""The Ontario rule packs: ``ecampusontario`` and ``ontario-osap``.

``ecampusontario`` (the ``framework`` subpackage) checks eCampusOntario's Micro-credential
Principles and Framework for Ontario's institutions; ``ontario-osap`` (the ``funding``
subpackage) checks the conditions of OSAP for Micro-credentials, the province's student
assistance for them, switched on by ``funding.programs: [osap]``. Both are ordinary rule
packs, registered through the ``mcvalidate.packs`` entry points in ``pyproject.toml``; their
sources are listed, with the words and where they were read, in ``docs/packs/``.
"""
