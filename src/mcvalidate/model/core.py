"""pydantic-core's compiled extension, loaded without the Python package around it.

A check validates with pydantic-core alone (:mod:`mcvalidate.model.compiled`), and all it
needs is the extension module ``pydantic_core._pydantic_core``. But importing it the usual way
first runs the package's ``__init__``, which imports ``core_schema`` (hundreds of typed
dictionaries), ``typing_extensions`` and ``decimal``: 130 M instructions, more than LibYAML
spends on a hundred course files, and a sixth of a one-file check. So the extension is found
and loaded here under its own name, as the import system would load it, and registered in
``sys.modules``: when pydantic is imported later (to describe a file's errors, or to build the
compiled models), the package's ``from ._pydantic_core import ...`` finds this same module, so
its classes (``ValidationError`` above all) are the same objects either way.

Where the extension cannot be found beside the package (an unusual installation), it is
imported the usual way.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

_NAME = "pydantic_core._pydantic_core"


def _extension() -> ModuleType:
    loaded = sys.modules.get(_NAME)
    if loaded is not None:
        return loaded
    from importlib.machinery import PathFinder
    from importlib.util import find_spec, module_from_spec

    package = find_spec("pydantic_core")  # found, not run
    places = package.submodule_search_locations if package is not None else None
    spec = PathFinder.find_spec(_NAME, list(places)) if places else None
    if spec is None or spec.loader is None:
        import pydantic_core._pydantic_core

        return pydantic_core._pydantic_core
    module = module_from_spec(spec)
    sys.modules[_NAME] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError, SchemaValidator, ValidationError, __version__
else:
    _core = _extension()
    PydanticCustomError = _core.PydanticCustomError
    SchemaValidator = _core.SchemaValidator
    ValidationError = _core.ValidationError
    __version__ = _core.__version__

__all__ = ["PydanticCustomError", "SchemaValidator", "ValidationError", "__version__"]
