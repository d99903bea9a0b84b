"""Batch fusion rules (the same rules the store applies one article at a time)."""

from rasd.store.fusion import actors_compatible, fuse, fuse_fields, match_score


def rec(**kw):
    r = {"event_date": "2024-03-05", "time_precision": 1, "country_code": "SY", "latitude": 35.93, "longitude": 36.63,
         "geo_precision": 1, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "actor1": None, "fatalities": None, "injuries": None, "source": "a", "published": "2024-03-05", "location": "Idlib"}
    r.update(kw)
    return r


def test_reports_of_one_strike_fuse_and_hard_negatives_do_not():
    records = [
        rec(source="a", fatalities=3, actor1="Military Forces of Russia"),
        rec(source="b", event_date="2024-03-05", latitude=35.94, longitude=36.64, published="2024-03-06", fatalities=7),
        rec(source="c", sub_event_type="Shelling/artillery/missile attack", published="2024-03-05", fatalities=4),
        rec(source="d", event_date="2024-03-09"),  # same town four days later: another strike
        rec(source="e", latitude=36.20, longitude=37.16, location="Aleppo"),  # same day, 60 km away
        rec(source="f", event_type="Protests", sub_event_type="Peaceful protest"),  # same place/day, other type
        rec(source="g", country_code="TR", latitude=36.2, longitude=36.16),  # across the border
    ]
    clusters = fuse(records)
    sizes = sorted(len(c.members) for c in clusters)
    assert sizes == [1, 1, 1, 1, 3]
    big = next(c for c in clusters if len(c.members) == 3)
    f = big.fields
    assert f["n_sources"] == 3 and f["actor1"] == "Military Forces of Russia"
    # ACLED: the lowest credible figure among the latest reports (the next-day update to 7 wins over
    # the same-day 3 and 4)
    assert f["fatalities"] == 7
    assert f["support"]["location"] == 3


def test_same_day_disagreement_keeps_the_lowest_figure():
    f = fuse_fields([rec(source="a", fatalities=5), rec(source="b", fatalities=3), rec(source="c", fatalities=None)])
    assert f["fatalities"] == 3 and f["support"]["fatalities"] == 1


def test_a_claim_beats_a_report_for_the_perpetrator():
    f = fuse_fields([rec(source="a", actor1="Unidentified Armed Group", actor1_basis="reported"),
                     rec(source="b", actor1="Islamic State (ISIS)", actor1_basis="claimed")])
    assert f["actor1"] == "Islamic State (ISIS)" and f["actor1_basis"] == "claimed"


def test_incompatible_perpetrators_do_not_fuse():
    assert match_score(rec(actor1="Hezbollah"), rec(actor1="Military Forces of Israel")) is None
    assert actors_compatible("Hamas", "Hamas") and actors_compatible(None, "Hamas")


def test_precision_widens_the_date_window():
    assert match_score(rec(), rec(event_date="2024-03-08")) is None
    assert match_score(rec(time_precision=2), rec(event_date="2024-03-08")) is not None


def test_an_unidentified_group_goes_with_a_named_one_which_wins():
    # one outlet could not name the attackers, another did: one incident, the name kept
    assert actors_compatible("Unidentified Armed Group", "Al-Shabaab")
    f = fuse_fields([rec(source="a", actor1="Unidentified Armed Group"), rec(source="b", actor1="Unidentified Armed Group"),
                     rec(source="c", actor1="Al-Shabaab")])
    assert f["actor1"] == "Al-Shabaab"
