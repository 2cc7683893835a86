#!/usr/bin/env python3
"""docs/events.schema.json: a valid JSON Schema (draft 2020-12) that accepts events.yaml, every fixture, the
complete example of docs/schema.md and what `chronoscope convert` writes as YAML, and rejects wrong types,
under draft 2020-12 and under draft-07 (what editors' YAML language server applies) alike.

YAML is read as editors' YAML language server reads it (YAML 1.2's core schema: 2015-11-23 is text, 2015 a
number), not with PyYAML's YAML 1.1 defaults (which would make dates datetime objects).

usage: schema_test.py SOURCE_DIR CHRONOSCOPE WORK_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema resolvers only."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    v = loader.construct_scalar(node)
    return int(v, 8) if v.startswith("0o") else int(v, 0) if v.startswith("0x") else int(v)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(path_or_text, is_text=False):
    text = path_or_text if is_text else open(path_or_text, encoding="utf-8").read()
    return yaml.load(text, Loader=CoreLoader)


def main():
    source, binary, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    schema = json.load(open(os.path.join(source, "docs", "events.schema.json"), encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # Editors' YAML language server validates with draft-07 rules: the schema uses only keywords that both
    # drafts read alike, and every case must come out the same under both.
    validators = [jsonschema.Draft202012Validator(schema), jsonschema.Draft7Validator(schema)]
    passed, failed = 0, 0

    def check(name, doc, valid):
        nonlocal passed, failed
        for validator in validators[1:]:
            if bool(list(validator.iter_errors(doc))) != bool(list(validators[0].iter_errors(doc))):
                failed += 1
                print(f"FAIL {name}: draft-07 and draft 2020-12 disagree")
        errors = list(validators[0].iter_errors(doc))
        if bool(errors) != (not valid):
            failed += 1
            what = "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
            print(f"FAIL {name}: expected {'valid' if valid else 'invalid'}" + (f": {what}" if what else ""))
        else:
            passed += 1

    fixtures = os.path.join(source, "tests", "fixtures")
    good = [os.path.join(source, "events.yaml")]
    good += sorted(glob.glob(os.path.join(fixtures, "*.yaml")) + glob.glob(os.path.join(fixtures, "**", "*.yaml")))
    for path in good:
        if os.path.basename(path).startswith("bad"):
            continue
        check(os.path.relpath(path, source), load(path), True)
    # The complete example of docs/schema.md.
    doc = open(os.path.join(source, "docs", "schema.md"), encoding="utf-8").read()
    example = re.search(r"## A complete example\s*```yaml\n(.*?)```", doc, re.S)
    check("docs/schema.md example", load(example.group(1), True), True)
    # What the YAML writer makes of events.yaml and of the other formats' samples.
    for name in ["events.yaml", "tests/fixtures/interop/stories.yaml", "tests/fixtures/interop/timelinejs.json",
                 "tests/fixtures/interop/vis.json", "tests/fixtures/interop/timelinejs_sheet.csv"]:
        out = os.path.join(work, os.path.basename(name) + ".yaml")
        r = subprocess.run([binary, "convert", os.path.join(source, name), out, "--to", "yaml"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            failed += 1
            print(f"FAIL convert {name}: {r.stderr}")
            continue
        check("convert " + name, load(out), True)

    # Wrong types and values are rejected.
    check("bad.yaml (unknown key)", load(os.path.join(fixtures, "bad.yaml")), False)
    base = "title: T\nlanes: [{id: r}]\nsources: [{id: s, title: S}]\nevents:\n  - {id: a, title: A, date: 2015}\n"
    check("base", load(base, True), True)
    wrong = {
        "lanes as a number": "lanes: 5\n",
        "title as a list": "title: [a, b]\n",
        "events as a map": "events: {id: a}\n",
        "event without date": "events: [{id: a, title: A}]\n",
        "date as a map": "events: [{id: a, title: A, date: {year: 2015}}]\n",
        "date not EDTF": "events: [{id: a, title: A, date: 23 November 2015}]\n",
        "colour by name": "lanes: [{id: r, color: red}]\n",
        "order as text": "lanes: [{id: r, order: first}]\n",
        "dated unknown": "events: [{id: a, title: A, date: 2015, sources: [{source: s, dated: guessed}]}]\n",
        "url not http": "sources: [{id: s, title: S, url: ftp://example.org}]\n",
        "story step without range": "stories: [{id: x, title: X, steps: [{caption: c}]}]\n",
        "story range a set": "stories: [{id: x, title: X, steps: [{range: '[2015,2016]'}]}]\n",
        "story without steps": "stories: [{id: x, title: X}]\n",
    }
    for name, text in wrong.items():
        check(name, load(text, True), False)
    for good_date in ["2015-11-23T10:30+03:30", "?2004-06-~11", "[1667,1668,1670..1672]", "{..1984}", "../2006",
                      "Y-17E7", "2001-21", "156X-12-25", "2004-06-11/", "1984~/2004-06?"]:
        check("date " + good_date, load(f"events: [{{id: a, title: A, date: '{good_date}'}}]\n", True), True)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
