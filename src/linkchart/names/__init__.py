"""Entity names: normalised keys, transliteration skeletons and the blocking keys an
entity is filed under. Below both `resolve` and `store`, which share them."""
