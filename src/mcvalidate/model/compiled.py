"""Pydantic models compiled for checking: pydantic-core's validators, without pydantic.

The pydantic models of :mod:`mcvalidate.model.course` are the format's one source of truth
(and :mod:`mcvalidate.config_model` the configuration file's): the published schema, the field
docs, the messages and the validation all come from them. But importing pydantic and building
the models costs a one-file check more than everything else it does, while validating needs
only the core schema pydantic builds from the models, which pydantic-core (a compiled
extension) runs by itself.

So the first run builds the core schema of each :class:`Source` from its models and keeps it in
the user's cache directory, pickled with each model class replaced by its name; every later run
unpickles it into a ``SchemaValidator`` whose instances are :class:`Record` classes of the same
names and fields. The cache is keyed on mcvalidate's version, pydantic-core's, Python's and the
model sources' sizes and times, so a changed field or an upgraded pydantic rebuilds it by
itself. Where no cache can be written, each run builds the schema in memory (as fast as before
this module existed). ``tests/test_compiled_model.py`` checks that the compiled validators
accept, refuse and build exactly what the models do, on every example and rule case.

This module knows no model: a :class:`Source` names the module to import when building.
``x-`` keys are the author's: they are removed here, in one pass over the data, before the
validator sees it, rather than by a validator on each of the 31 models (which cost validation
nearly half its time).
"""

from __future__ import annotations

import datetime
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from mcvalidate import __version__
from mcvalidate.usercache import cache_dir, read, stamp, write_atomic

if TYPE_CHECKING:
    from mcvalidate.model.core import SchemaValidator

_FORMAT = 3  # of the cache file's payload

# For each model, the keys whose values are models (or lists of models) that may hold x- keys:
# key -> (the child's shape, whether it is a list of them).
Shape = dict[str, tuple["Shape", bool]]


class Record:
    """A validated object of the course format: the fields of its model as attributes.

    Read-only, compared and hashed by value, like the frozen models they stand for; pack
    authors' type hints name the models (``mcvalidate.model.Course``), which have the same
    attributes. Of pydantic's instance API, ``model_copy``, ``model_dump`` and
    ``model_fields_set`` are kept.
    """

    # pydantic-core sets these three on every instance it builds; the fields go in __dict__.
    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    __pydantic_fields_set__: set[str]
    # The fields of the model, in its order (what ``mcvalidate.model.field_names`` gives).
    _fields: ClassVar[tuple[str, ...]] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: use model_copy(update=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), *vars(self).values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the data gave (not defaulted), as in pydantic."""
        return self.__pydantic_fields_set__

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """The fields as plain values, nested records included; ``mode="json"`` also writes
        dates as ISO 8601 text, as pydantic does."""
        return {key: _dumped(value, mode) for key, value in vars(self).items()}

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any:
        """A copy with the fields of ``update`` replaced (not validated, as in pydantic)."""
        copy = object.__new__(type(self))
        fields = {**vars(self), **(update or {})}
        object.__setattr__(copy, "__dict__", fields)
        object.__setattr__(
            copy, "__pydantic_fields_set__", self.__pydantic_fields_set__ | set(update or ())
        )
        object.__setattr__(copy, "__pydantic_extra__", None)
        object.__setattr__(copy, "__pydantic_private__", None)
        return copy


def _dumped(value: Any, mode: str) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode)
    if isinstance(value, (list, tuple)):
        return [_dumped(item, mode) for item in value]
    if isinstance(value, dict):
        return {key: _dumped(item, mode) for key, item in value.items()}
    if mode == "json" and isinstance(value, datetime.date):
        return value.isoformat()
    return value


class Source(NamedTuple):
    """What to compile: the module of the models (imported only to build), its root model,
    and the files, relative to the ``mcvalidate`` package, whose change rebuilds it."""

    name: str
    module: str
    root: str
    files: tuple[str, ...]


class Compiled(NamedTuple):
    """A root model's validator and the record classes it builds, named as the models are."""

    validator: SchemaValidator
    records: dict[str, type[Record]]
    shape: Shape

    def validate(self, data: Any, authored: bool = True) -> Any:
        """The record for ``data``; raises pydantic-core's ``ValidationError``.
        ``authored=False`` says the data holds no ``x-`` key, which spares the strip pass."""
        if authored:
            data = strip_author_keys(data, self.shape)
        return self.validator.validate_python(data)


def strip_author_keys(data: Any, shape: Shape) -> Any:
    """``data`` without the ``x-`` keys of the mappings the models read (a copy; a free
    mapping such as ``cost.breakdown`` keeps its keys, whatever they are)."""
    if not isinstance(data, dict):
        return data
    kept: dict[Any, Any] = {}
    for key, value in data.items():
        if str(key).startswith("x-"):
            continue
        child = shape.get(key)
        if child is not None:
            inner, many = child
            if not many:
                value = strip_author_keys(value, inner)
            elif isinstance(value, list):
                value = [strip_author_keys(item, inner) for item in value]
        kept[key] = value
    return kept


def _cache_file(source: Source) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    from mcvalidate.model import core

    here = Path(__file__).parent.parent
    made_of = stamp(here / name for name in source.files)
    python = "".join(map(str, sys.version_info[:2]))
    versions = f"{__version__}-core{core.__version__}-py{python}"
    return directory / f"{source.name}-{versions}-{made_of}.pickle"


def build(source: Source) -> bytes:
    """The payload of the cache file, from the models (this imports pydantic)."""
    import importlib
    import io

    from pydantic import BaseModel

    module = importlib.import_module(source.module)
    classes = {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    }

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> str | None:
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                return obj.__name__
            return None

    # Two pickles in one file: the table of the records first, so that their classes exist
    # before the schema that names them is read.
    table = {name: (cls.__doc__, tuple(cls.model_fields)) for name, cls in sorted(classes.items())}
    root = classes[source.root]
    root.model_rebuild()  # the models defer their build: until then the schema is a stand-in
    schema = _plain(root.__pydantic_core_schema__, BaseModel)
    buffer = io.BytesIO()
    pickle.dump((_FORMAT, table), buffer, protocol=pickle.HIGHEST_PROTOCOL)
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(schema)
    return buffer.getvalue()


def _plain(schema: Any, model: type) -> Any:
    """The core schema without its ``metadata`` entries, which hold pydantic's JSON Schema
    hooks (functions of pydantic itself) and play no part in validating. A default made by a
    model class (``default_factory=LimitsConfig``) becomes the empty mapping, validated: a
    record class has no constructor of its own."""
    if isinstance(schema, dict):
        plain = {k: _plain(v, model) for k, v in schema.items() if k != "metadata"}
        factory = plain.get("default_factory")
        if isinstance(factory, type) and issubclass(factory, model):
            del plain["default_factory"]
            plain.update(default={}, validate_default=True)
        return plain
    if isinstance(schema, list):
        return [_plain(item, model) for item in schema]
    return schema


def load(payload: bytes) -> Compiled:
    """The validator and records of a cache file's payload."""
    import io

    from mcvalidate.model.core import SchemaValidator

    stream = io.BytesIO(payload)
    version, table = pickle.load(stream)
    if version != _FORMAT:
        raise ValueError(f"a compiled model of format {version}, not {_FORMAT}")
    records: dict[str, type[Record]] = {
        name: type(
            name,
            (Record,),
            {"__slots__": (), "__doc__": doc, "__module__": "mcvalidate.model", "_fields": fields},
        )
        for name, (doc, fields) in table.items()
    }

    class Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> type[Record]:
            return records[pid]

    schema = Unpickler(stream).load()
    return Compiled(SchemaValidator(schema), records, _shape(schema))


def _shape(schema: Any) -> Shape:
    """Where a model's mappings are in the data, read from the core schema."""
    shape: Shape = {}
    fields = schema["schema"]["fields"]
    for key, field in fields.items():
        found = _model_under(field["schema"])
        if found is not None:
            model, many = found
            shape[key] = (_shape(model), many)
    return shape


def _model_under(schema: Any, many: bool = False) -> tuple[Any, bool] | None:
    """The model schema a field's schema wraps (through defaults, nullables, validators and
    one list), and whether it is a list of them."""
    kind = schema["type"]
    if kind == "model":
        return schema, many
    if kind in ("default", "nullable", "function-before", "function-after", "function-wrap"):
        return _model_under(schema["schema"], many)
    if kind == "list":
        return _model_under(schema["items_schema"], True)
    return None


_compiled: dict[Source, Compiled] = {}


def compiled_of(source: Source) -> Compiled:
    """The compiled models of ``source`` for this run: from the cache, else built (and
    cached)."""
    found = _compiled.get(source)
    if found is None:
        found = _compiled[source] = _read_or_build(source, _cache_file(source))
    return found


def _read_or_build(source: Source, path: Path | None) -> Compiled:
    payload = read(path) if path is not None else None
    if payload is not None:
        try:
            return load(payload)
        except (pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError):
            pass  # spoilt: built afresh below
    payload = build(source)
    if path is not None:
        write_atomic(path, payload)
    return load(payload)
