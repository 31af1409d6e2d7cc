"""The relation rule families as registered units: the registry lists every family, each
family's rules are its own methods, calibration's keys are rule tags the families record,
and a sentence written for the project per family yields that family's relation."""

import importlib
import inspect
import pkgutil

import pytest

import linkchart.extract.relations as relations
from linkchart.config import Config
from linkchart.extract.confidence import RULE_SEPARATOR, load_table
from linkchart.extract.context import Context
from linkchart.extract.relations import FAMILIES, RuleFamily, rule_tags
from linkchart.extract.relations.recording import Recorder
from linkchart.extract.relations.syntax import Syntax
from linkchart.extract.relations.words import relation_words
from linkchart.model import Document
from linkchart.nlp import knowledge_of
from linkchart.pipeline import extract_documents

EXAMPLES = {  # family -> (text, relation its rules must find: rule tag, source, target)
    "names": ("Russia's VKontakte social network removed the page.",
              ("modifiers:based_in", "VKontakte", "Russia")),
    "roles": ("Hezbollah's leader Hassan Nasrallah spoke on Monday.",
              ("role:leads", "Hassan Nasrallah", "Hezbollah")),
    "nominals": ("Iran's support for Hezbollah has grown.",
                 ("nominal:supports", "Iran", "Hezbollah")),
    "nouns": ("Kataib Hezbollah, a unit of the Popular Mobilization Forces, denied it.",
              ("relational_noun:part_of", "Kataib Hezbollah", "Popular Mobilization Forces")),
    "verbs": ("Iran backs Hezbollah, officials said.",
              ("verb:supports", "Iran", "Hezbollah")),
    "adjectives": ("Iran-backed Kataib Hezbollah fired rockets at the base.",
                   ("hyphenated:supports", "Iran", "Kataib Hezbollah")),
}


def _family_classes() -> set[type]:
    """Every RuleFamily subclass defined in a module of the relations package."""
    found = set()
    for module_info in pkgutil.iter_modules(relations.__path__):
        module = importlib.import_module(f"{relations.__name__}.{module_info.name}")
        found |= {c for _, c in inspect.getmembers(module, inspect.isclass)
                  if issubclass(c, RuleFamily) and c is not RuleFamily
                  and c.__module__ == module.__name__}
    return found


def test_the_registry_lists_every_family():
    assert set(FAMILIES.values()) == _family_classes()
    assert all(name == family.name for name, family in FAMILIES.items())


def test_each_rule_is_a_method_of_its_family_and_runs_in_one_place():
    for family in FAMILIES.values():
        for rule in (*family.mention_rules, *family.token_rules):
            assert callable(getattr(family, rule, None)), (family.name, rule)
    tags = [t for f in FAMILIES.values() for t in (*f.mention_rules, *f.token_rules, *f.tags)]
    assert len(tags) == len(set(tags)), "a rule tag must name one rule"


def test_calibration_keys_are_tags_the_families_record():
    rules = load_table()["relations"]["rules"]
    assert rules
    unknown = {key.split(RULE_SEPARATOR)[0] for key in rules} - set(rule_tags())
    assert not unknown


def test_every_family_has_an_example():
    assert set(EXAMPLES) == set(FAMILIES)


@pytest.fixture(scope="module")
def found_by_family():
    documents = [Document(id=name, text=text, published="2024-03-01")
                 for name, (text, _) in EXAMPLES.items()]
    found = {}
    for extraction in extract_documents(documents, Config()):
        names = {e.id: e.name for e in extraction.entities}
        found[extraction.document.id] = {(r.rule, names[r.source], names[r.target])
                                         for r in extraction.relations}
    return found


@pytest.mark.parametrize("family", sorted(EXAMPLES))
def test_each_family_yields_its_relation(found_by_family, family):
    expected = EXAMPLES[family][1]
    assert expected in found_by_family[family]
    assert rule_tags()[expected[0].split(RULE_SEPARATOR)[0]] == family


OTHER_CUES = (  # cues tagged nouns or verbs by the small model, and cue words
    "The Quds Force answers directly to Khamenei.",
    "The last three answer directly to Khamenei.",
    "Militias allied with Iran attacked the base.",
    "Fighters loyal to Hezbollah and allied to Iran crossed the border.",
    "Hejazi, the adviser in charge of the Beit Rahbari agency, met Khamenei.",
    "Kataib Hezbollah, backed by Iran, fired rockets at the base.",
    "Anti-Hezbollah protesters and pro-Iran militias clashed in Beirut.",
)


class _SpyRecorder(Recorder):
    """A recorder that notes every call a rule makes to record something."""

    def __init__(self, syntax):
        super().__init__(syntax)
        self.calls: list[tuple] = []

    def add(self, *args, **kwargs):
        self.calls.append((self.rule, args))

    def add_all(self, *args, **kwargs):
        self.calls.append((self.rule, args))


def test_a_rule_records_nothing_off_its_guards(mini_nlp, proxy_report):
    """A token rule with `parts_of_speech` or `cue_tables` is skipped on other tokens:
    called there anyway, it must try to record nothing, or skipping it would lose
    relations."""
    texts = [proxy_report.text, *(text for text, _ in EXAMPLES.values()), *OTHER_CUES]
    knowledge = knowledge_of(mini_nlp)
    guarded = 0
    for number, doc in enumerate(mini_nlp.pipe(texts)):
        context = Context.build(doc, Document(id=str(number), text=doc.text), knowledge)
        syntax = Syntax(context, relation_words())
        recorder = _SpyRecorder(syntax)
        for family in FAMILIES.values():
            unit = family(syntax, recorder)
            for tag, rule, parts, words in unit.token_rule_guards():
                for token in doc:
                    if (parts is None or token.pos_ in parts) and \
                            (words is None or token.lower_ in words):
                        continue
                    recorder.rule = tag
                    rule(token)
                    guarded += 1
        assert recorder.calls == [], recorder.calls[:3]
    assert guarded > 1000  # the rules really ran on the tokens they are spared
