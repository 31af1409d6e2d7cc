"""A Doc made by the pipeline keeps the exact text it was made from."""

from linkchart.nlp.tokenizer import text_of

TEXTS = ["Two  spaces,\ta tab\r\nand a Windows line end. ",
         " A leading space, a\u00a0no-break space, “quotes” and an em dash — here.\n\n", ""]


def test_a_doc_remembers_its_text_and_it_is_spacys(mini_nlp):
    for text, doc in zip(TEXTS, mini_nlp.pipe(TEXTS)):
        assert doc._.source_text is text
        assert text_of(doc) == doc.text == text


def test_a_doc_made_elsewhere_falls_back_to_spacys_text(mini_nlp):
    doc = mini_nlp.tokenizer("Made by the tokenizer alone.")
    assert doc._.source_text is None
    assert text_of(doc) == "Made by the tokenizer alone."
