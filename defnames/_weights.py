"""Every number that ranks candidates, in one place, each with the reason it has that value.

Scores are on a 0–100 scale: 100 is a registry name written exactly. A pass starts a
candidate at its base score and the evidence adds or takes points, named in the
``Explanation.parts`` of the answer. The decision accepts the best candidate when it reaches
:data:`THRESHOLD` and leads the best other entity by :data:`MARGIN`.

Grouped by the stage that uses them, in the order a mention meets them. In the style of
nomenklatura's ``magic.py``: change a number here, never a literal in a pass.
"""

from __future__ import annotations

# -- the decision -------------------------------------------------------------------------
THRESHOLD = 85.0  # the lowest score that counts as confident (calibrated on the seed dev set)
MARGIN = 5.0  # how far the best entity must lead the runner-up (the Wikidata reconciliation rule)
CONFIDENT = 90.0  # a pass that found this much is trusted; below it, the next passes are tried too

# -- exact pass -----------------------------------------------------------------------------
EXACT = 100.0  # the whole mention is a registry name
TRANSLITERATED = 98.0  # ... once transliterated to ASCII ("Ростех" -> rostekh)
COMPACT_SPACED = 98.0  # ... once its spaces are removed ("Hanwha Aero space")
COMPACT_GLUED = 97.0  # ... a one-word mention equal to a name without its spaces (less sure)
SHORTENED = 95.0  # a name cut short of its last domain word ("Thales Alenia")
TICKER = 100.0  # an exchange-qualified ticker the registry records ("RHM GY")

# -- segments pass ------------------------------------------------------------------------
DESCRIPTOR_WORDS = -2.0  # descriptors, locations or ownership words around the name: a little less sure
GENERIC_WORD = -4.0  # per generic word ("group", "company") outside the name
PREFIX_WORD = -4.0  # per unexplained word before the name: news describes companies there
PREFIX_WORD_WEAK = -6.0  # ... more when the name is also an everyday word
PREFIX_CAP = -12.0  # words before a name never cost more than this
SUBSIDIARY_WORD = -10.0  # per unexplained word after a group's name in a registered name ("SAIC GEMINI, INC.")
SUBSIDIARY_CAP = -18.0  # ... at most
VAGUE_AMONG_WORDS = -30.0  # a name made of generic words, among other words ("Korea Aerospace" is not Aerospace Corp.)
REGISTERED_PAIR = (
    -30.0
)  # two companies' names side by side in a registered name make a third ("DOOSAN BABCOCK LIMITED")
NAMED_AFTER_ANOTHER = -20.0  # a later name of several, not joined to the first ("Oshkosh Defense, Oshkosh")

# -- fuzzy pass ---------------------------------------------------------------------------
WORD_ENDING = 92.0  # two words that differ by a known case ending ("Rostecha"/"Rostec")
SHORT_WORD_ENDING = 88.0  # ... a short word with another ending ("huty"/"huta")
WORD_SWAP_FLOOR = 60.0  # a word this far from every word of the other name rules the candidate out
FUZZY_STRING_CUTOFF = 55.0  # whole-string similarity below which a shortlisted key is dropped
FUZZY_STRING_MIN = 70.0  # ... after the word-by-word check (and for the spacing-ignored retry)
FUZZY_PLACE_SIMILAR = 80.0  # a place word of the name counts as written when a mention word is this close
FUZZY_WORDS_OK = 85.0  # every distinctive word needs a counterpart this similar
FUZZY_TOKEN_BLEND = 75.0  # above this word score, the whole-string score is blended in
GENERIC_ONLY_CAP = 60.0  # generic words alone are never confident
FUZZY_PLACE_WORD = -8.0  # per place word of the name that the mention lacks
FUZZY_SHOWN = 60.0  # below this, a fuzzy candidate is not even shown
FUZZY_FORMER = -1.0  # a former name loses ties against a current one

# -- record pass --------------------------------------------------------------------------
RECORD_READING = -2.0  # a name read from part of a record is a little less sure than a whole mention
RECORD_STRONG_SCORE = 97.0  # a distinctive name found this well makes the rest mere metadata
RECORD_REST_PART = -15.0  # per unexplained part of the rest after a weak name ("Harris, Kamala")
RECORD_REST_PART_STRONG = -3.0  # ... after a distinctive one (addresses, more a.k.a.s)
RECORD_REST_CAP_STRONG = -9.0  # ... at most

# -- inflection and variant keys -------------------------------------------------------------
INFLECTED = -4.0  # a name found once a word's case ending is taken off: a little less sure
CONCEPT = 95.0  # a name whose descriptor words are translated ("Kazan Helicopter Plant")
PHONETIC = 90.0  # a name in another script whose consonants match one entity's Latin name
SOUNDS_ALIKE = 88.0  # ... whose distinctive words sound alike and one descriptor concept is shared

# -- quoted names -------------------------------------------------------------------------
QUOTED_READING = -3.0  # a name read from inside quotes is a little less sure than a whole mention

# -- evidence (decision) --------------------------------------------------------------------
HINT_MISMATCH = -8.0  # the mention names another country than the entity's ("Belgian Lockheed")
HINT_AFTER_MISMATCH = -20.0  # a weak name with a country after it makes another company ("Bell Canada")
COUNTRY_MISMATCH = -15.0  # the caller's country= argument disagrees
CONTEXT_COUNTRY = 6.0  # the context names the entity's country: a tie-breaker
LEGAL_COUNTRY = 6.0  # a written legal form of the entity's country ("Arsenal JSCo"): a tie-breaker
PART_OF_ANOTHER = -20.0  # a name written as a part of a joint venture also named ("KMW" in "KNDS – KMW and Nexter")
