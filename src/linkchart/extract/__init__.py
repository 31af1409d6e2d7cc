"""Pure extraction over an annotated spaCy Doc: entities, relations, events, attributions
(`linkchart.extract.extraction.extract`). The package itself imports nothing, so the store
can read the cue words (`extract.cues`) without loading spaCy."""
