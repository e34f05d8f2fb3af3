"""Where events happened: towns, regions, countries and coordinates, on sentences and articles
written for these tests (other wars, outlets and decades than the shared articles)."""

from __future__ import annotations

import pytest

from conflict_timeline import extract
from conflict_timeline.errors import LexiconError
from conflict_timeline.events import gazetteer
from conflict_timeline.events.geocode import ArticlePlaces, person_names
from conflict_timeline.events.localities import find_localities
from conflict_timeline.events.sentences import split_sentences

DCT = "2014-03-10"


def _first(text: str, dct: str = DCT, **kw) -> dict:
    rows = extract(text, dct=dct, genre="news", **kw)
    assert rows, "an event is coded"
    return rows[0]


def _place(row: dict) -> tuple:
    return row["country"], row["location"], row["geo_precision"]


def test_an_ap_dateline_with_a_state_abbreviation_places_a_small_us_town():
    row = _first("WINCHESTER, Ky. (AP) — A man was shot dead outside a bar on Saturday, police said.")
    assert _place(row) == ("USA", "Winchester", "city")
    assert 37 < row["latitude"] < 39 and -85 < row["longitude"] < -83  # Kentucky, not Hampshire


@pytest.mark.parametrize("text, state", [
    ("Police said a man was shot on Friday in the 1500 block of Main Street in Springfield, Ill.", "US.IL"),
    ("A woman was wounded Sunday in a drive-by shooting in Springfield, Mass., police said.", "US.MA"),
    ("Two men were shot on Friday night in Springfield, MO, according to police.", "US.MO"),
    ("A deputy was shot Tuesday in Springfield, Oregon, the sheriff said.", "US.OR"),
])
def test_a_state_after_the_town_picks_the_town_of_that_state(text, state):
    row = _first(text)
    assert row["location"] == "Springfield" and row["country"] == "USA"
    assert any(abs(row["latitude"] - p.latitude) < 1e-3 and p.admin1 == state for p in gazetteer.cities("Springfield"))


def test_the_longest_name_wins():
    assert _place(_first("Two officers were shot Sunday in Jersey City, police said.")) == ("USA", "Jersey City", "city")


@pytest.mark.parametrize("text, country, location", [
    ("Gunmen killed nine farmers on Tuesday in Borno State, officials said.", "NGA", "Borno State"),
    ("Militants attacked an army base on Monday in the Lower Shabelle region.", "SOM", "Lower Shabelle"),
    ("Rebels shelled villages in Idlib province on Sunday, activists said.", "SYR", "Idlib"),
    ("A tornado of violence: three people were shot dead on Sunday in rural Kentucky.", "USA", "Kentucky"),
])
def test_provinces_and_states_are_admin1_places_with_coordinates(text, country, location):
    row = _first(text)
    assert _place(row) == (country, location, "admin1")
    assert row["latitude"] is not None and row["longitude"] is not None


def test_a_county_is_an_admin2_place():
    row = _first("A hunter was shot dead on Saturday in Whatcom County, the sheriff said.")
    assert _place(row) == ("USA", "Whatcom County", "admin2")
    assert 48 < row["latitude"] < 49.5


@pytest.mark.parametrize("text, county, state", [
    ("CHARLESTON, W.Va. -- A Harrison County man was charged Friday with shooting two neighbours at a trailer park.",
     "Harrison County", "US.WV"),
    ("A burglar was shot dead by a homeowner on Thursday, Warren County deputies said.\n\n"
     "Vicksburg police said the man had broken in through a back window.", "Warren County", "US.MS"),
])
def test_a_county_many_states_have_is_the_one_of_the_state_the_other_places_share(text, county, state):
    places = ArticlePlaces(text, split_sentences(text))
    found = [r.place for located in places.resolved.values() for r in located if r.place.name == county]
    assert found and {p.admin1 for p in found} == {state}


@pytest.mark.parametrize("text, kind", [
    ("Four people were shot in southeast Washington early Sunday, police said.", "city"),
    ("A deputy was shot on Sunday in eastern Washington, the sheriff said.", "admin1"),
    ("Two men were shot on Sunday in southeast Texas, police said.", "admin1"),
])
def test_a_compass_word_before_a_state_named_like_a_large_city_points_within_the_city(text, kind):
    assert _first(text)["geo_precision"] == kind


def test_a_region_refines_to_the_one_town_of_it_the_article_names():
    text = ("Government jets bombed a rebel-held town in the province of Idlib on Sunday, killing 11 people.\n\n"
            "Activists said the raid hit a market in the town of Binnish.")
    bombed = next(r for r in extract(text, dct=DCT, genre="news") if "jets bombed" in r["evidence"])
    assert _place(bombed) == ("SYR", "Binnish", "city")


def test_a_surname_is_no_country():
    text = ("A woman shot her husband at their home near Bellingham, Wash., on Sunday, deputies said.\n\n"
            "Sgt. Chad Jordan said the woman called 911 herself.\n\n"
            "Jordan told responders at the scene she had shot him after an argument.")
    rows = extract(text, dct=DCT, genre="news")
    assert {r["country"] for r in rows} == {"USA"}
    assert "Jordan" in person_names(text) and "Chad" in person_names(text)


def test_a_weapon_made_abroad_names_no_place():
    row = _first("A Russian-made rocket hit a school in the Colombian town of Tumaco on Monday.")
    assert _place(row) == ("COL", "Tumaco", "city")


def test_a_nationality_names_no_place():
    text = ("Syrian troops and Iranian advisers shelled the town of Daraya on Friday, the opposition said.")
    assert _place(_first(text)) == ("SYR", "Daraya", "city")


def test_a_border_is_named_not_where_it_happened():
    row = _first("Gunmen killed 14 soldiers on Thursday at a post in northern Mali near the Niger border.")
    assert row["country"] == "MLI"


def test_the_wire_dateline_is_the_filing_place_not_the_events():
    text = ("BEIRUT, Jan 4 (Reuters) - Government aircraft bombed the town of Douma near Damascus on Saturday, "
            "killing 12 people, a monitoring group said.")
    assert _place(_first(text, dct="2014-01-04")) == ("SYR", "Douma", "city")


def test_the_dateline_gives_a_local_story_its_place():
    text = ("CHICOPEE, Mass. (AP) — A man was shot in the leg outside a convenience store early Sunday.\n\n"
            "The victim was taken to a hospital with injuries that were not life-threatening, police said.")
    rows = extract(text, dct=DCT, genre="news")
    assert {(r["country"], r["location"]) for r in rows} == {("USA", "Chicopee")}


def test_an_event_without_a_place_of_its_own_takes_the_place_of_a_one_place_article():
    text = ("Three people were wounded in a shooting in Kokomo on Saturday night.\n\n"
            "Kokomo police said the gunman fled in a car.\n\n"
            "A 20-year-old man was arrested on Sunday, officers said.")
    arrested = next(r for r in extract(text, dct=DCT, genre="news") if "arrested" in r["evidence"])
    assert (arrested["country"], arrested["location"]) == ("USA", "Kokomo")


def test_an_article_about_many_places_lends_none_of_them():
    text = ("Insurgents attacked a police post in Kunduz on Monday, killing four officers.\n\n"
            "In Helmand, a roadside bomb killed two soldiers on Tuesday.\n\n"
            "Separately, gunmen abducted an aid worker on Wednesday, officials said.")
    abducted = next(r for r in extract(text, dct=DCT, genre="news") if "abducted" in r["evidence"])
    assert abducted["country"] == "AFG" and abducted["location"] is None


def test_a_state_named_like_a_country_is_the_state_in_a_us_article():
    text = ("A teenager was shot on Royal Street in Sylvester, Georgia, on Saturday.\n\n"
            "Police in Georgia are searching for the gunman.")
    rows = extract(text, dct=DCT, genre="news")
    assert {r["country"] for r in rows} == {"USA"}


def test_a_town_abroad_of_the_same_name_needs_its_country_named():
    # Woodbridge (Virginia, New Jersey, Ontario, England ...): a New Jersey story stays in New Jersey
    text = ("Police in Middlesex County, N.J., are investigating a shooting.\n\n"
            "A man was shot on Friday in Woodbridge, officers said.")
    shot = next(r for r in extract(text, dct=DCT, genre="news") if "Woodbridge" in r["evidence"])
    assert shot["country"] == "USA" and shot["location"] == "Woodbridge"
    assert 40 < shot["latitude"] < 41  # New Jersey, not Virginia (38.6) or California (38.2)


@pytest.mark.parametrize("text", [
    "The victim was taken to Morton Hospital where he died on Saturday.",
    "Shots were fired on Saturday at the Woodbridge apartment complex.",
    "Fighting resumed in March 2015 across the front.",
    "A man was shot on Saturday on South Green Street.",
    # a people or a faith before a kind word is no place
    "Clashes broke out in the Kurdish area on Friday.",
    "Militants attacked the Christian village on Monday.",
    "The army seized the Islamic State stronghold on Sunday.",
])
def test_streets_buildings_months_directions_peoples_and_faiths_are_no_towns(text):
    assert [loc.text for loc in find_localities(text)] == []


def test_the_red_sea_is_a_sea_not_a_sudanese_state_in_a_shipping_story():
    text = ("Yemen's Houthis fired two missiles at a cargo ship in the Red Sea on Monday, "
            "the U.S. military said.")
    row = _first(text)
    assert (row["location"], row["country"], row["latitude"]) == ("Red Sea", "YEM", None)


def test_a_gulf_named_after_a_town_is_the_water_not_the_town():
    row = _first("A drone attacked a tanker on Friday as it sailed through the Gulf of Oman.")
    assert (row["location"], row["latitude"]) == ("Gulf of Oman", None)
    assert [loc.text for loc in find_localities("Fighting spread to Lake Charles on Monday.")] == ["Lake Charles"]


@pytest.mark.parametrize("text, location", [
    ("Rebels overran the village of Qaryat Zubda on Tuesday, residents said.", "Qaryat Zubda"),
    ("Soldiers were ambushed near the small town of Ketebo on Friday.", "Ketebo"),
    ("Two militiamen were killed in Wadi Harfa village on Sunday.", "Wadi Harfa"),
    ("Gunmen raided a hamlet known as Tel Marqo on Saturday.", "Tel Marqo"),
    ("Troops shelled Dorali County on Monday, the governor said.", "Dorali"),
])
def test_a_place_the_gazetteer_lacks_is_named_by_its_kind_without_coordinates(text, location):
    row = _first(text)
    assert row["location"].startswith(location) and row["latitude"] is None and row["geo_precision"] in ("country", None)


def test_the_district_of_a_name_is_the_district_of_the_gazetteer():
    row = _first("Troops captured a rebel camp in the northern district of Mannar on Friday.")
    assert (row["location"], row["geo_precision"]) == ("Mannar", "admin2")


@pytest.mark.parametrize("text, word, field, expected", [
    # a site named once by its kind is that place when named again
    ("Government troops reached the town of Bekoro on Monday.\n\n"
     "On Tuesday, rebels attacked Bekoro from the east, a spokesman said.", "attacked", "location", "Bekoro"),
    # a site takes the country of the article, not of the attackers
    ("Heavy fighting was reported around Beirut on Saturday, the Lebanese police said.\n\n"
     "On Sunday, Israeli troops captured the coastal town of Zahrani Bay after a day of fighting.", "captured", "country", "LBN"),
    # a sentence without a place takes the place of its paragraph
    ("Rebels shelled a market in Kandahar on Monday, killing three people. Gunmen later shot dead a boy, "
     "a police officer said.\n\nIn Baghlan, gunmen burned a school on Tuesday.", "boy", "location", "Kandahar"),
])
def test_a_rows_place_comes_from_its_article_as_the_text_names_it(text, word, field, expected):
    row = next(r for r in extract(text, dct=DCT, genre="news") if word in r["evidence"])
    assert row[field] == expected


def test_a_town_first_named_further_down_is_not_lent_to_what_comes_before_it():
    text = ("A car bomb killed nine people outside a ministry in Kabul on Monday, police said.\n\n"
            "The bomber drove the car into a checkpoint before noon, witnesses said.\n\n"
            "Troops are advancing on the town of Nawa Baraki, officials said.\n\n"
            "Insurgents were reported to be digging into Nawa Baraki.")
    drove = [r for r in extract(text, dct=DCT, genre="news") if "drove" in r["evidence"]]
    assert all(r["location"] in (None, "Kabul") for r in drove)


def test_article_places_are_resolved_once_and_deterministically():
    text = "WINCHESTER, Ky. (AP) — A man was shot Saturday.\n\nWinchester police said he would recover."
    a = ArticlePlaces(text, split_sentences(text))
    b = ArticlePlaces(text, split_sentences(text))
    assert a.main_country == b.main_country == "USA"
    assert a.main_place.place == b.main_place.place and a.main_place.place.admin1 == "US.KY"


def test_spellings_meet_in_the_gazetteer():
    assert gazetteer.cities("Kupwara")[0].country == "IND"  # GeoNames: Kupwāra
    assert gazetteer.cities("Dohuk")[0].country == "IRQ"  # an alternate name of Dihok
    assert gazetteer.cities("Fallujah")[0].country == "IRQ"  # "Al Fallūjah" without its article


def test_a_missing_gazetteer_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer, "GAZETTEER_DIR", tmp_path)
    with pytest.raises(LexiconError, match="cities.tsv.gz.*derive_gazetteer"):
        gazetteer._cities.__wrapped__()


def test_the_city_is_the_town_named_last_before_it():
    from conflict_timeline import extract

    rows = extract("Troops advanced on the town of Garissa on Monday. Some reports indicate that the rebels "
                   "have abandoned the city.", dct="2011-10-18", genre="news")
    assert [(r["event_type"], r["location"]) for r in rows] == [("MOBILIZE", "Garissa"), ("RETREAT", "Garissa")]
