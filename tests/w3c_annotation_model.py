"""Run the W3C Web Annotation Data Model test suite offline, with the rules of its own harness.

The suite (web-platform-tests, folder ``annotation-model/``) is JSON Schemas ("assertions") listed
by ``*.test`` files; its browser harness, ``annotation-model/scripts/JSONtest.js``, runs them with
Ajv 4.0.4. This module follows that harness:

- an assertion passes when the content is valid and its ``expectedResult`` is ``valid`` (the
  default), or invalid and it is ``invalid``;
- after an unexpected result, its ``onUnexpectedResult`` (default ``failAndContinue``) says whether
  the remaining assertions of the list still run (``…AndContinue``) or not (``…AndSkip``,
  ``…AndAbort``);
- a failure is not reported when its ``assertionType`` (default ``must``) is in the test's
  ``skipFailures``;
- formats are checked as Ajv 4's default ("fast") mode checks them.

A test passes when every assertion it reports passed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

# Ajv 4.0.4's "fast" formats, the only two the suite uses (annotation-model/scripts/ajv.min.js).
AJV_FAST_FORMATS = {
    "uri": re.compile(r"^(?:[a-z][a-z0-9+\-.]*)?(?::|/)/?[^\s]*$", re.IGNORECASE),
    "date-time": re.compile(
        r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s][0-2]\d:[0-5]\d:[0-5]\d(?:\.\d+)?(?:z|[+-]\d\d:\d\d)$", re.IGNORECASE
    ),
}
CONTINUE_ACTIONS = {"failAndContinue", "passAndContinue"}
# The suite's MUST-level tests, and the kind of document each is run on.
MUST_TESTS = {
    "annotation": "annotations/annotationMusts.test",
    "collection": "collections/collectionMusts.test",
    "page": "collections/pages/pageMusts.test",
}


@dataclass(frozen=True)
class Outcome:
    """One assertion's reported result."""

    assertion: str
    passed: bool
    message: str


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())
    for name, pattern in AJV_FAST_FORMATS.items():
        checker.checks(name)(lambda value, pattern=pattern: not isinstance(value, str) or bool(pattern.match(value)))
    return checker


class Suite:
    """The suite's folder (``annotation-model/``): its definitions, assertions and tests."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @cached_property
    def registry(self) -> Registry:
        """Every schema of the suite, under the ``id`` it declares, so that ``$ref``s resolve."""
        resources = []
        for path in sorted(self.root.rglob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            resources.append((schema["id"], Resource(contents=schema, specification=DRAFT4)))
        return Registry().with_resources(resources)

    def assertion(self, reference: str) -> dict[str, Any]:
        """An assertion file, named as a test names it (relative to the suite's folder)."""
        return json.loads((self.root / reference).read_text(encoding="utf-8"))

    def run(self, test: str, content: Any) -> list[Outcome]:
        """Run one ``*.test`` file on a document; return what the harness would report."""
        spec = json.loads((self.root / test).read_text(encoding="utf-8"))
        return self.run_assertions(spec["assertions"], content, skip_failures=spec.get("skipFailures", ()))

    def run_assertions(self, assertions: list[Any], content: Any, skip_failures: tuple[str, ...] = ()) -> list[Outcome]:
        """Run a list of assertions (file references or inline schemas) in order, as the harness does."""
        outcomes: list[Outcome] = []
        for entry in assertions:
            if isinstance(entry, str):
                name, schema = entry, self.assertion(entry)
            elif isinstance(entry, dict) and "compareWith" not in entry:
                name, schema = entry.get("title", "inline assertion"), entry
            else:
                raise NotImplementedError(f"assertion lists of this form are not used by the MUST tests: {entry!r}")
            validator = jsonschema.Draft4Validator(schema, registry=self.registry, format_checker=_format_checker())
            errors = [e.message for e in validator.iter_errors(content)]
            expected = schema.get("expectedResult", "valid")
            passed = (expected == "valid") == (not errors)
            kind = schema.get("assertionType", "must").lower()
            if passed or kind not in skip_failures:
                message = "" if passed else f"{schema.get('errorMessage', f'Result was not {expected}')} {errors}"
                outcomes.append(Outcome(name, passed, message))
            if not passed and schema.get("onUnexpectedResult", "failAndContinue") not in CONTINUE_ACTIONS:
                break
        return outcomes


def must_failures(suite: Suite, collection: dict[str, Any]) -> list[str]:
    """Every MUST assertion an exported collection fails: the collection, its page, each annotation.

    Each annotation is tested as a document of its own, with the ``@context`` it inherits from the
    collection (JSON-LD scoping; the model's examples embed annotations in pages without one).
    """
    documents = [("collection", "collection", collection), ("page", "collection with its page", collection)]
    for item in collection["first"]["items"]:
        documents.append(("annotation", item.get("id", "?"), {"@context": collection["@context"], **item}))
    failures = []
    for kind, name, document in documents:
        for outcome in suite.run(MUST_TESTS[kind], document):
            if not outcome.passed:
                failures.append(f"{name}: {outcome.assertion}: {outcome.message}")
    return failures
