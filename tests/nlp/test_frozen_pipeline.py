"""The loaded pipeline's objects are frozen out of the garbage collector's full scans."""

import gc


def test_loading_the_pipeline_freezes_its_objects(mini_nlp):
    assert gc.get_freeze_count() > 10_000  # the model's and packs' objects, not a handful
