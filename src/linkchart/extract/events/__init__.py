"""Events: PLOVER-typed occurrences with participants, date, place and casualty counts.

Triggers come from patterns/events.yaml: verb lemmas ("attack", "pull out", "open
fire"), verbs whose type follows their object ("impose sanctions" SANCTION, "send
troops" MOBILIZE), and nouns ("air strike", "talks"), some of which count only when a
verb makes them happen ("signed an agreement", "declared a ceasefire").

Participants come from dependency roles: an active verb's subject acts and its object
receives; a passive verb's "by" agent acts and its subject receives; a noun trigger's
possessive, compound and demonym modifiers act ("Hezbollah's attack", "a US air strike",
"Israeli strikes"), "on/against X" receives, and the subject of the verb that carries it
out ("launched an offensive") acts. Dates are the DATE expressions attached to the
trigger's clause, resolved by `linkchart.nlp.dates` against the publication date and the
previous event's date. Places come from in/near/at phrases, counts from "killing N",
"N people were killed", "left N dead", "wounding N".

An event is kept when it has a participant and a date, place or count, and is not a
hypothesis, a negation or a habit. An act told as done with no date words ("Hezbollah
condemned the strikes") is dated by the report: the publication's month. A stated intent
("vowed to retaliate", "said it would withdraw") is a THREATEN for hostile acts and an
AGREE for others; "said X must ..." is a REQUEST; "claimed that X attacked" an ACCUSE;
"would not accept" a REJECT. Mentions of one occurrence (same type, a shared participant,
compatible dates, no different place or toll) are merged; the first evidence stays.
Everything is one pass over the tokens plus bounded walks along the parse: linear in the
document.

The modules, one step each:

- `lexicon`: patterns/events.yaml as lookup tables; the mended verb lemma.
- `triggers`: which words name an event, and of which type.
- `light_verbs`: noun triggers tied to the verbs that carry them out.
- `reality`: how the text tells the act (done, hypothetical, intended, refused, alleged).
- `roles`, `phrases`: who acts and who receives.
- `places`, `dates`: where and when.
- `counts`, `casualties`: how many killed and wounded, and which assault they belong to.
- `merge`: mentions of one occurrence as one event.
- `evidence`: the text span an event is shown with.
- `extractor`: the pass that runs the steps and turns candidates into events.
- `candidates`, `syntax`: the records the steps share, and shared walks along the parse.
"""

from linkchart.extract.events.candidates import Candidate, Trigger
from linkchart.extract.events.extractor import EventExtractor, extract_events
from linkchart.extract.events.lexicon import Lexicon, Spec, load_lexicon

__all__ = ["extract_events", "load_lexicon", "EventExtractor", "Lexicon", "Spec", "Trigger",
           "Candidate"]
