"""The coder's sentence logic: one happening is one event per article (citing each sentence
that mentions it), a verb of saying is the source of what it reports and an event only as a
political act, and a happening takes its own date, not its saying's. Sentences and
articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from conflict_timeline import extract
from conflict_timeline.extraction import code_document, extract_document
from conflict_timeline.ingest import read_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "news"


def _events(text: str, dct: str):
    doc = read_text(text, overrides={"published": dct, "genre": "news"})
    return extract_document(doc).events


def _rows(text: str, dct: str) -> list[dict]:
    return extract(text, dct=dct, genre="news")


def test_headline_lead_and_recap_of_one_attack_are_one_event_citing_each():
    text = ("Gunmen attacked a police post near Kidal on Saturday, killing four officers, the army said.\n\n"
            "The attack began shortly before dawn, a security source said.\n\n"
            "The assault on the post was the third this month.")
    events = _events(text, "1994-03-14")
    assert [(e.event_type, e.date.edtf) for e in events] == [("ASSAULT", "1994-03-12")]
    cited = [c["evidence"] for c in events[0].evidence_rows()]
    assert len(cited) == 3 and cited[0].startswith("Gunmen attacked")
    assert events[0].fatalities_low == 4


def test_a_separate_or_another_attack_is_its_own_event():
    text = ("Rebels shelled the town of Kaga on Friday, residents said. "
            "In a separate attack on Friday, militiamen burned a market near the river.")
    assert len([r for r in _rows(text, "1999-07-10") if r["event_type"] == "ASSAULT"]) == 2


def test_sourcing_is_not_an_event_the_happening_carries_the_speaker():
    rows = _rows("The ministry of defence said 12 soldiers were killed when a mine exploded under their truck on "
                 "Thursday, according to the agency.", "1987-11-21")
    assert {r["event_type"] for r in rows} == {"ASSAULT"}
    assert rows[0]["modality"] == "reported"
    assert "STATEMENT" not in {r["event_type"] for r in _rows("Police said the convoy reached the camp, a witness "
                                                               "told the newspaper.", "1987-11-21")}


def test_a_vow_or_an_announced_plan_is_a_political_act():
    rows = _rows("Commander Tomas Varga said his fighters would keep attacking the garrison until it surrendered.",
                 "1993-05-02")
    assert [r["event_type"] for r in rows] == ["THREATEN"]
    assert rows[0]["date_edtf"] == "1993-05-02" and rows[0]["date_source"] == "document"


def test_a_claim_of_responsibility_is_a_statement_beside_the_attack():
    rows = _rows("The Liberation Front claimed responsibility for the bombing of the railway bridge on Sunday.",
                 "1979-09-03")
    assert "STATEMENT" in {r["event_type"] for r in rows}
    assert "STATEMENT" not in {r["event_type"] for r in _rows("No group has claimed responsibility.", "1979-09-03")}


def test_a_first_person_quoted_request_is_the_speakers_act():
    rows = _rows("\"We call on both armies to stop the shelling,\" said Maria Okonjo, the regional director.",
                 "2001-02-02")
    assert [r["event_type"] for r in rows] == ["REQUEST"]
    assert rows[0]["actor1"] == rows[0]["speaker"] is not None


def test_the_sayings_date_is_not_the_happenings():
    text = ("At least 18 villagers were killed in an air raid on the market of Tawila, a relief agency said on Monday. "
            "The raid on Sunday hit the market at midday.")
    events = _events(text, "2004-08-10")
    assert [(e.event_type, e.date.edtf) for e in events] == [("ASSAULT", "2004-08-08")]
    assert len(events[0].evidence_rows()) == 2


def test_a_happening_told_only_with_its_sayings_date_keeps_it():
    rows = _rows("Two soldiers were killed in an ambush near the border, the army said on Monday.", "2004-08-10")
    assert [(r["event_type"], r["date_edtf"]) for r in rows] == [("ASSAULT", "2004-08-09")]


def test_an_undated_reported_happening_takes_the_storys_date():
    text = ("Troops shelled rebel positions outside Jaffna on Tuesday, the military said. "
            "Elsewhere in the north, the military said, eight rebels were killed in clashes near the lagoon.")
    rows = _rows(text, "1995-11-02")
    assert [(r["event_type"], r["date_edtf"], r["date_source"]) for r in rows] == \
        [("ASSAULT", "1995-10-31", "relative"), ("ASSAULT", "1995-10-31", "narrative")]


def test_it_happened_dates_the_happening_just_told():
    text = ("Dozens of pupils were abducted from a boarding school in the west, officials said. "
            "It happened on Monday morning, when gunmen stormed the dormitories.")
    rows = _rows(text, "2018-11-07")
    assert [(r["event_type"], r["date_edtf"]) for r in rows] == [("COERCE", "2018-11-05")]


def test_a_habit_is_no_event():
    assert _rows("Bandits usually attack the buses on this road, residents said.", "2010-01-04") == []


def test_a_clock_time_is_no_year():
    rows = _rows("The bomb exploded at about 1450 (1050 GMT) on Sunday near the police station.", "2005-07-24")
    assert [r["date_edtf"] for r in rows] == ["2005-07-24"]
    assert not _rows("Police found the car in the 1500 block of Fayette Street.", "2015-04-20")


def test_a_past_toll_this_month_runs_to_the_report():
    rows = _rows("At least 62 soldiers have been killed this month in the province.", "2010-06-22")
    assert [(r["date_start"].isoformat(), r["date_end"].isoformat()) for r in rows] == [("2010-06-01", "2010-06-22")]


def test_occurrences_are_kept_apart_for_the_dating_benchmarks():
    doc = read_text("Officials said on Tuesday that the border crossing would stay closed.",
                    overrides={"published": "1990-08-08", "genre": "news"})
    events, dated, _ = code_document(doc)
    assert not any(e.event_type == "OCCURRENCE" for e in events)
    assert any(d.date.edtf == "1990-08-07" for d in dated)


def test_every_cited_sentence_is_an_event_sources_row(tmp_path):
    from conflict_timeline.package.tables import build_tables

    text = ("Militants stormed an army base near Gao on Wednesday, killing nine soldiers, officials said.\n\n"
            "The raid on the base lasted three hours.")
    result = extract_document(read_text(text, overrides={"published": "2012-06-21", "genre": "news"}))
    tables = build_tables([result])
    assert len(tables["events"]) == 1
    cited = tables["event_sources"]
    assert len(cited) == 2 and {r["event_id"] for r in cited} == {tables["events"][0]["event_id"]}
    assert tables["sources"][0]["event_count"] == 1


def test_fixture_gold_mentions_are_sentences_of_their_articles():
    for gold in sorted((FIXTURES / "gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        body = (FIXTURES / "articles" / data["file"]).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for event in data["events"]:
            assert all(body.count(m) == 1 for m in event["mentions"]), (gold.name, event["id"])


def test_two_triggers_of_one_sentence_that_tell_one_happening_are_one_event():
    rows = extract("In the western town of Haditha, at least 14 insurgents were killed in US airstrikes on Monday.",
                   dct="2016-10-27")
    assaults = [r for r in rows if r["event_type"] == "ASSAULT"]
    assert len(assaults) == 1
    assert (assaults[0]["actor1"], assaults[0]["fatalities_low"]) == ("state-usa", 14)  # the fuller of the two kept


def test_a_verbal_act_told_in_the_passive_by_nobody_is_no_event():
    rows = extract("Near daily attacks in Derna have killed dozens of soldiers since May. "
                   "The attacks have been blamed on radical Islamist militias.", dct="2014-06-16")
    assert not any(r["event_type"] == "ACCUSE" for r in rows)
    rows = extract("The army blamed radical Islamist militias for the attacks in Derna on Monday.", dct="2014-06-16")
    assert any(r["event_type"] == "ACCUSE" for r in rows)


def test_a_days_toll_over_a_wave_of_attacks_is_a_tally_and_its_parts_are_attacks():
    """ "killed on Monday in a crash and a spate of attacks" counts several happenings: one
    CASUALTIES event, not an attack; the sentences that tell one of them each are attacks."""
    text = ("Nine soldiers were killed on Monday in a helicopter crash and a spate of attacks in the south. "
            "Two of the soldiers were killed in a roadside bombing near Tarin Kot. "
            "Three were killed in separate ambushes in the east, officials said.")
    events = _events(text, "2003-05-13")
    kinds = [(e.event_type, e.fatalities_low) for e in events]
    assert kinds[0] == ("CASUALTIES", 9)
    assert ("ASSAULT", None) not in kinds  # "a spate of attacks" is the tally's, no attack of its own
    assert ("ASSAULT", 2) in kinds and ("ASSAULT", 3) in kinds
    assert len(events) == 3  # "killed" and "bombing" in one sentence are one attack


def test_a_sum_of_one_days_dead_is_the_attacks_toll():
    rows = _rows("Gunmen raided the village of Kuru near Jos on Saturday, and 86 people altogether were killed.", "2004-06-21")
    assert [(r["event_type"], r["fatalities_low"]) for r in rows] == [("ASSAULT", 86)]


def test_an_armed_groups_spokesman_telling_its_own_attack_claims_it():
    """GUIDELINES: a claim of responsibility is a STATEMENT beside the attack it claims; the
    same spokesman telling the other side's attack only reports it."""
    own = _rows("Al-Shabaab spokesman Ali Dhere said al-Shabaab fighters attacked the base near Afgoye on Tuesday.",
                "2009-03-12")
    assert sorted(r["event_type"] for r in own) == ["ASSAULT", "STATEMENT"]
    other = _rows("Al-Shabaab spokesman Ali Dhere said government troops shelled the market in Afgoye on Tuesday.",
                  "2009-03-12")
    assert [r["event_type"] for r in other] == ["ASSAULT"] and other[0]["modality"] == "reported"


def test_a_tally_over_the_past_days_runs_back_from_the_day_it_is_told():
    rows = _rows("At least 30 people were killed in the past two days in the capital, the Red Cross said on Friday.",
                 "1997-05-10")
    assert [(r["event_type"], r["date_edtf"]) for r in rows] == [("CASUALTIES", "1997-05-08/1997-05-09")]


def test_a_quoted_plan_is_coded_as_the_planned_happening_not_beside_a_statement():
    rows = _rows('"The peace talks with the government troops will continue," rebel envoy Omar Haji said on Monday.',
                 "2001-04-17")
    assert [(r["event_type"], r["modality"]) for r in rows] == [("CONSULT", "planned")]
    vow = _rows('"We will not stop until the city is free," General Ali Fathi said.', "2001-04-17")
    assert [r["event_type"] for r in vow] == ["STATEMENT"]


def test_what_is_seized_within_an_attack_is_part_of_its_event_unless_dated_apart():
    """GUIDELINES: weapons seized, attackers caught within one operation are part of its event,
    unless the text gives them a time, place or toll of their own."""
    text = ("Gunmen attacked the police station in Mocuba on Thursday, killing two officers. "
            "The police also seized two assault rifles and three machetes from the raiders.")
    events = _events(text, "1996-10-05")
    assert [(e.event_type, e.fatalities_low) for e in events] == [("ASSAULT", 2)]
    assert len(events[0].evidence_rows()) == 2
    later = _events("Gunmen attacked the police station in Mocuba on Thursday, killing two officers. "
                    "Police arrested four of the attackers in Nampula on Saturday.", "1996-10-07")
    assert sorted(e.event_type for e in later) == ["ASSAULT", "COERCE"]


def test_a_closing_according_to_with_an_apposition_reports_and_a_threat_is_made():
    rows = _rows("At least 54 people were killed in violence across the country on Saturday, according to the "
                 "monitoring group, which relies on a network of sources.", "2003-02-10")
    assert rows[0]["modality"] == "reported"
    threat = _rows("Commander Tomas Varga added the militia would continue attacking the garrison.", "1993-05-02")
    assert [(r["event_type"], r["modality"]) for r in threat] == [("THREATEN", "asserted")]


def test_a_weekday_of_a_happening_told_in_the_past_is_not_after_the_report():
    """GUIDELINES: "on Thursday" is the last Thursday on or before the publication date unless
    the tense says it is to come; Wednesday's paper tells of last Thursday's killing."""
    rows = _rows("Soldiers killed two farmers near the river on Thursday, officials said. "
                 "The two ministers will hold talks in the capital on Thursday.", "2012-11-07")
    dates = {r["event_type"]: (r["date_edtf"], r["modality"]) for r in rows}
    assert dates["ASSAULT"] == ("2012-11-01", "reported")
    assert dates["CONSULT"] == ("2012-11-08", "planned")
    rows = _rows("Some 400 police officers will be deployed in the port starting on Thursday.", "2012-11-07")
    assert [(r["event_type"], r["date_edtf"], r["modality"]) for r in rows] == [("MOBILIZE", "2012-11-08", "planned")]


def test_an_infinitive_of_purpose_is_not_the_sentences_happening():
    rows = _rows("Rebel fighters withdrew from the town of Kaya on Monday to attack the army elsewhere, officials said.",
                 "2004-03-09")
    assert [r["event_type"] for r in rows] == ["RETREAT"]


def test_a_country_after_in_and_an_adjective_is_where_not_whom():
    rows = _rows("The rebel leader died in air strikes in neighboring Ecuador on Saturday, the minister said.", "2008-03-02")
    assert rows and rows[0]["actor2"] != "state-ecu" and rows[0]["country"] == "ECU"


def test_an_armed_groups_description_in_a_relative_clause_is_no_claim():
    rows = _rows("The Lord's Resistance Army, which is fighting in the north, says it does not accept the "
                 "government's offer of talks.", "2009-05-04")
    assert "STATEMENT" not in {r["event_type"] for r in rows}


def test_generic_agents_of_one_kind_can_be_one_party_named_ones_only_when_one():
    from conflict_timeline.events.actors import Actor
    from conflict_timeline.events.coref import generic_alike

    actors = {a.actor_id: a for a in (
        Actor("agent-ken-police", "police", "state", "KEN"), Actor("agent-ken-policeman", "policemen", "state", "KEN"),
        Actor("agent-ken-gunman", "gunmen", "armed_group", "KEN"), Actor("agent-ken-attacker", "attackers", "armed_group", "KEN"),
        Actor("agent-ken-people", "people", "civilian", "KEN"), Actor("state-ken", "Kenya", "state", "KEN"),
        Actor("agent-uga-soldier", "soldiers", "state", "UGA"), Actor("shabaab", "al-Shabaab", "armed_group", "SOM"))}
    alike = lambda a, b: generic_alike(actors, a, b)  # noqa: E731
    assert alike("agent-ken-police", "agent-ken-policeman") and alike("agent-ken-gunman", "agent-ken-attacker")
    assert alike("agent-ken-police", "state-ken") and alike("state-ken", "agent-ken-police")
    assert alike("agent-ken-people", "agent-ken-police") and alike("agent-ken-people", "state-ken")
    assert alike(None, "shabaab") and alike("shabaab", "shabaab")
    assert not alike("agent-ken-gunman", "agent-ken-police")  # the doers are not their victims
    assert not alike("agent-ken-police", "agent-uga-soldier")  # another country's forces
    assert alike("agent-ken-gunman", "shabaab")  # fighters of one article and the group it names
    assert not alike("agent-ken-police", "shabaab") and not alike("state-ken", "shabaab")


def test_a_retelling_that_names_the_victims_otherwise_joins_the_lead():
    text = ("Gunmen stormed a police post in Garissa on Tuesday, killing four people, officials said.\n\n"
            "Three policemen were among the dead, a police spokesman said.\n\n"
            "The attackers fled towards the border.")
    events = _events(text, "2015-04-08")
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].date.edtf == "2015-04-07"


def test_the_happening_a_comparison_recalls_is_an_aside_not_the_story():
    text = ("A car bomb killed 14 people at a bus station in Kirkuk on Monday.\n\n"
            "It was the deadliest attack since a suicide bomber struck a wedding in the city in March.\n\n"
            "The blast shattered windows across the square.")
    events = _events(text, "2009-06-16")
    dates = sorted(e.date.edtf for e in events if e.event_type == "ASSAULT")
    assert dates == ["2009-03", "2009-06-15"]
    monday = next(e for e in events if e.date.edtf == "2009-06-15")
    assert any("shattered" in c["evidence"] for c in monday.evidence_rows())


def test_a_determiner_of_the_victims_does_not_make_the_attack_a_new_one():
    text = ("Militants attacked an army post near Gao on Thursday, killing nine soldiers, the army said.\n\n"
            "The toll of this attack shows a dozen soldiers killed and six wounded, an officer said.")
    events = _events(text, "2019-11-08")
    assert [(e.event_type, e.date.edtf) for e in events] == [("ASSAULT", "2019-11-07")]


def test_an_operation_told_as_continuing_runs_from_the_storys_happening_to_the_report():
    text = ("Gunmen killed ten soldiers in an attack on a base near Gao on Thursday night, officials said on Friday.\n\n"
            "\"Security forces are continuing a combing operation in the area,\" an officer said.")
    events = _events(text, "2019-11-08")
    sweep = next(e for e in events if e.event_type == "MOBILIZE")
    assert (sweep.date.edtf, sweep.date.ongoing) == ("2019-11-07/2019-11-08", True)
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert (attack.date.edtf, attack.date.ongoing) == ("2019-11-07", False)


def test_a_protest_and_the_force_used_against_it_are_two_events():
    rows = _rows("Police fired tear gas to disperse hundreds of students who gathered to protest against "
                 "the new law in Gulu on Monday.", "2011-10-18")
    by_type = {r["event_type"]: r for r in rows}
    assert set(by_type) == {"COERCE", "PROTEST"}
    assert (by_type["PROTEST"]["actor1"], by_type["PROTEST"]["actor2"]) == (by_type["COERCE"]["actor2"], by_type["COERCE"]["actor1"])
    rows = _rows("Police shot dead two protesters in Gulu on Monday.", "2011-10-18")
    assert [r["event_type"] for r in rows] == ["ASSAULT"]  # "protesters" names the victims, not a protest


def test_the_when_clause_of_a_since_date_tells_that_days_happening():
    rows = _rows("The rebels and the army have been trading strikes since Jan. 11, when the army joined the allies "
                 "to strike several rebel targets near Gulu.", "2011-10-18")
    assert sorted((r["event_type"], r["date_edtf"]) for r in rows) == [
        ("ASSAULT", "2011-01-11"), ("ASSAULT", "2011-01-11/2011-10-18")]


def test_the_days_attack_is_not_merged_into_a_count_of_attacks_over_weeks():
    text = ("Pirates fired two rockets at a tanker off the coast, the navy said.\n\n"
            "The tanker sailed on to Mombasa, the navy said.\n\n"
            "Since March 3, the pirates have attacked ships at least nine times, according to a tally "
            "kept by the coast guard.")
    events = _events(text, "2009-04-20")
    dates = sorted(e.date.edtf for e in events if e.event_type == "ASSAULT")
    assert dates == ["2009-03-03/2009-04-20", "2009-04-20"]


def test_since_then_runs_from_the_storys_last_happening_to_the_report():
    text = ("Rebels overran an army base near Kindu on 12 May, killing nine soldiers.\n\n"
            "The rebels are led by a former colonel.\n\n"
            "Since then, clashes between the rebels and the army have spread to three districts.")
    events = _events(text, "1998-05-30")
    assert ("ASSAULT", "1998-05-12/1998-05-30") in [(e.event_type, e.date.edtf) for e in events]


def test_a_denial_is_a_reject_and_what_it_denies_is_no_event_of_its_own():
    rows = _rows("Ugandan army officials denied shelling the camp near Gulu on Monday.", "2004-02-24")
    assert [(r["event_type"], r["date_edtf"]) for r in rows] == [("REJECT", "2004-02-24")]
    rows = _rows("Rebel commanders denied on Monday that their men had burned the village.", "2004-02-24")
    assert [(r["event_type"], r["date_edtf"]) for r in rows] == [("REJECT", "2004-02-23")]


def test_conflicting_tolls_of_one_happening_give_its_low_and_high():
    events = _events("Gunmen killed five villagers in Kaga on Sunday, the army said.\n\n"
                     "The attack on Kaga killed seven people, a rights group said.", "2004-03-09")
    assert [(e.event_type, e.fatalities_low, e.fatalities_high) for e in events] == [("ASSAULT", 5, 7)]
