"""The `events` stage: code the happenings of one article, sentence by sentence.

For each sentence: find triggers (lexicon), keep the main happening of the narration,
what a quoted speaker reports, and a death toll; give each its actors, place, modality
and the date of the time expression that governs it (not the date of the saying that
reports it). A verb of saying is the source of what it reports, an event only when it is a
political act of its speaker (sayings.py). The mentions of one happening in the article
then become one event (coref.py). Dated expressions that date no typed event
(`occurrences`: a saying's date, a date beside no trigger) are kept apart, for the TimeML
benchmarks, and are not published."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..timex import Timex
from .actors import ActorRegistry
from .clauses import Hit, clause_around, definite_reference, find_hits, inside, purpose_infinitive, quote_spans
from .coref import (DEFAULT, NONE, OWN, SAYING, Mention, one_undated_per_type, aggregate, anaphoric, compared, corefer, definite, generic_alike, given_cause, habitual, introduced,
                    marked_distinct)
from .dating import (calendar_date, document_date, from_timex, governing_timex, narrative_date, past_weekday, plausible,
                     relative_clauses, scene_time,
                     up_to)
from .landmarks import (SINCE_CLAUSE, SINCE_WORD, PERFECT, claimed_by_since, in_landmark, in_names, in_since_reference,
                        same_clause, toll_over, toll_since)
from .lexicon import event_types
from .modality import cue_before, governs, modality_of
from .geocode import ArticlePlaces
from .model import Event, EventDate
from .places import event_country
from .roles import assign_roles, find_speaker, group_of
from .sayings import acting_verb, claim_of_responsibility, hostile_types, own_voice, political_act, saying_dates
from .sentences import dateline_end, split_sentences
from .toll import find_toll, is_aggregate

#: Precisions a date must have to make an event of its own (a quarter or a season dates an
#: event only when it is the one expression that governs it).
CALENDAR_PRECISIONS = ("day", "month", "year")
#: Triggers weaker than this do not make an event of their own beside a stronger one.
SECONDARY_MIN_PRIORITY = 4
_COORDINATED = re.compile(r"(?:\band\s+(?:then\s+|also\s+)?|;\s*|,\s*(?:and\s+)?(?:later\s+|then\s+)?)$", re.I)
#: Happenings coordinated with the main one that are part of its operation ("stormed the centre and
#: besieged government buildings": one ASSAULT; GUIDELINES, what happens within one operation).
_ONE_OPERATION = {("ASSAULT", "COERCE")}
#: Between a "since" date and a trigger in the "when" clause that follows it ("since Jan. 11,
#: when the allies struck").
_WHEN_AFTER = re.compile(r"\s*,\s*when\b[^,;]*$", re.I)
_SINCE_WHEN = re.compile(r"\bsince\b[^,;]{1,40},\s*when\b[^,;]*$", re.I)
#: A trigger that names people ("protesters", "demonstrators"), not what they do.
_PEOPLE_NOUN = re.compile(r"(?:ers|ors)$", re.I)
_AND = re.compile(r"\band\s+(?:then\s+|also\s+)?$", re.I)
_PRESENT = re.compile(r"\b(?:is|are|am|continues?|remains?|keeps?)\s+(?:\w+\s+)?\w+ing\b|\b(?:is|are)\s+\w+ing\b", re.I)


#: what joins a protest to the demand it makes ("marched ... to demand", "demanding their pay",
#: "banners that called for"): the demand is the protest's, not a request of its own
_DEMAND_LINK = re.compile(r"(?:\bto|\band|\bthat|\bwhich|,)\s+$", re.I)


def _protest_demand(sentence: str, hit: Hit, hits: list[Hit]) -> bool:
    """Is a request the demand of a protest told before it in its sentence ("Residents marched
    on the town hall to demand protection", "blocked the road, burning tyres and demanding
    their salaries")? A protest's demand is part of the protest (GUIDELINES: PROTEST)."""
    return hit.type == "REQUEST" and any(
        h.type == "PROTEST" and h.start < hit.start and ";" not in sentence[h.end:hit.start] for h in hits) \
        and bool(_DEMAND_LINK.search(sentence[:hit.start]) or sentence[hit.start:hit.end].lower().endswith("ing"))


@dataclass(frozen=True)
class Article:
    """What the coder needs of a document."""

    source_id: str
    body: str
    dct: dt.date
    genre: str
    prose: tuple[tuple[int, int], ...] | None = None


def _protesters(events: list[Mention], protest_at: int, force_at: int, names: dict[str, str]) -> list[Mention]:
    """The protest's doers are whom the force was used against, and its target who used it
    ("police fired tear gas to disperse students who gathered to protest")."""
    force = next((m for m in events if m.event.trigger_start == force_at), None)
    if force is None or force.event.actor2 is None:
        return events
    for m in events:
        e = m.event
        if e.trigger_start == protest_at and e.event_type == "PROTEST":
            a1, a2 = force.event.actor2, force.event.actor1
            m.event = dataclasses.replace(e, actor1=a1, actor2=a2, summary=_summary(
                "PROTEST", m.trigger, names, a1, a2, e.speaker))
    return events


def art_news(article: "Article") -> bool:
    return article.genre == "news"


def _summary(event_type: str, trigger: str, names: dict[str, str], a1: str | None, a2: str | None, speaker: str | None) -> str:
    label = event_types()[event_type]["label"]
    who = names.get(a1, "") if a1 else ""
    whom = names.get(a2, "") if a2 else ""
    text = f"{label} ({trigger})"
    if who:
        text += f": {who}"
    if whom:
        text += f" → {whom}" if who else f": → {whom}"
    if speaker and speaker not in (a1, a2):
        text += f"; said by {names.get(speaker, speaker)}"
    return text


class Coder:
    def __init__(self, article: Article, timexes: list[Timex]):
        self.article = article
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self._timex_starts = [t.start for t in self.timexes]  # for a sentence's, by bisection
        self.registry = ActorRegistry()
        self.current: EventDate | None = None  # the narrative's time
        self._previous_person: str | None = None  # the last person named before this sentence
        self.fallback_country: str | None = None
        self.filed_on = article.dct  # the report's day: the dateline's when it gives one
        self.occurrences: list[Event] = []  # dated expressions that date no typed event (not published)
        self.dated: list[Event] = []  # every mention with a date, as its sentence dates it (before coref)
        self._said_day = document_date(article.dct)  # the day the current sentence's saying was made
        self._tally = False  # the current sentence's death toll counts a period's or a wave's dead

    def _filing_day(self, sentences: list[tuple[int, int]]) -> dt.date:
        """A wire dateline's day ("WARSAW, February 26 (Xinhua) --") is the day the story
        was written, which a later publication date (the next morning's) is not; undated
        statements are that day's. Only a day in the week up to the publication date counts."""
        dct = self.article.dct
        if not sentences:
            return dct
        start, end = sentences[0]
        filed = start + dateline_end(self.article.body[start:end])
        for t in self.timexes:
            found = calendar_date(t) if start <= t.start and t.end <= filed else None
            if found is not None and found[2] == "day" and dct - dt.timedelta(days=7) <= found[0] <= dct:
                return found[0]
        return dct

    def run(self) -> list[Event]:
        body = self.article.body
        sentences = split_sentences(body, self.article.prose)
        self.filed_on = self._filing_day(sentences)
        self.places = ArticlePlaces(body, sentences)
        self.fallback_country = self.places.main_country
        self.registry.country = self.fallback_country  # generic agents ("the police") are its
        mentions: list[Mention] = []
        for index, (start, end) in enumerate(sentences):
            mentions.extend(self._sentence(start, end, index))
        names = self._names()

        def summary(event_type, trigger, a1, a2, speaker):
            return _summary(event_type, trigger, names, a1, a2, speaker)

        self.dated = [m.event for m in mentions if m.strength > NONE]
        return corefer(mentions, self.article.dct, summary, infer_story=self.article.genre == "news",
                       alike=functools.partial(generic_alike, self.registry.actors))

    def _date_for(self, hit: Hit, sentence: str, offset: int, timexes: list[Timex], statement: bool,
                  present: bool, others: list[Hit] = (), named: list[Timex] = ()) -> tuple[EventDate | None, set[int]]:
        """The event's date and the start offsets of the time expressions it used. A date in a
        "since ..." clause with a happening of its own ("talks since Russia invaded on Thursday")
        is that happening's, and starts what a present perfect tells before it. `named` are the sentence's date words inside a happening's name."""
        dct = self.article.dct
        if hit.type != "CASUALTIES":  # a toll counted "since" a happening starts at its date
            claimed = [t for t in timexes if claimed_by_since(sentence, t.start - offset, hit, others)]
            timexes = [t for t in timexes if t not in claimed]
            since_date = self._perfect_since(hit, sentence, offset, claimed)
            if since_date is not None:
                return since_date
        since = SINCE_CLAUSE.search(sentence, 0, hit.start) if hit.type == "ONSET" else None
        if since is not None:
            # "for the third time since the war started": a reference to the onset, dated
            # only by a date of its own ("since the uprising began in May 2019")
            timexes = [t for t in timexes if t.start - offset >= since.start()]
            if not any(calendar_date(t) for t in timexes):
                return None, set()
        if hit not in others:  # a toll's own hit
            named = [*named, *in_names(sentence, offset, timexes, [hit])]
        if named and any(calendar_date(t) for t in timexes if t not in named):
            timexes = [t for t in timexes if t not in named]
        timex = governing_timex(timexes, offset + hit.start, sentence, offset)
        if timex is not None:
            date = from_timex(timex, sentence, offset, timexes, dct)
            if date is not None and date.ongoing and _WHEN_AFTER.match(sentence[timex.end - offset:hit.start]):
                # "since Jan. 11, when the allies struck": the clause tells what happened that day
                found = calendar_date(timex)
                date = EventDate(found[0], found[1], found[2], date.edtf.split("/")[0], date.text, date.source)
            if date is not None:
                span_end = timex.start + len(date.text) if date.text else timex.end
                return date, {t.start for t in timexes if timex.start <= t.start < max(span_end, timex.end)}
        if self.article.genre == "narrative":
            dated = [t for t in timexes if (calendar_date(t) or (0, 0, ""))[2] in CALENDAR_PRECISIONS]
            if dated:  # a history's sentence with a date: the story is at that date
                nearest = min(dated, key=lambda t: abs(t.start - offset - hit.start))
                date = from_timex(nearest, sentence, offset, timexes, dct)
                if date is not None:
                    return date, {nearest.start}
            if self.current is not None:
                return narrative_date(self.current), set()
        dated_elsewhere = any(calendar_date(t) for t in timexes)
        if in_landmark(sentence, hit, dated_elsewhere):
            return None, set()  # "in the weeks before Slepian was killed": a landmark, undated
        if hit.trigger is not None and not hit.trigger.speech and not _PRESENT.search(sentence) \
                and definite_reference(sentence, hit, subject=dated_elsewhere or not statement):
            # "under the agreement", "before his death", "the agreement is subject to approval", or
            # beside another clause's date "the accord was worked out by Annan, who named an envoy
            # on Thursday": told before, not on the report's day. What a speaker reports is news
            # ("The strike hit a school, the ministry said"), and so is what goes on ("the Russian
            # strikes are targeting ...").
            return None, set()
        if statement or present or event_types()[hit.type].get("verbal"):
            return document_date(self.filed_on), set()
        return None, set()

    def _perfect_since(self, hit: Hit, sentence: str, offset: int,
                       claimed: list[Timex]) -> tuple[EventDate, set[int]] | None:
        """ "Extremists have bombed two towns since Sinn Fein was expelled on Feb. 20": a
        happening told in the present perfect before a "since" clause has gone on from that
        clause's date to the report's."""
        dct = self.article.dct
        since = SINCE_WORD.search(sentence, hit.end)
        if since is None or not PERFECT.search(sentence, 0, hit.end) or PERFECT.search(sentence, since.start()):
            return None
        for t in claimed:
            inside_since = t.start - offset > since.start() \
                and not re.search(r"[,;]", sentence[since.start():t.start - offset])
            date = from_timex(t, sentence, offset, claimed, dct) if inside_since else None
            if date is not None and "/" not in date.edtf and date.end < dct:
                # the date stays the "since" clause's own happening's too (it is not used up)
                return EventDate(date.start, dct, date.precision, f"{date.edtf}/{dct.isoformat()}", date.text,
                                 date.source, True), set()
        return None

    @staticmethod
    def _renames_used(sentence: str, offset: int, t: Timex, timexes: list[Timex], used: set[int]) -> bool:
        opened = sentence.rfind("(", 0, t.start - offset)
        if opened < 0 or ")" in sentence[opened:t.start - offset]:
            return False
        span = calendar_date(t)
        for u in timexes:
            named = calendar_date(u) if u.start in used and u.end - offset <= opened else None
            if named is not None and not sentence[u.end - offset:opened].strip() \
                    and span[0] <= named[0] and named[1] <= span[1]:
                return True  # the same day, named coarser ("D-Day": 1944); "(December 8 in Asia)" is another
        return False

    def _uncovered(self, sentence: str, offset: int, timexes: list[Timex], used: set[int], hits: list[Hit],
                   taken: set[tuple[str, str]], named: list[Timex]) -> list[tuple[Hit, Timex]]:
        """Every calendar date of a sentence dates some event: a dated expression no event
        took gets the nearest trigger of its clause, or an OCCURRENCE of its own. A date's
        other name in brackets right after it ("June 6, 1944 (known as D-Day)") is that date."""
        out = []
        for t in timexes:
            found = calendar_date(t)
            if t.start in used or found is None or found[2] not in CALENDAR_PRECISIONS or t.type != "DATE" \
                    or t in named or self._renames_used(sentence, offset, t, timexes, used):
                continue
            lo, hi = clause_around(sentence, t.start - offset, t.end - offset)
            near = [h for h in hits if lo <= h.start < hi and not (h.trigger is not None and h.trigger.speech)]
            hit = min(near, key=lambda h: abs(h.start - (t.start - offset))) if near else None
            if hit is None:
                hit = Hit(t.start - offset, t.end - offset, None, inside(t.start - offset, quote_spans(sentence)),
                          False, 0, "OCCURRENCE")
            if (hit.type, t.value) in taken:
                continue
            taken.add((hit.type, t.value))
            used.add(t.start)
            out.append((hit, t))
        return out

    def _sentence(self, start: int, end: int, index: int) -> list[Mention]:
        art = self.article
        sentence = art.body[start:end]
        filed = start + dateline_end(sentence)  # the dateline's date is the filing, not a happening
        within = self.timexes[bisect.bisect_left(self._timex_starts, filed):bisect.bisect_right(self._timex_starts, end)]
        timexes = [t for t in within if t.end <= end and plausible(t, sentence, start, art.dct, art.genre)]
        last_person = self.registry.last_person
        self._previous_person = last_person
        mentions = self.registry.find(sentence, start)
        places = self.places.country_mentions(start)
        quotes = quote_spans(sentence)
        hits = find_hits(sentence)
        narration = [h for h in hits if not h.quoted]
        quoted = [h for h in hits if h.quoted]
        speech = [h for h in narration if h.trigger.speech]
        located = {(p.start, p.end) for p in places if p.located}
        subject = next((m.actor_id for m in mentions if (m.start, m.end) not in located and not inside(m.start - start, quotes)
                        and self.registry.actors[m.actor_id].kind not in ("media",)
                        and (not speech or m.start < start + speech[0].start)), None)
        speaker = find_speaker(self.registry, speech, mentions, sentence, start, places, last_person, subject) if speech else None
        toll = find_toll(sentence)
        present = bool(_PRESENT.search(sentence))

        chosen: list[tuple[Hit, bool]] = []  # (hit, reported)
        against = None  # (protest, force) trigger offsets: a protest and the force used against it
        source_took: set[int] = set()  # the time expressions that date a saying that is no event
        acts = sorted((h for h in narration if not h.trigger.speech and not _protest_demand(sentence, h, narration)),
                      key=lambda h: (purpose_infinitive(sentence, h), -h.priority, h.start))
        if acts:
            main = acts[0]
            chosen.append((main, governs(speech, main, sentence)))
            for other in sorted(acts[1:], key=lambda h: h.start):
                if other.priority >= SECONDARY_MIN_PRIORITY and other.type not in {h.type for h, _ in chosen} \
                        and not purpose_infinitive(sentence, other) \
                        and _COORDINATED.search(sentence[max(0, other.start - 12):other.start]) \
                        and not ((main.type, other.type) in _ONE_OPERATION
                                 and _AND.search(sentence[max(0, other.start - 12):other.start])):
                    chosen.append((other, governs(speech, other, sentence)))
            for other in sorted(acts[1:], key=lambda h: h.start):
                # A strong happening in a clause of its own ("..., with 56 killed since the
                # fighting erupted on Saturday") is an event beside the main one.
                if other.priority >= SECONDARY_MIN_PRIORITY and other.type not in {h.type for h, _ in chosen} \
                        and not purpose_infinitive(sentence, other) \
                        and not any(same_clause(sentence, h, other) for h, _ in chosen) \
                        and not inside(other.start, relative_clauses(sentence)) \
                        and not ((main.type, other.type) in _ONE_OPERATION
                                 and _AND.search(sentence[max(0, other.start - 12):other.start])):
                    chosen.append((other, governs(speech, other, sentence)))
            for other in sorted(acts[1:], key=lambda h: h.start):
                # "fighting since Jan. 11, when the allies struck the port": the day's happening is its own
                if other.priority >= SECONDARY_MIN_PRIORITY and all(other is not h for h, _ in chosen) \
                        and _SINCE_WHEN.search(sentence[:other.start]) \
                        and not any(_SINCE_WHEN.search(sentence[:h.start]) for h, _ in chosen):
                    chosen.append((other, governs(speech, other, sentence)))
            if any(h.type in ("ASSAULT", "COERCE") for h, _ in chosen) and "PROTEST" not in {h.type for h, _ in chosen}:
                # a protest and the force used against it are two events (GUIDELINES); "protesters"
                # alone names the people, not their protest
                protest = next((h for h in acts if h.type == "PROTEST" and h.priority >= SECONDARY_MIN_PRIORITY
                                and not _PEOPLE_NOUN.search(sentence[h.start:h.end])), None)
                if protest is not None:
                    chosen.append((protest, governs(speech, protest, sentence)))
                    force = next(h for h, _ in chosen if h.type in ("ASSAULT", "COERCE"))
                    against = (start + protest.start, start + force.start)
        elif speech and (speaker or speech[0].type == "REJECT") and political_act(sentence, speech[0], quotes):
            chosen.append((speech[0], False))  # a warning, a vow, an announcement, a denial: the saying is the act
        elif speech and speaker:  # the source of what it says: no event, its date an occurrence
            said = saying_dates(sentence, start, speech, hits, timexes)  # "said Sunday"; not "said he was shot Sunday"
            said_on, said_took = self._date_for(speech[0], sentence, start, [t for t in timexes if t.start in said], True,
                                                present, hits)
            if said_on is not None and said_on.source in ("explicit", "relative"):
                source_took = said_took
                self.occurrences.append(self._event(speech[0], False, sentence, start, said_on, mentions, places, quotes,
                                                    speaker, None))
        claims = [h for h in speech if claim_of_responsibility(sentence, h)]
        if not claims and acts and speech and speaker \
                and self._claimed(acts, speech[0], sentence, start, mentions, places, quotes, speaker):
            claims = [speech[0]]  # "A Taliban spokesman said the group shot down the aircraft": a claim
        if claims and acts:  # a claim of responsibility is a STATEMENT beside what it claims
            chosen.append((claims[0], False))
        denial = next((h for h in speech if h.type == "REJECT"), None)
        denied = {id(h) for h in acts if denial is not None and h.start > denial.start
                  and cue_before("denial", sentence, h.start, 72)}
        if denial is not None and acts:  # "denied shelling the camp": a REJECT; what it denies is no event of its own
            chosen = [(h, r) for h, r in chosen if id(h) not in denied] + [(denial, False)]
        if speech and quoted:
            voiced = [h for h in quoted if speaker and event_types()[h.type].get("verbal") and own_voice(sentence, h, quotes)]
            best = voiced[0] if voiced else max(quoted, key=lambda h: (h.priority, -h.start))
            if best.priority >= SECONDARY_MIN_PRIORITY and best.type not in {h.type for h, _ in chosen}:
                chosen.append((best, True))
                told = [q for q in quotes if q[0] <= best.start < q[1]]
                if not event_types()[best.type].get("verbal") and not acting_verb(sentence, speech[0]) \
                        and any(inside(m.start - start, told) for m in mentions):
                    # '"The peace talks will continue," said X': the planned talks are what the saying
                    # tells; a statement beside them would code the one announcement twice
                    chosen = [(h, r) for h, r in chosen if h is not speech[0]]
        toll_on = None  # the hit a death toll belongs to
        self._tally = False  # the sentence's toll counts the dead of a period or a wave
        if toll is not None:
            period = self._tally = is_aggregate(sentence, toll)  # a period's toll is a CASUALTIES event; else the killing's
            if period:
                # the killing and the wave it counts ("killed in a spate of attacks") are the tally's
                chosen = [(h, r) for h, r in chosen if not (h.type == "ASSAULT" and (
                    h.priority <= 3 or sentence[h.start:h.end].lower().endswith("s")))]
            attacks = [h for h, _ in chosen if h.type == "ASSAULT" and not h.quoted and not period
                       and not in_since_reference(sentence, h.start, toll.start)]
            killings = [h for h in hits if h.type == "ASSAULT" and not h.quoted] if not attacks and not period else []
            if attacks or killings:  # a killing's toll: its ASSAULT ("security forces killed 100 people")
                toll_on = (attacks or killings)[0]
                if not attacks:
                    chosen.append((toll_on, governs(speech, toll_on, sentence)))
            else:
                death = [h for h in hits if h.type == "ASSAULT"]
                toll_on = Hit(toll.start, toll.end, death[0].trigger if death else None, False, False, 5, "CASUALTIES")
                chosen.append((toll_on, governs(speech, toll_on, sentence)))
        named = in_names(sentence, start, timexes, hits)  # "the Easter Offensive": once per sentence
        if art.genre == "news" and anaphoric(sentence, opening=True):
            return self._anaphor(sentence, start, timexes, mentions, places, quotes, index)
        said = saying_dates(sentence, start, speech, hits, timexes)  # "..., a monitoring group said on Sunday"
        said_day = next((d for t in timexes if t.start in said
                         for d in [from_timex(t, sentence, start, timexes, art.dct)] if d is not None), None)
        self._said_day = said_day or document_date(self.filed_on)
        events: list[Mention] = []
        used: set[int] = set(source_took)  # start offsets of the time expressions that date an event
        taken: set[tuple[str, str]] = set()  # (type, date) already coded in this sentence
        queue = list(chosen)
        for hit, reported in queue:
            if reported is None:  # the speaker's statement, standing in for an undated happening
                if any(m.strength > NONE for m in events):
                    continue
                reported = False
            own_quote = [q for q in quotes if q[0] <= hit.start < q[1]]
            spoken = hit.quoted and speaker is not None and event_types()[hit.type].get("verbal") \
                and own_voice(sentence, hit, quotes)  # '"We are calling for calm," said X': X's request
            if hit.quoted and not spoken and not any(inside(m.start - start, own_quote) for m in mentions):
                continue  # a quoted happening with nobody named in the quote is not coded
            # what a verb of saying reports, a quotation, or the saying itself ("obtained a warrant after
            # they said ..." is no statement)
            is_speech = hit.trigger is not None and hit.trigger.speech
            statement = reported or hit.quoted or is_speech
            own = ([t for t in timexes if t.start in said] if hit.type == "REJECT" else timexes) if is_speech \
                else [t for t in timexes if t.start not in said]  # "denied that its jets bombed the market on Sunday"
            date, took = self._date_for(hit, sentence, start, own, statement, present or hit.quoted, hits, named)
            date = past_weekday(sentence, hit.start, hit.end, hit.quoted, date, self.article.dct)
            strength = NONE if date is None else OWN if date.source != "document" else DEFAULT
            if said and not is_speech and (date is None or date.source in ("document", "narrative")) \
                    and not (art.genre == "news" and definite(sentence, hit)):  # "claimed ... for the raid": told before
                # only the saying's date: the happening is on it or before
                by_saying, saying_took = self._date_for(hit, sentence, start, timexes, statement, present or hit.quoted,
                                                        hits, named)
                if by_saying is not None and by_saying.source != "document":
                    date, took, strength = by_saying, saying_took, SAYING
            if date is None:
                if not is_speech:  # a mention without a date: it may tell a happening coded elsewhere
                    events.extend(self._mention(hit, reported, sentence, start, document_date(self.filed_on), mentions,
                                                places, quotes, speaker, toll if hit is toll_on else None, NONE, index,
                                                present, hits))
                if acts and hit is acts[0]:
                    # an undated main happening ("condemned the outbreak of fighting") gives
                    # way to the next happening of its clause
                    coded = {h.type for h, _ in queue}
                    queued = [q for q, _ in queue]
                    rest = [h for h in acts[1:] if (h.type not in coded or h.type == hit.type) and h not in queued
                            and same_clause(sentence, hit, h) and not purpose_infinitive(sentence, h)]
                    if rest:
                        queue.append((rest[0], governs(speech, rest[0], sentence)))
                    elif speech and speaker and not any(q.trigger is not None and q.trigger.speech for q, _ in queue) \
                            and political_act(sentence, speech[0], quotes):
                        queue.append((speech[0], None))  # "X vowed the army would ...": X's statement stands
                continue
            if hit is toll_on and "/" not in date.edtf and date.text:
                date = toll_since(sentence, toll, date, art.dct)  # "636 killed since the invasion began on February 24"
            if hit is toll_on and self._tally:
                date = toll_over(sentence, start, timexes, date)  # "30 killed in the past two days"
            used |= took
            taken.add((hit.type, date.edtf.split("/")[0]))
            events.extend(self._mention(hit, reported, sentence, start, date, mentions, places, quotes, speaker,
                                        toll if hit is toll_on else None, strength, index, present, hits))
        events = one_undated_per_type(events)
        if against is not None:
            events = _protesters(events, *against, self._names())
        if any(m.strength in (OWN, SAYING) and m.event.date.source in ("explicit", "relative") for m in events):
            # "X said" beside a dated happening only attributes it: the happening carries the speaker.
            events = [m for m in events if not (m.event.event_type == "STATEMENT" and m.event.date.source == "document")]
        scene = scene_time(sentence, start, [t for t in timexes if t.start not in used], quotes, art.dct, index) \
            if art.genre == "news" and not events and not acts else None
        if scene is not None:  # "Wardens said he was on the ridge on Sunday morning": the lead's happening
            used.add(scene.start)
            events = self._anaphor(sentence, start, [scene], mentions, places, quotes, index, kinds=("DATE", "TIME"))
        coded = {id(h) for h, _ in queue}
        for hit, timex in self._uncovered(sentence, start, timexes, used, hits, taken, named):
            date = from_timex(timex, sentence, start, timexes, art.dct)
            if date is None or id(hit) in denied:
                continue
            event = self._event(hit, governs(speech, hit, sentence), sentence, start, date, mentions, places, quotes,
                                speaker, toll if hit is toll_on else None)
            if hit.type == "OCCURRENCE" and art.genre == "news" and anaphoric(sentence):
                events.append(Mention(event, OWN, index, "", anaphor=True))  # "stating that it happened on Monday"
            elif hit.type == "OCCURRENCE" or (id(hit) in coded and art.genre == "news"):
                self.occurrences.append(event)  # a date beside no trigger, or beside one already dated
            else:
                events.append(Mention(event, OWN, index, sentence[hit.start:hit.end], marked_distinct(sentence, hit), present,
                                      aside=compared(sentence, hit)))
        dated = [t for t in timexes if from_timex(t, sentence, start, timexes, art.dct) is not None]
        if dated:
            last = from_timex(dated[-1], sentence, start, timexes, art.dct)
            if last is not None and "/" not in last.edtf:
                self.current = last
        return events

    def _mention(self, hit: Hit, reported: bool, sentence: str, offset: int, date: EventDate, mentions, places, quotes,
                 speaker: str | None, toll, strength: int, index: int, present: bool, hits: list[Hit]) -> list[Mention]:
        """The hit as a mention (none for a habit without a date of its own: "they usually attack")."""
        act = hit.trigger is not None and not hit.trigger.speech
        lo, hi = clause_around(sentence, hit.start, hit.end)
        if act and strength < OWN and habitual(sentence[lo:hi]):
            return []
        event = self._event(hit, reported, sentence, offset, date, mentions, places, quotes, speaker, toll)
        if event.event_type == "THREATEN" and event.modality == "planned":
            event = dataclasses.replace(event, modality="asserted")  # "said the Taliban would continue attacking": the threat is made
        if strength == OWN and event.modality in ("asserted", "reported"):
            event = dataclasses.replace(event, date=up_to(event.date, self.article.dct))  # "killed this month"
        if event.event_type == "CASUALTIES" and strength >= SAYING and date.precision == "day" and "/" not in date.edtf \
                and not (self._tally or aggregate(sentence)):
            event = self._retyped(event, "ASSAULT", "killed")  # a one-day toll is its attack's, not a count over a period
        if act and hit.quoted and event.actor1 is None and event.speaker and event_types()[event.event_type].get("verbal") \
                and own_voice(sentence, hit, quotes):
            event = dataclasses.replace(event, actor1=group_of(self.registry, event.speaker), modality="asserted")  # the speaker's own act
        if act and reported and event.modality == "planned" and event.event_type in hostile_types() and event.speaker:
            event, strength = self._threat(event), OWN if self._said_day.source != "document" else DEFAULT
        distinct, fresh = act and marked_distinct(sentence, hit), act and introduced(sentence, hit, hits)
        cause = act and given_cause(sentence, hit)
        if cause and strength < OWN:
            strength = NONE  # "killed for his part in an arrest": background, unless it re-tells one told
        if strength == NONE and (distinct or fresh) and not hit.quoted and art_news(self.article) and not cause:
            strength = DEFAULT  # "It also reported air strikes around Homs": another happening, the story's day
        return [Mention(event, strength, index, sentence[hit.start:hit.end], distinct, present, fresh,
                        definite=act and definite(sentence, hit), news=art_news(self.article), aside=act and compared(sentence, hit))]

    def _anaphor(self, sentence: str, offset: int, timexes: list[Timex], mentions, places, quotes,
                 index: int, kinds: tuple[str, ...] = ("DATE",)) -> list[Mention]:
        """ "It happened on Sunday night, when the fighters overran the guards": the sentence
        dates the happening just told and tells nothing new."""
        for t in timexes:
            date = from_timex(t, sentence, offset, timexes, self.article.dct)
            if date is not None and t.type in kinds and date.precision in CALENDAR_PRECISIONS:
                hit = Hit(t.start - offset, t.end - offset, None, False, False, 0, "OCCURRENCE")
                event = self._event(hit, False, sentence, offset, date, mentions, places, quotes, None, None)
                return [Mention(event, OWN, index, "", anaphor=True)]
        return []

    def _names(self) -> dict[str, str]:
        """Each actor's name by id, for events' summaries."""
        return {k: a.name for k, a in self.registry.actors.items()}

    def _retyped(self, event: Event, event_type: str, trigger: str) -> Event:
        names = self._names()
        return dataclasses.replace(event, event_type=event_type, summary=_summary(
            event_type, trigger, names, event.actor1, event.actor2, event.speaker))

    def _threat(self, planned: Event) -> Event:
        """ "X said his men would keep fighting": the speaker's side threatens, on the day it says so."""
        side = self.registry.actors[planned.speaker].affiliation or planned.speaker
        side = side if side in self.registry.actors else planned.speaker
        names = self._names()
        trigger = planned.evidence[planned.trigger_start - planned.char_start:].split(" ", 1)[0]
        return dataclasses.replace(planned, event_type="THREATEN", modality="asserted", date=self._said_day,
                                   actor1=side, event_mode=None, event_context=None, fatalities_low=None,
                                   fatalities_high=None,
                                   summary=_summary("THREATEN", trigger, names, side, planned.actor2, planned.speaker))

    def _armed_side(self, speaker: str) -> str | None:
        """The armed group a speaker speaks for (the group itself, or its spokesman's), or None."""
        actor = self.registry.actors.get(speaker)
        if actor is None:
            return None
        if actor.kind == "armed_group":
            return actor.actor_id
        side = self.registry.actors.get(actor.affiliation) if actor.affiliation else None
        return side.actor_id if side is not None and side.kind == "armed_group" else None

    def _claimed(self, acts: list[Hit], verb: Hit, sentence: str, offset: int, mentions, places, quotes,
                 speaker: str) -> bool:
        """Does an armed group's voice tell an attack of its own side ("A Taliban spokesman said
        the group shot down the aircraft", "the Houthis said they targeted two ships")? That is
        a claim of responsibility (GUIDELINES: a STATEMENT beside the attack it claims); an
        attack by the other side it tells is only reported."""
        side = self._armed_side(speaker)
        if side is None:
            return False
        if side == speaker:  # the group itself: only as the subject of the saying ("the Houthis said", "said the group")
            if not any(m.actor_id == side and (0 <= offset + verb.start - m.end <= 45
                                                               or 0 <= m.start - offset - verb.end <= 30)
                                       for m in mentions):
                return False
        rel = relative_clauses(sentence)  # "the front, which is fighting in the north, says ...": a description, no claim
        for hit in acts:
            if hit.type not in hostile_types() or hit.quoted or inside(hit.start, rel):
                continue
            roles = assign_roles(hit, True, sentence, offset, (0, len(sentence)), mentions, places, quotes, speaker,
                                 self.registry, self._previous_person, self.fallback_country)
            if roles.actor1 in (side, speaker):
                return True
        return False

    def _event(self, hit: Hit, reported: bool, sentence: str, offset: int, date: EventDate, mentions, places, quotes,
               speaker: str | None, toll) -> Event:
        art = self.article
        if hit.quoted:
            span = next(((s, e) for s, e in quotes if s <= hit.start < e), (0, len(sentence)))
        else:
            span = (0, len(sentence))
        pos = offset + hit.start
        roles = assign_roles(hit, reported, sentence, offset, span, mentions, places, quotes, speaker, self.registry,
                             self._previous_person, self.fallback_country)
        actor1, actor2, before, clause_end = roles.actor1, roles.actor2, roles.doers, roles.clause_end
        own_places = [p for p in places if span[0] <= p.start - offset < span[1]
                      and hit.quoted == inside(p.start - offset, quotes)]
        clause_start = max((m.end() for m in re.finditer(r"[;,]|\band\b|\bbut\b", sentence[:hit.start])), default=0)
        clause_places = [p for p in own_places if clause_start <= p.start - offset < max(clause_end, hit.end)
                         and not any(m.start <= p.start < m.end for m in before)]  # "Russia bombed": a doer, not where
        target = self.registry.actors.get(actor2) if actor2 else None
        fallback = target.country if (target is not None and target.kind == "state" and hit.type in ("ASSAULT", "COERCE")) \
            else None
        located = [p for p in clause_places if p.located]
        named = event_country(located, None)
        verbal = bool(event_types()[hit.type].get("verbal"))
        if verbal:
            country = named or self.fallback_country
        else:
            country = named or fallback or event_country(clause_places, self.fallback_country)
        clause_lo = clause_start if not hit.quoted else span[0]
        doer = self.registry.actors.get(actor1) if actor1 else None
        country, location, latitude, longitude, geo_precision, borrowed = self.places.event_geo(
            offset, offset + clause_lo, offset + max(clause_end, hit.end), [(m.start, m.end) for m in before],
            named, country, event_country(clause_places, None), verbal, doer.country if doer is not None else None)
        types = event_types()
        trigger_text = sentence[hit.start:hit.end]
        names = self._names()
        is_speech = hit.trigger is not None and hit.trigger.speech
        event_type = hit.type
        modality = modality_of(hit, sentence, date, art.dct, reported or hit.quoted)
        mode = hit.trigger.mode if hit.trigger is not None and event_type == hit.trigger.type else None
        context = hit.trigger.context if hit.trigger is not None and event_type == hit.trigger.type else None
        if event_type == "CASUALTIES":
            mode = context = None
        return Event(
            source_id=art.source_id, char_start=offset, char_end=offset + len(sentence), evidence=sentence,
            trigger_start=pos, event_type=event_type if event_type in types else "STATEMENT",
            summary=_summary(event_type, trigger_text, names, actor1, actor2, speaker),
            date=EventDate(date.start, date.end, date.precision, date.edtf, date.text, date.source, date.ongoing or hit.ongoing),
            modality=modality, actor1=actor1, actor2=actor2,
            speaker=speaker if (reported or hit.quoted or is_speech) else None,
            event_mode=mode, event_context=context, country=country,
            location=location, latitude=latitude, longitude=longitude, geo_precision=geo_precision,
            place_borrowed=borrowed,
            fatalities_low=toll.low if toll else None,
            fatalities_high=toll.high if toll else None,
        )


def code_article(article: Article, timexes: list[Timex]) -> tuple[list[Event], ActorRegistry]:
    coder = Coder(article, timexes)
    return coder.run(), coder.registry


def code_article_with_occurrences(article: Article, timexes: list[Timex]) -> tuple[list[Event], list[Event], ActorRegistry]:
    """The events; what the dating benchmarks score: every dated mention as its own sentence
    dates it (before the mentions of one happening are joined) and the occurrences (dated
    expressions that date no typed event, unpublished); and the actors."""
    coder = Coder(article, timexes)
    events = coder.run()
    return events, coder.dated + coder.occurrences, coder.registry
