"""The shipped place index is what tools/build_gazetteer.py builds from its sources."""
from __future__ import annotations

import importlib.util
import pathlib

from entente.ontology import gazetteer

TOOL = pathlib.Path(__file__).resolve().parents[1] / "tools" / "build_gazetteer.py"


def test_the_shipped_index_is_the_built_one():
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    built = tool.build()
    shipped = gazetteer._index()
    assert len(built) > 5000
    assert built == shipped   # refresh: run the tool and commit its output


def test_places_resolve_from_the_shipped_file():
    assert gazetteer.place("Nairobi").capital_of == "KEN"
    assert gazetteer.place("Ontario").country == "CAN"   # a province wins over a smaller city elsewhere
    assert gazetteer.place("the Netherlands").kind == "country"
    assert gazetteer.place("Atlantis") is None
