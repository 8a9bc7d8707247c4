"""The faster attribute ruler and lemmatizer give exactly the stock spaCy annotations.
(benchmarks/check_components.py checks the same over whole corpora.)"""
from __future__ import annotations

import pytest

from entente import components
from entente import nlp as loader

SENTENCES = [
    "The ministers did not agree, but they're meeting again in Oslo next week.",
    "I told you it wasn't over; you ain't seen nothing yet, y'all.",
    "There is a plan, and there were two proposals that the envoys rejected.",
    "Gonna be a long night, said the spokesman, who has gotta leave by nine.",
    "Let's see whether the talks, which have stalled since March, resume.",
    "She gets what she wants; he got none.  Those are the rules \n\n of the game.",
    "Nothin' changed after the summit in Hanoi between the two presidents.",
    "Do you think it will rain? It does, and it did, and we had had enough.",
    "The 3.5% tariff cut takes effect on 1 July 2025 for EU-made cars.",
    "Who's who: the U.S. envoy, the U.K.'s minister and France's ambassador.",
]


@pytest.fixture(scope="module")
def stock_and_fast():
    import spacy

    stock = spacy.load(loader.model_path("md"), exclude=list(loader.UNUSED))
    fast = components.install(spacy.load(loader.model_path("md"), exclude=list(loader.UNUSED)))
    return stock, fast


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_installed_in_the_loaded_pipeline():
    nlp = loader.load("md")
    assert isinstance(nlp.get_pipe("attribute_ruler"), components.FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), components.CachedLemmatizer)
    assert "senter" not in nlp.component_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_stock(stock_and_fast, text):
    stock, fast = stock_and_fast
    want, got = annotations(stock(text)), annotations(fast(text))
    assert got == want


def test_same_annotations_in_batches_twice(stock_and_fast):
    """The lemma cache must not leak one text's lemmas into another's."""
    stock, fast = stock_and_fast
    want = [annotations(d) for d in stock.pipe(SENTENCES)]
    for _ in range(2):
        assert [annotations(d) for d in fast.pipe(reversed(SENTENCES))] == list(reversed(want))


def test_platform_x_ends_a_sentence():
    from entente import nlp

    doc = nlp.load()("She said so in a post on X. Troops left the town on Monday.")
    assert [s.text for s in doc.sents] == ["She said so in a post on X.", "Troops left the town on Monday."]


def test_a_hyphen_after_an_abbreviation_joins_two_names():
    from entente import nlp

    doc = nlp.load()("The U.S.-Kenya talks and the U.N.-backed force.")
    assert [t.text for t in doc][:5] == ["The", "U.S.", "-", "Kenya", "talks"]
    assert "U.N.-backed" in [t.text for t in doc]


def test_a_glued_sub_heading_is_a_sentence_of_its_own():
    from entente import nlp

    doc = nlp.load()("Talks ended on Monday. Border dispute The two armies met again. Officials in The Hague "
                     "were silent. Fresh talks In recent days, the envoys returned.")
    assert [s.text for s in doc.sents] == ["Talks ended on Monday.", "Border dispute", "The two armies met again.",
                                           "Officials in The Hague were silent.", "Fresh talks",
                                           "In recent days, the envoys returned."]
