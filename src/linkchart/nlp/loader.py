"""Build the spaCy pipeline once per process: model, pack ruler, typing, referents."""

from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language

from linkchart.config import DEFAULT_MODEL, Config
from linkchart.nlp import components, structure  # noqa: F401 - registers its component
from linkchart.nlp.memo import memoise_model_rules
from linkchart.nlp.packs import Knowledge
from linkchart.nlp.tokenizer import extend_infixes, fix_lemmas, remember_text

MODEL = DEFAULT_MODEL
PIPELINE_VERSION = "linkchart-nlp-1"


def load_pipeline(config: Config | None = None) -> Language:
    config = config or Config.from_env()
    return _load(tuple(str(p) for p in config.packs), config.bundled_packs, config.model)


@lru_cache(maxsize=4)
def _load(packs: tuple[str, ...], bundled: bool, model: str = MODEL) -> Language:
    nlp = spacy.load(model)
    extend_infixes(nlp)
    remember_text(nlp)
    fix_lemmas(nlp)
    memoise_model_rules(nlp)  # after fix_lemmas: it reads the ruler's final patterns
    nlp.add_pipe("linkchart_structure", before="parser")
    nlp.add_pipe("linkchart_referents", last=True,
                 config={"packs": list(packs), "bundled": bundled})
    knowledge = knowledge_of(nlp)
    ruler = nlp.add_pipe("span_ruler", name="pack_ruler", after="ner",
                         config={"spans_key": components.PACK_SPANS, "validate": False,
                                 "phrase_matcher_attr": "ORTH", "annotate_ents": False})
    with nlp.select_pipes(enable=["pack_ruler"]):
        ruler.add_patterns(components.pack_patterns(knowledge)
                           + components.state_body_patterns(knowledge)
                           + components.morphology_patterns()
                           + components.wing_patterns())
    nlp.add_pipe("linkchart_mentions", after="pack_ruler")
    # The model, packs and tables live as long as the process: out of the collector's
    # way, full collections no longer walk their hundred thousand objects (1% of the time).
    gc.collect()
    gc.freeze()
    return nlp


def knowledge_of(nlp: Language) -> Knowledge:
    return nlp.get_pipe("linkchart_referents").knowledge
