"""The seed article (shared/seed), field by field: what a user expects from it."""


import pytest

from conftest import SHARED
from rasd.document import read_text_file
from rasd.pipeline import extract

SEED = sorted((SHARED / "seed").glob("*.txt"))
pytestmark = pytest.mark.skipif(not SEED, reason="shared/seed not present")


@pytest.fixture(scope="module")
def records(kb):
    return extract(read_text_file(str(SEED[0])), kb)


def test_exactly_three_events(records):
    evs = [r for r in records if r["kind"] == "event"]
    assert len(evs) == 3


def _event(records, needle):
    return next(r for r in records if r["kind"] == "event" and needle in (r["location"] or ""))


def test_ain_al_asad_drone_attack(records):
    e = _event(records, "Asad")
    assert e["event_date"] == "2023-12-11" and e["time_precision"] == 1
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert e["country_code"] == "IQ" and e["admin1"] == "Anbar"
    assert abs(e["latitude"] - 33.8) < 0.3 and abs(e["longitude"] - 42.44) < 0.3
    assert e["actor1"] == "Islamic Resistance in Iraq" and e["actor1_basis"] == "claimed"
    assert "Coalition" in e["actor2"]
    assert e["weapon"] == "drone"
    assert e["fatalities"] == 0 and e["injuries"] == 0  # "دون التسبب في وقوع إصابات": zero, not unknown


def test_al_shaddadi_rockets(records):
    e = _event(records, "Shaddadi")
    assert e["event_date"] == "2023-12-11"
    assert e["sub_event_type"] == "Shelling/artillery/missile attack" and e["weapon"] == "rocket"
    assert e["country_code"] == "SY" and "Hasak" in e["admin1"]
    assert e["actor1"] == "Islamic Resistance in Iraq" and e["actor1_basis"] == "claimed"
    assert e["fatalities"] is None and e["injuries"] is None  # the text does not say


def test_embassy_rockets_perpetrator_unknown(records):
    e = next(r for r in records if r["kind"] == "event" and r["event_date"] == "2023-12-08")
    assert e["country_code"] == "IQ" and e["weapon"] == "rocket"
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert abs(e["latitude"] - 33.30) < 0.1 and abs(e["longitude"] - 44.39) < 0.1
    assert e["actor1"] is None and e["actor1_basis"] is None
    assert "United States" in e["actor2"]
    assert e["fatalities"] is None


def test_two_tallies(records):
    tallies = sorted((r for r in records if r["kind"] == "tally"), key=lambda r: r["count"])
    assert [(t["count"], t["at_least"]) for t in tallies] == [(5, True), (92, True)]
    assert tallies[1]["period_start"] == "2023-10-17"
    assert tallies[0]["period_start"] == tallies[0]["period_end"] == "2023-12-08"
    assert set(tallies[1]["country_codes"]) == {"IQ", "SY"}


def test_october_war_is_background(records):
    bg = [r for r in records if r["kind"] == "background"]
    assert any(r["event_date"] == "2023-10-07" for r in bg)
    assert all(r["event_date"] < "2023-12-05" for r in bg)


def test_every_record_has_evidence_and_notes(records):
    for r in records:
        assert r["evidence"] and r["doc_id"] and r["input"].endswith(".txt")
        if r["kind"] == "event":
            assert r["notes"].startswith("On ")
