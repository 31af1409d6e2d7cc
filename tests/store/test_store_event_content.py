"""A directive's content (what was asked) is stored with its event and read back."""


def test_event_content_survives_the_store(store, sample):
    extraction = sample[0]
    event = extraction.events[0]
    text = extraction.document.text
    start = event.start
    end = min(event.end, start + 12)
    event.content, event.content_start, event.content_end = text[start:end], start, end
    store.add_extractions([extraction])
    stored = store.document(extraction.document.id)["events"][0]
    assert stored["content"] == text[start:end]
    assert text[stored["content_start"]:stored["content_end"]] == stored["content"]
    store.add_extractions(sample[1:])
    later = [e for d in sample[1:] for e in store.document(d.document.id)["events"]]
    assert later and all(e["content"] is None for e in later)
