"""rasd eval implements the dev-set scoring rules exactly (on hand-made gold/pred pairs)."""

import json

from rasd.evaluate import evaluate, name_matches


def write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


def gold_event(**kw):
    g = {"doc": "a.txt", "kind": "event", "event_date": "2024-01-01", "event_type": "Battles",
         "sub_event_type": ["Armed clash"], "country_code": "SY", "latitude": 35.0, "longitude": 40.0,
         "tol_km": 10, "actor1_any": None, "actor2_any": None, "fatalities": None, "injuries": None,
         "weapon": None, "optional": False}
    g.update(kw)
    return g


def pred_event(**kw):
    p = {"input": "a.txt", "kind": "event", "event_date": "2024-01-01", "event_type": "Battles",
         "sub_event_type": "Armed clash", "country_code": "SY", "latitude": 35.01, "longitude": 40.01,
         "time_precision": 1, "actor1": None, "actor2": None, "fatalities": None, "injuries": None, "weapon": None}
    p.update(kw)
    return p


def test_matching_rules(tmp_path):
    write(tmp_path / "g.jsonl", [gold_event(), gold_event(latitude=36.0, fatalities=3), gold_event(optional=True, latitude=34.0),
                                 {"doc": "a.txt", "kind": "tally", "count": 7}])
    write(tmp_path / "p.jsonl", [
        pred_event(),  # matches gold 1
        pred_event(latitude=36.3, fatalities=3),  # 33 km away: outside tol -> FP
        pred_event(latitude=34.0),  # matches the optional gold: not FP, not TP
        pred_event(latitude=30.0, time_precision=3),  # unmatched but precision 3: not FP
        pred_event(event_date="2024-01-02", latitude=36.0),  # wrong date -> FP
        {"input": "a.txt", "kind": "tally", "count": 7},
    ])
    rep = evaluate(str(tmp_path / "g.jsonl"), str(tmp_path / "p.jsonl"))
    assert (rep.tp, rep.fp, rep.fn) == (1, 2, 1)
    assert rep.tallies_found == rep.tallies_total == 1


def test_field_accuracy_counts_only_fields_the_gold_sets(tmp_path):
    write(tmp_path / "g.jsonl", [gold_event(actor1_any=["SDF", "قسد"], fatalities=0, weapon="mortar")])
    write(tmp_path / "p.jsonl", [pred_event(actor1="Syrian Democratic Forces", actor1_ar="قسد", fatalities=None, weapon="mortar")])
    rep = evaluate(str(tmp_path / "g.jsonl"), str(tmp_path / "p.jsonl"))
    assert rep.fields["actor1"] == [1, 1]
    assert rep.fields["fatalities"] == [0, 1]  # 0 is a value: null does not match it
    assert rep.fields["weapon"] == [1, 1]
    assert rep.fields["actor2"] == [0, 0]  # null gold: not scored


def test_name_matching_normalizes_arabic_and_case():
    assert name_matches(["المقاومة الإسلامية في العراق"], "X", "المقاومه الاسلاميه في العراق")
    assert name_matches(["Hamas"], "Hamas Movement", None)
    assert name_matches(["Islamic State"], "islamic state (ISIS)", None)
    assert not name_matches(["Hezbollah"], "Hamas", "حماس")
