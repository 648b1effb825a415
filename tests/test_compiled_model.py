"""The compiled course model (``mcvalidate.model.compiled``) against the pydantic models it is
built from: the same records and the same errors on every example and every rule case, the
``x-`` keys set aside wherever the models read a mapping, and a cache that is rebuilt when it
should be, survives being spoilt and is never needed. A check of a file imports no pydantic."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from pydantic_core import ValidationError

import mcvalidate.model as records
import mcvalidate.model.compiled as compiled_module
from mcvalidate import config_model
from mcvalidate.config import FILE_CONFIG
from mcvalidate.loader import load
from mcvalidate.model import COURSE, field_names, validate_course
from mcvalidate.model import course as models
from mcvalidate.model.compiled import Record, compiled_of, strip_author_keys

ROOT = Path(__file__).resolve().parent.parent


def _documents() -> Iterator[tuple[str, Any]]:
    """Every example course and every rule case's file, as mcvalidate's loader reads them."""
    for path in sorted((ROOT / "examples").rglob("*.yaml")):
        if "pack" in path.parts or "exports" in path.parts:
            continue
        yield str(path.relative_to(ROOT)), load(str(path), path.read_bytes()).data
    for path in sorted((ROOT / "tests" / "rules").glob("*.yaml")):
        for n, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            data = load("case.yaml", case["yaml"].encode("utf-8")).data
            yield f"{path.stem}#{n}", data


DOCUMENTS = [(name, data) for name, data in _documents() if isinstance(data, dict)]


def _plain(value: Any) -> Any:
    """A model's or record's fields as nested dicts, with its class name and the fields it was
    given: what a rule can see of it."""
    if isinstance(value, (BaseModel, Record)):
        fields = {k: _plain(v) for k, v in vars(value).items()}
        return (type(value).__name__, fields, sorted(value.__pydantic_fields_set__))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _outcome(validate: Any, data: Any) -> Any:
    try:
        return "valid", _plain(validate(data))
    except ValidationError as exc:
        return "invalid", exc.errors(include_url=False)


def test_the_corpus_is_the_whole_of_the_examples_and_the_rule_cases() -> None:
    assert len(DOCUMENTS) > 1000
    assert any(name.startswith("examples/real/") for name, _ in DOCUMENTS)
    assert any(name.startswith("MC") for name, _ in DOCUMENTS)  # malformed files too


def test_the_compiled_validator_gives_what_the_models_give_on_every_document() -> None:
    shape = compiled_of(COURSE).shape
    differing = []
    invalid = 0
    for name, data in DOCUMENTS:
        expected = _outcome(
            lambda d: models.Course.model_validate(strip_author_keys(d, shape)), data
        )
        got = _outcome(validate_course, data)
        invalid += expected[0] == "invalid"
        if got != expected:
            differing.append(name)
    assert not differing, f"the compiled model differs from the models on {differing[:10]}"
    assert invalid > 100  # the comparison covered errors as well as records


def _author_keys_everywhere(value: Any, free: bool = False) -> Any:
    """``value`` with an ``x-`` key added to every mapping but the free ones."""
    if isinstance(value, dict):
        inner = {k: _author_keys_everywhere(v, free=k == "breakdown") for k, v in value.items()}
        return inner if free else {**inner, "x-note": {"anything": [1, 2]}}
    if isinstance(value, list):
        return [_author_keys_everywhere(v) for v in value]
    return value


def test_x_keys_are_set_aside_in_every_mapping_the_models_read() -> None:
    checked = 0
    for name, data in DOCUMENTS:
        expected = _outcome(validate_course, data)
        if expected[0] != "valid":
            continue
        authored = _author_keys_everywhere(copy.deepcopy(data))
        assert _outcome(validate_course, authored) == expected, name
        checked += 1
    assert checked > 500


def test_every_model_is_reached_by_the_strip_pass() -> None:
    """Each model under Course appears in the shape that tells the strip pass where mappings
    are, so a model added to the format cannot be missed by it."""

    def names(shape: Any, schema: Any) -> set[str]:
        found = {schema["cls"].__name__}
        for key, (inner, _many) in shape.items():
            child = compiled_module._model_under(schema["schema"]["fields"][key]["schema"])
            assert child is not None
            found |= names(inner, child[0])
        return found

    schema = compiled_module._plain(models.Course.__pydantic_core_schema__, BaseModel)
    models_under_course = {
        name
        for name, value in vars(models).items()
        if isinstance(value, type)
        and issubclass(value, models.Strict)
        and value is not models.Strict
    }
    assert names(compiled_module._shape(schema), schema) == models_under_course


def test_the_records_have_the_models_names_fields_and_docs() -> None:
    for name in records.__all__:
        model = getattr(models, name, None)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue  # a function, or the Status literal
        model = getattr(models, name)
        record = getattr(records, name)
        assert issubclass(record, Record) and record.__name__ == name
        assert field_names(record) == field_names(model) == tuple(model.model_fields)
        assert record.__doc__ == model.__doc__


CONFIGS = [
    {},
    {"select": ["BCF"], "severity": {"BCT003": False, "BCF001": "warning"}, "fail_on": "info"},
    {"limits": {"max_depth": 40}, "export": {"base_url": "https://c.example.ca/courses"}},
    {"today": "2026-06-01", "rule_options": {"CON002": {"max_hours_per_week": 50}}},
    {"limits": {"max_depth": 301}, "fail_on": "fatal", "exclude": "drafts/*"},
    {"unknown": 1, "per_file_ignores": {"a/*.yaml": ["BCF001"]}, "today": 20260601},
]


@pytest.mark.parametrize("data", CONFIGS)
def test_the_compiled_configuration_gives_what_its_model_gives(data: dict[str, Any]) -> None:
    validate = compiled_of(FILE_CONFIG).validate
    expected = _outcome(config_model.FileConfig.model_validate, data)
    assert _outcome(lambda d: validate(d, authored=False), data) == expected
    if expected[0] == "valid":
        model = config_model.FileConfig.model_validate(data)
        record = validate(data, authored=False)
        assert record.model_dump() == model.model_dump()
        assert record.model_dump(mode="json") == model.model_dump(mode="json")
        assert record.model_fields_set == model.model_fields_set


def test_a_record_is_read_only_compared_by_value_and_copied_with_changes() -> None:
    data = {"format": 1, "title": "Welding", "workload": {"hours": 30}}
    course = validate_course(data)
    assert isinstance(course, records.Course)
    assert course == validate_course(data) and hash(course) == hash(validate_course(data))
    assert course != validate_course({**data, "title": "Other"})
    with pytest.raises(AttributeError, match="read-only"):
        course.title = "Other"  # type: ignore[misc]
    changed = course.model_copy(update={"title": "Other"})
    assert (changed.title, course.title) == ("Other", "Welding")
    assert changed.workload is course.workload
    assert "title='Welding'" in repr(course)


def test_the_cache_is_written_once_and_read_after(tmp_path: Path) -> None:
    path = tmp_path / "course.pickle"
    first = compiled_module._read_or_build(COURSE, path)
    written = path.read_bytes()
    again = compiled_module._read_or_build(COURSE, path)
    assert path.read_bytes() == written
    data = {"format": 1, "title": "T", "learning_outcomes": ["Weld"]}
    assert _plain(first.validate(data)) == _plain(again.validate(data))
    assert again.validate(data).learning_outcomes[0].id == "LO1"


def test_a_spoilt_cache_is_rebuilt_and_an_unwritable_one_is_done_without(tmp_path: Path) -> None:
    path = tmp_path / "course.pickle"
    path.write_bytes(b"\x80\x05not a pickle")
    rebuilt = compiled_module._read_or_build(COURSE, path)
    assert compiled_module.load(path.read_bytes()).records.keys() == rebuilt.records.keys()
    blocked = tmp_path / "a-file" / "course.pickle"
    (tmp_path / "a-file").write_text("not a directory")
    assert (
        compiled_module._read_or_build(COURSE, blocked).validate({"format": 1, "title": "T"}).format
        == 1
    )
    assert not blocked.exists()


def test_the_cache_key_follows_the_model_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", str(tmp_path))
    before = compiled_module._cache_file(COURSE)
    assert before is not None and before.parent == tmp_path
    source = Path(compiled_module.__file__).with_name("patterns.py")
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert compiled_module._cache_file(COURSE) != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert compiled_module._cache_file(COURSE) == before
    monkeypatch.setenv("MCVALIDATE_CACHE_DIR", "")
    assert compiled_module._cache_file(COURSE) is None


def test_a_check_imports_no_pydantic_once_the_model_is_cached(tmp_path: Path) -> None:
    """pydantic's import and model build are most of a one-file check's cost: a check of a
    valid file runs on pydantic-core alone (the functions the schema names included)."""
    program = (
        "import sys\n"
        "from mcvalidate.cli import cli\n"
        "try:\n"
        "    cli.main(['check', '--isolated', sys.argv[1]], prog_name='mcvalidate')\n"
        "finally:\n"
        "    print('pydantic' in sys.modules, 'mcvalidate.model.course' in sys.modules,\n"
        "          'pydantic_core' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "MCVALIDATE_CACHE_DIR": str(tmp_path)}
    example = str(ROOT / "examples" / "mass-timber-construction.yaml")
    runs = [
        subprocess.run(
            [sys.executable, "-c", program, example], env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[1].stderr
    assert runs[0].stderr.split()[-3:] == ["True", "True", "True"]  # the first builds the cache
    # nor the package around pydantic-core's extension (mcvalidate.model.core)
    assert runs[1].stderr.split()[-3:] == ["False", "False", "False"]
    assert runs[0].stdout == runs[1].stdout


def test_the_extension_loaded_alone_is_the_one_pydantic_uses_after() -> None:
    """pydantic imported after the extension was loaded by itself finds the same module, so
    an error raised by either is caught as the other's, and pydantic works as ever."""
    code = (
        "import sys\n"
        "from mcvalidate.model import core\n"
        "assert 'pydantic_core' not in sys.modules\n"
        "import pydantic, pydantic_core\n"
        "assert pydantic_core.ValidationError is core.ValidationError\n"
        "assert pydantic_core.SchemaValidator is core.SchemaValidator\n"
        "assert pydantic_core.__version__ == core.__version__\n"
        "class M(pydantic.BaseModel):\n"
        "    n: int\n"
        "try:\n"
        "    M(n='x')\n"
        "except core.ValidationError as exc:\n"
        "    print(exc.errors()[0]['type'], pydantic.version.version_short())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "int_parsing"


@pytest.mark.parametrize("source", [COURSE, FILE_CONFIG], ids=lambda s: s.name)
def test_the_cache_key_covers_every_module_the_models_are_made_of(source: Any) -> None:
    """A change to a module the schema is made of rebuilds the cache: every mcvalidate
    module the models' module imports, and the model modules those import in turn, are
    among the files its stamp is made of (``limits`` gives the configuration's defaults; what
    it imports for its messages plays no part in the schema)."""
    import ast

    package = Path(compiled_module.__file__).parent.parent
    found: set[str] = set()
    todo = [source.module]
    while todo:
        module = todo.pop()
        relative = module.removeprefix("mcvalidate.").replace(".", "/") + ".py"
        if relative in found:
            continue
        found.add(relative)
        tree = ast.parse((package / relative).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = node.module or "" if isinstance(node, ast.ImportFrom) else ""
            if name.startswith("mcvalidate.model.") or (
                module == source.module and name.startswith("mcvalidate.")
            ):
                todo.append(name)
    assert found <= set(source.files), sorted(found - set(source.files))
    assert len(found) >= 3


def test_the_status_literal_is_the_models_and_needs_no_pydantic() -> None:
    """Packs read the lifecycle at run time (``get_args(mcvalidate.model.Status)``)."""
    assert records.Status is models.Status
    code = (
        "import sys, typing\n"
        "from mcvalidate.model import Status\n"
        "print(typing.get_args(Status)[0], 'pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["draft", "False"]
