"""The language guess for samples exported without one: each sample and its language by hand."""

from __future__ import annotations

import pytest

from mkdocs_compare.language import guess_language
from mkdocs_compare.model import CodeSample
from mkdocs_compare.render import sample_language

SAMPLES = [
    ("from lattice import flow\n\nflow.run()\n", "python"),
    ("import os\nprint(os.getcwd())\n", "python"),
    ("@step\ndef train(data):\n    return data\n", "python"),
    ("class Trainer(Base):\n    pass\n", "python"),
    ("#!/usr/bin/env python3\nx = 1\n", "python"),
    ("model = Model.load('m')\nresult = model(42)\n", "python"),
    ("steps:\n  - name: train\n    run: python train.py\n", "yaml"),
    ("---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: trainer  # the pod\n", "yaml"),
    ("- name: a\n- name: b\n", "yaml"),
    ("$ pip install lattice\n", "bash"),
    ("#!/bin/bash\nset -e\nfor f in *.md; do wc -l $f; done\n", "bash"),
    ("pip install lattice\nlattice init\n", "bash"),
    ("docker run -p 8080:8080 lattice/server\n", "bash"),
    ("export TOKEN=abc\ncurl -H 'x' https://example.org\n", "bash"),
    ('{"a": 1, "b": [true, null]}', "json"),
    ('[\n  {"name": "x"}\n]\n', "json"),
    ("SELECT 1;", "sql"),
    ("select name, count(*) from runs group by name;\n", "sql"),
    ("CREATE TABLE runs (id INT PRIMARY KEY);\n", "sql"),
    ("INSERT INTO runs VALUES (1);\n", "sql"),
    ("import { flow } from 'lattice';\nflow();\n", "javascript"),
    ("const client = new Client();\n", "javascript"),
    ("FROM python:3.11-slim\nRUN pip install lattice\n", "dockerfile"),
]

UNSURE = [
    "Just some words about the product.\nNothing to highlight here.\n",
    "",
    "   \n",
    "{ not json at all",
    "42\n",
]


@pytest.mark.parametrize(("code", "language"), SAMPLES)
def test_guess_language(code: str, language: str) -> None:
    assert guess_language(code) == language


@pytest.mark.parametrize("code", UNSURE)
def test_plain_text_when_unsure(code: str) -> None:
    assert guess_language(code) == "text"


def test_the_other_samples_language_decides_when_no_signature_does() -> None:
    vague = "run(model)\nx.y\n"
    assert guess_language(vague) == "text"
    assert guess_language(vague, "ruby") == "ruby"


def test_a_clear_signature_beats_the_other_samples_language() -> None:
    # The product's sample is Python, the tool's a YAML file: the YAML keeps its own signature
    # only when it is not one of the unmistakable ones, so test an unmistakable one.
    assert guess_language("$ lattice deploy --region eu\n", "python") == "bash"
    assert guess_language("from a import b\n", "yaml") == "python"
    # A looser signature (YAML keys) gives way to what the page's other sample says.
    assert guess_language("name: train\nimage: x\n", "python") == "python"


def test_only_the_head_of_a_huge_sample_is_read() -> None:
    yaml_head = "key: value\n" * 500  # 5,500 characters: past the part that is read
    assert guess_language(yaml_head + "def f():\n") == "yaml"
    assert guess_language("x = 1\n" * 1000 + "from a import b\n") == "text"
    huge_json = "[" + ", ".join(['{"n": 1}'] * 1000) + "]"
    assert guess_language(huge_json) == "json"


def test_sample_language_uses_the_other_sample_and_respects_the_switch() -> None:
    declared = CodeSample("name: x\n", "Python")
    bare = CodeSample("name: x\nimage: y\n")
    assert sample_language(bare, True, [declared, bare]) == "Python"
    assert sample_language(bare, True, [bare]) == "yaml"
    assert sample_language(bare, False, [declared, bare]) == "text"
    assert sample_language(declared, False) == "Python"
    # A hint is a lexer name like any other: characters that are not are dropped.
    odd = CodeSample("name: x\n", 'py"><script>')
    assert sample_language(bare, True, [odd, bare]) == "pyscript"
