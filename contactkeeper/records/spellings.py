"""Spellings of one name: "Mohamed Abbas", "Muhammad Abbas" and "محمد عباس" are one person.

Practitioners meet the same person under several spellings and in several scripts. This
module says whether two names are likely the same person's, and why, in words. It is pure
(no vault): the duplicate warnings (:func:`contactkeeper.records.actors.similar_names`, the
import preview) and the "Possible duplicates" view (:mod:`contactkeeper.records.duplicates`)
all ask it.

**The key of a name in its own script** (:func:`name_key`) folds what spellings vary on
without changing script. Search's folding first (case, accents, Arabic harakat, tatweel, the
alef and hamza forms, ta marbuta as heh, alef maqsura as yeh, Persian yeh and kaf, Hebrew
niqqud and final letters, Cyrillic ё), then:

- Arabic and Persian: the article ال at the start of a word is dropped ("الخطيب" is
  "خطيب"), and عبد is joined to the name after it, written apart or not ("عبد الرحمن",
  "عبدالرحمن");
- Cyrillic: the Ukrainian letters і, ї, є, ґ are read as Russian и, и, е, г, й as и;
- every script: hyphens and apostrophes inside a name are spaces, the words are sorted (the
  order of given and family names varies).

**The Latin reading of a name** (:func:`romanized`): Latin letters stay; every other script
goes through `anyascii`, except the words of Arabic, Persian and Hebrew names that are in
this module's own list of common names. Those scripts leave out most vowels, so a library
can only spell "محمد" as "mhmd"; the list says it is "muhammad" (and "حسين" "husayn", never
to be taken for "حسن" "hasan"). The article and عبد are written apart ("abd al-rahman"), and
a Persian compound such as "محمدجواد" is split into the names of the list it is made of.

**The sound key of each word** folds what Latin transliterations vary on, the same way
whatever the name's first script: "al", "el" and the assimilated articles ("ar-Rahman",
"ash-Sharif", "ud-Din") are dropped, "abd", "abdul", "abdel", "abdur", ... are joined to the
next word; then a final eh is a ("Fatemeh"), x is ks, ph f, kh and ch h, gh g, dh z, tz ts,
q and c k, w v, ou and oo u, ee i; o is u and e is i ("Omar" and "Umar", "Hassan" and
"Hasen"); y after a consonant or at the end is i ("Dmitry", "Dmitriy"); ai and ei are i
("Hussain", "Hussein"); a final h after a vowel goes ("Fatimah"); a doubled letter is single
("Hassan", "Abbas").

**The verdict** (:func:`same_person`): the words of the shorter name must each agree with a
different word of the other, in any order, and a name of one word is only compared with a
name of one word (else "Ali" would be every "Ali Hassan"). Two words agree when

- their sound keys are equal ("Farouk" and "Faruq": "faruk");
- or, both at least five letters, they differ by one letter (two from eight letters on)
  somewhere before their end, and start with the same letter ("Mohamed" and "Muhammad",
  "Sergei" and "Serhiy", "Mahdi" and "Mehdi"): a difference at the end is a different name
  ("Karim" and "Karima", "Ivan" and "Ivana");
- or one is written without vowels (an Arabic or Hebrew word not in the list) and both have
  the same consonants ("خطيب" and "Khatib").

Failing that, the names written as one word are compared the same way ("Nureddin" and
"Nour el-Din"). The score (0 to 100) is rapidfuzz's ratio of the words so paired; the
evidence says which forms matched and how.

The keys of every name seen are kept in memory (a vault's names are compared again at each
keystroke of a new name); :func:`forget` drops them, and locking the vault calls it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, ngettext
from contactkeeper.records.names import look_alike_key
from contactkeeper.vault.search_index import fold

# -- the list of common names -------------------------------------------------------------

# Arabic and Persian names (folded as search folds, without the article) and their Latin
# reading. Written as the name is usually romanized; the sound key does the rest.
_ARABIC_NAMES: Final = """
محمد muhammad; احمد ahmad; محمود mahmud; حامد hamid; حميد hamid; عباس abbas; علي ali;
عليا alia; عليه alia; عاليه alia; حسن hasan; حسين husayn; حسنين hasanayn; عمر umar;
عثمان uthman; فاروق faruq; قادري qadri; قادر qadir; عبد abd; رحمن rahman; رحيم rahim;
له allah; خطيب khatib; يوسف yusuf; امير amir; اميره amira; سعيد said; سعد saad;
سيد sayyid; كريم karim; كريمه karima; ناديه nadia; نادين nadine; سمير samir;
سميره samira; خالد khalid; طارق tariq; ليلي layla; فاطمه fatima; هدي huda; رانيا rania;
سلمي salma; ابراهيم ibrahim; فيصل faisal; نور nur; زينب zaynab; مصطفي mustafa;
نصار nassar; ناصر nasir; حداد haddad; مصري masri; بركات barakat; خليل khalil;
عزيز aziz; منصور mansur; صالح salih; حمدان hamdan; درويش darwish; خوري khuri;
جابر jabir; عبيدي ubaydi; راشد rashid; رشيد rashid; شريف sharif; زكي zaki;
حجازي hijazi; طوقان tuqan; دين din; جواد javad; رضا reza; مهدي mahdi; جعفر jafar;
اسماعيل ismail; اسحاق ishaq; موسي musa; عيسي isa; مريم maryam; خديجه khadija;
عائشه aisha; عايشه aisha; زهراء zahra; زهرا zahra; جمال jamal; كمال kamal;
هشام hisham; وليد walid; سامي sami; سامر samir; ماجد majid; مجيد majid; رامي rami;
عادل adil; جميل jamil; جميله jamila; نبيل nabil; وائل wail; عماد imad; زياد ziyad;
باسم basim; بسام bassam; قاسم qasim; هاشم hashim; مراد murad; مختار mukhtar;
منير munir; منيره munira; حنان hanan; سعاد suad; نجيب najib; عزيزه aziza; سلمان salman;
سليمان sulayman; داود dawud; يحيي yahya; زكريا zakariya; ياسر yasir; ياسين yasin;
انور anwar; اكرم akram; عصام isam; حازم hazim; مازن mazin; رياض riyad; فريد farid;
فريده farida; حسام husam; حمزه hamza; طه taha; بكر bakr; ابو abu; بن bin; ابن ibn;
بنت bint; ام umm; شيخ shaykh; لطيف latif; قدير qadir; فتاح fattah; غني ghani;
حكيم hakim; جليل jalil; ملك malik; مالك malik; عبيد ubayd; نعمان numan; حبيب habib;
شهاب shihab; تميم tamim; صباح sabah; عواد awwad; عوض awad; عطيه atiya; مرعي mari;
نعيم naim; نعيمه naima; دلال dalal; هند hind; رنا rana; لينا lina; ريم reem;
فرح farah; سارا sara; ساره sara; زهره zahra; مرضيه marziyeh; حسيني husayni;
خامنه khamene; روحاني rouhani; ظريف zarif; فرهاد farhad; بهرام bahram; پرويز parviz;
شيرين shirin; كوروش kourosh; داريوش dariush; بيژن bijan; مژگان mozhgan; گلناز golnaz;
"""

_HEBREW_NAMES: Final = """
יצחק yitzhak; משה moshe; יעל yael; יואל yoel; דוד david; אברהמ avraham; שרה sara;
רחל rachel; שמואל shmuel; יוספ yosef; מרימ miriam; חיימ haim; מיכאל michael;
מיכל michal; דניאל daniel; יהודה yehuda; אבי avi; נועה noa; תמר tamar; איתנ eitan;
רבקה rivka; אריאל ariel; שירה shira; עמוס amos; דליה dalia; גדעונ gideon; הילה hila;
לוי levi; כהנ cohen; מזרחי mizrahi; פרצ peretz; ביטונ biton; פרידמנ friedman;
שפירא shapira; דהנ dahan; כצ katz; גולדברג goldberg; בנ ben; אזולאי azoulay;
הלוי halevi; אהרונ aharon; בנימינ binyamin; יעקב yaakov; אליהו eliyahu; נתנ natan;
שלמה shlomo; רונית ronit; אורי uri; עמיר amir; עמירה amira; חנה hana; אסתר ester;
לאה lea; שרונ sharon; נחמנ nahman; ברוכ baruch; אילנה ilana; יונתנ yonatan;
"""


def _lexicon(text: str) -> dict[str, str]:
    entries = (item.split() for item in text.replace("\n", " ").split(";") if item.strip())
    return {fold(word): latin for word, latin in entries}


_ARABIC: Final = _lexicon(_ARABIC_NAMES)
_HEBREW: Final = _lexicon(_HEBREW_NAMES)
_LONGEST_ARABIC: Final = max(len(word) for word in _ARABIC)

# -- scripts ------------------------------------------------------------------------------

_ARTICLE: Final = "\u0627\u0644"  # ال
_ABD: Final = "\u0639\u0628\u062f"  # عبد
_CYRILLIC_VARIANTS: Final = str.maketrans("іїєґй", "ииеги")
_SEPARATORS: Final = re.compile(r"[\s\-\u2010-\u2015_.,;/]+")
_APOSTROPHES: Final = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0384\u00b4]")


def _script(char: str) -> str:
    """'arabic', 'hebrew', 'cyrillic', 'latin' or 'other' for a letter."""
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F:
        return "hebrew"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if char.isascii() or unicodedata.name(char, "").startswith("LATIN"):
        return "latin"
    return "other"


def _word_script(word: str) -> str:
    for char in word:
        if char.isalpha():
            return _script(char)
    return "other"


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(_APOSTROPHES.sub("", text)) if w]


def _arabic_words(word: str) -> list[str]:
    """An Arabic or Persian word (folded) as the words it is written for: the article and
    عبد apart, a compound of listed names split ("محمدجواد")."""
    out: list[str] = []
    if word.startswith(_ABD) and len(word) > len(_ABD) + 1:
        out.append(_ABD)
        word = word[len(_ABD) :]
    if word.startswith(_ARTICLE) and len(word) > 3:
        out.append(_ARTICLE)
        word = word[len(_ARTICLE) :]
    if word not in _ARABIC:
        for cut in range(min(len(word) - 2, _LONGEST_ARABIC), 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in _ARABIC and (tail in _ARABIC or tail.startswith(_ARTICLE)):
                return [*out, head, *_arabic_words(tail)]
    return [*out, word]


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The name in its own script(s), folded as the module says: equal keys are one name
    written with different accents, letter forms, articles, spacing or word order. Latin
    words are folded to their sound keys."""
    words: list[str] = []
    latin: list[str] = []
    for word in _words(fold(_camel_article(text))):
        script = _word_script(word)
        if script == "latin":
            latin.append(word)
            continue
        if script == "arabic":
            words += [p for p in _arabic_words(word) if p != _ARTICLE]
        elif script == "cyrillic":
            words.append(word.translate(_CYRILLIC_VARIANTS))
        else:
            words.append(word)
    merged: list[str] = []
    for word in words:  # عبد written apart from the next word
        if merged and merged[-1] == _ABD:
            merged[-1] += word
        else:
            merged.append(word)
    ascii_words = [re.sub(r"[^a-z]", "", anyascii(w)) for w in latin]
    merged += [sound_key(w) for w in _joined_abd(_article_free([w for w in ascii_words if w]))]
    return " ".join(sorted(merged))


def _camel_article(text: str) -> str:
    """ "AlKhatib", "ElKhatib": the article apart."""
    return re.sub(r"\b([AaEe]l)(?=[A-Z][a-z])", r"\1 ", text)


@functools.lru_cache(maxsize=65536)
def romanized(text: str) -> str:
    """The name in Latin letters, as the module says ("محمد عباس" -> "muhammad abbas",
    "عبدالرحمن" -> "abd al-rahman", "Дмитрий" -> "dmitriy")."""
    out: list[str] = []
    for written in _words(_camel_article(text)):
        word = fold(written)
        script = _word_script(word)
        if script not in {"arabic", "hebrew"}:
            out.append(anyascii(written).lower())
        elif script == "arabic":
            parts = _arabic_words(word)
            latin = " ".join(
                "al-" if p == _ARTICLE else _ARABIC.get(p) or anyascii(p) for p in parts
            )
            out.append(latin.replace("al- ", "al-"))
        elif script == "hebrew":
            out.append(_HEBREW.get(word) or anyascii(word))
    return " ".join(w for w in out if w)


def _abjad_unlisted(text: str) -> frozenset[str]:
    """The Latin readings of words written without vowels and not in the list."""
    readings: set[str] = set()
    for word in _words(fold(text)):
        script = _word_script(word)
        if script == "arabic":
            readings.update(
                anyascii(p).lower()
                for p in _arabic_words(word)
                if p != _ARTICLE and p not in _ARABIC
            )
        elif script == "hebrew" and word not in _HEBREW:
            readings.add(anyascii(word).lower())
    return frozenset(readings)


# -- sound keys ---------------------------------------------------------------------------

_ARTICLES: Final = frozenset({"al", "el", "ul", "il", "ol"})
_ASSIMILATED: Final = re.compile(r"^[aeiou](t|th|d|dh|r|z|s|sh|n|l)$")
_ABD_WORD: Final = re.compile(r"^abd[aeiou]?l?$|^abd[aeiou](t|th|d|dh|r|z|s|sh|n)$")
_ABD_JOINED: Final = re.compile(r"^abd(?:[aeiou]l|[aeiou](?=([bcdfghjklmnpqrstvwxz])\1))?(.+)$")
_REWRITES: Final = (
    ("x", "ks"),
    ("ph", "f"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("gh", "g"),
    ("dh", "z"),
    ("tz", "ts"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("iya", "ia"),
)
_VOWELS: Final = frozenset("aeiou")


def _article_free(words: list[str]) -> list[str]:
    """The words without articles ("al", "el", and "ar" before "rahman", ...)."""
    kept: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if following and word in _ARTICLES:
            continue
        match = _ASSIMILATED.match(word)
        if following and match and following.startswith(match.group(1)):
            continue
        kept.append(word)
    return kept


def _joined_abd(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and _ABD_WORD.match(out[-1]):
            tail = word[2:] if word.startswith("all") else word
            out[-1] = "abd" + tail
            continue
        match = _ABD_JOINED.match(word)
        if match and len(match.group(2)) >= 3:
            tail = match.group(2)
            word = "abd" + (tail[2:] if tail.startswith("all") else tail)
        out.append(word)
    return out


@functools.lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """One Latin word (lower case, ASCII) folded as the module says."""
    if word.endswith("eh") and len(word) > 3:
        word = word[:-2] + "a"  # Persian "-eh" for Arabic "-a" ("Fatemeh", "Haniyeh")
    for old, new in _REWRITES:
        word = word.replace(old, new)
    if word.startswith("yi") and len(word) > 2 and word[2] not in _VOWELS:
        word = word[1:]
    chars = list(word)
    for i, char in enumerate(chars):
        if char == "y" and i > 0:
            before = chars[i - 1]
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if before not in _VOWELS or not after or after not in _VOWELS:
                chars[i] = "i"
    word = "".join(chars).replace("o", "u").replace("e", "i").replace("ai", "i")
    if len(word) > 3 and word.endswith("h") and word[-2] in _VOWELS:
        word = word[:-1]
    return re.sub(r"(.)\1+", r"\1", word)


@functools.cache
def _listed_keys() -> tuple[str, ...]:
    """The sound key of every word of the listed names."""
    words = {w for latin in (*_ARABIC.values(), *_HEBREW.values()) for w in latin.split()}
    return tuple(sorted({sound_key(w) for w in words if w.isalpha()}))


@functools.lru_cache(maxsize=4096)
def near_listed(word: str) -> tuple[str, ...]:
    """The sound keys of the listed names (those the module knows with their vowels) that
    a typed Latin word is a near spelling of, by the rule that makes two words "near" in
    :func:`same_person`: "mohamed" is near "muhammad", the reading of "محمد", so a search
    for it can look up that key. A listed name, a word shorter than five letters, or one
    that differs in its ending (Karim, Karima, Karimi) has no near ones."""
    typed = sound_key(re.sub(r"[^a-z]", "", word.lower()))
    listed = _listed_keys()
    if len(typed) < 5 or typed in listed:  # a listed name is found by its own key
        return ()
    found = []
    for key in listed:
        if len(key) < 5 or key[0] != typed[0]:
            continue
        if key[-1] != typed[-1] or key.startswith(typed) or typed.startswith(key):
            continue  # a different ending is a different name: Karim, Karima, Karimi
        allowed = 2 if min(len(key), len(typed)) >= 8 else 1
        if Levenshtein.distance(key, typed, score_cutoff=allowed) <= allowed:
            found.append(key)
    return tuple(sorted(found))


def _skeleton(word: str) -> str:
    """The consonants of a sound key (y and v count as vowels: Arabic و and ي are both)."""
    consonants = word[:1] + re.sub(r"[aeiouyv]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", consonants)


# -- prepared names -----------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word of a name ready to compare: as romanized, its sound key, and whether it was
    written without vowels (an Arabic or Hebrew word not in the list)."""

    latin: str
    key: str
    unvoweled: bool


@dataclass(frozen=True)
class Prepared:
    text: str
    key: str
    words: tuple[Word, ...]

    @property
    def joined(self) -> str:
        return "".join(w.key for w in self.words)


@functools.lru_cache(maxsize=65536)
def prepared(text: str) -> Prepared:
    """A name with its keys, made once per distinct name."""
    bare = _abjad_unlisted(text)
    latin_words = [w for w in _words(romanized(text)) if w]
    latin_words = [re.sub(r"[^a-z]", "", w.lower()) for w in latin_words]
    unvoweled = {re.sub(r"[^a-z]", "", b) for b in bare}
    words = _joined_abd(_article_free([w for w in latin_words if w]))
    return Prepared(
        text=text,
        key=name_key(text),
        words=tuple(
            Word(latin=w, key=sound_key(w), unvoweled=w in unvoweled) for w in words if sound_key(w)
        ),
    )


def block_keys(text: str) -> frozenset[str]:
    """Keys two names that may be one person's share (see
    :mod:`contactkeeper.records.duplicates`): the first consonants of each pair of words,
    of a lone word, and of the name written as one word."""
    name = prepared(text)
    heads = sorted({_skeleton(w.key)[:3] for w in name.words})
    keys = {"=" + _skeleton(name.joined)[:5]}
    if len(heads) == 1:
        keys.add(heads[0])
    keys.update(f"{a} {b}" for i, a in enumerate(heads) for b in heads[i + 1 :])
    return frozenset(keys)


# -- the verdict --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """Whether two names are likely one person's, how alike (0 to 100), and why."""

    same: bool
    score: float
    evidence: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.evidence)


def _agree(a: Word, b: Word) -> str | None:
    """How two words agree, in words, or None."""
    if a.key == b.key:
        return "same" if a.latin == b.latin else "spelling"
    shortest = min(len(a.key), len(b.key))
    if shortest >= 5 and not (a.key.startswith(b.key) or b.key.startswith(a.key)):
        allowed = 2 if shortest >= 8 else 1
        near = Levenshtein.distance(a.key, b.key, score_cutoff=allowed) <= allowed
        if near and (a.key[0] == b.key[0] or shortest >= 8):
            return "near"
    unvoweled = a.unvoweled or b.unvoweled
    if unvoweled and len(_skeleton(a.key)) >= 2 and _skeleton(a.key) == _skeleton(b.key):
        return "consonants"
    return None


_HOW: Final = {
    # Translators: how two words of two names agree: "mohamed / muhammad: spellings of one
    # name".
    "same": N_("written alike"),
    "spelling": N_("spellings of one name"),
    "near": N_("one letter apart"),
    "consonants": N_("the same consonants"),
}


def _pairing(short: tuple[Word, ...], long: tuple[Word, ...]) -> list[tuple[Word, Word, str]]:
    """Each word of ``short`` with a different word of ``long`` that agrees, best first;
    empty when one finds none."""
    rank = {"same": 0, "spelling": 1, "near": 2, "consonants": 3}
    free = list(long)
    pairs: list[tuple[Word, Word, str]] = []
    for word in short:
        options = [
            (rank[how], i, how) for i, other in enumerate(free) if (how := _agree(word, other))
        ]
        if not options:
            return []
        _score, index, how = min(options)
        pairs.append((word, free.pop(index), how))
    return pairs


def same_person(a: str, b: str) -> Verdict:
    """Whether names ``a`` and ``b`` are likely the same person's, with the evidence (in the
    current language)."""
    return judged(a, b, i18n.language())


@functools.lru_cache(maxsize=65536)
def judged(a: str, b: str, language: str) -> Verdict:
    """:func:`same_person` in ``language``, kept (the evidence is worded in it)."""
    first, second = prepared(a), prepared(b)
    both = {"a": i18n.isolate(a), "b": i18n.isolate(b)}
    if not first.words or not second.words:
        return Verdict(False, 0.0, ())
    if first.key == second.key:
        how = (
            _("“{a}” and “{b}”: the same name")
            if a.strip() == b.strip()
            else _("“{a}” and “{b}”: the same name written differently")
        )
        return Verdict(True, 100.0, (how.format(**both),))
    short, long = sorted((first, second), key=lambda p: len(p.words))
    pairs = _pairing(short.words, long.words)
    if pairs and (len(short.words) == len(long.words) or len(short.words) >= 2):
        score = sum(fuzz.ratio(x.key, y.key) for x, y, _how in pairs) / len(long.words)
        details = [
            # Translators: two words that agree, and how: "mohamed / muhammad: one letter apart".
            _("{a} / {b}: {how}").format(
                a=i18n.isolate(x.latin), b=i18n.isolate(y.latin), how=_(_HOW[how])
            )
            for x, y, how in pairs
            if how != "same"
        ]
        if len(short.words) < len(long.words):
            more = len(long.words) - len(short.words)
            details.append(
                ngettext("“{name}” has {n} more word", "“{name}” has {n} more words", more).format(
                    name=i18n.isolate(long.text), n=i18n.number(more)
                )
            )
        readings = [
            # Translators: a name in another script and how it reads in Latin letters.
            _("“{name}” reads “{latin}”").format(
                name=i18n.isolate(x), latin=i18n.isolate(romanized(x))
            )
            for x in (a, b)
            if _other_script(x)
        ]
        lead = _("“{a}” and “{b}”").format(**both)
        return Verdict(True, round(score, 1), (lead, *readings, *details))
    if len(first.words) != len(second.words):
        x = Word(first.joined, first.joined, False)
        y = Word(second.joined, second.joined, False)
        if _agree(x, y) is not None:
            return Verdict(
                True,
                round(fuzz.ratio(x.key, y.key), 1),
                (_("“{a}” and “{b}”: one name written in one word or in several").format(**both),),
            )
    score = fuzz.token_sort_ratio(
        " ".join(w.key for w in first.words), " ".join(w.key for w in second.words)
    )
    return Verdict(False, round(score, 1), ())


@functools.lru_cache(maxsize=65536)
def heads(text: str) -> frozenset[str]:
    """The first two consonants of each word of a name, and of the name as one word: a
    name another can be the same person's shares at least one with it."""
    name = prepared(text)
    return frozenset(_skeleton(k)[:2] for k in (*(w.key for w in name.words), name.joined))


class NameIndex:
    """Names of many records (``(record id, name)``), ready to find the spellings of one
    name among them without comparing it with every one."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        self._by_head: dict[str, list[tuple[int, str]]] = {}
        for record_id, name in names:
            self.add(record_id, name)

    def add(self, record_id: int, name: str) -> None:
        for head in heads(name):
            self._by_head.setdefault(head, []).append((record_id, name))

    def matches(self, name: str) -> list[tuple[int, str, Verdict]]:
        """Records one of whose names is likely ``name``'s person, best first, each with
        its best name and the verdict."""
        best: dict[int, tuple[str, Verdict]] = {}
        seen: set[tuple[int, str]] = set()
        for head in heads(name):
            for row in self._by_head.get(head, ()):
                if row in seen:
                    continue
                seen.add(row)
                verdict = same_person(name, row[1])
                held = best.get(row[0])
                if verdict.same and (held is None or verdict.score > held[1].score):
                    best[row[0]] = (row[1], verdict)
        ranked = sorted(best.items(), key=lambda item: (-item[1][1].score, item[0]))
        return [(record_id, stored, verdict) for record_id, (stored, verdict) in ranked]


def forget() -> None:
    """Drop every name kept for speed (the keys of names seen, the verdicts given): a
    locked vault leaves no name in memory structures the program controls."""
    for kept in (name_key, romanized, sound_key, prepared, heads, judged):
        kept.cache_clear()
    look_alike_key.cache_clear()


def _other_script(text: str) -> bool:
    """Whether a name has a word in a script other than Latin."""
    return any(_word_script(word) not in {"latin", "other"} for word in _words(text))


def best_match(names_a: Iterable[str], names_b: Iterable[str]) -> tuple[str, str, Verdict]:
    """The two names, one from each list, that agree best (a "same" verdict first)."""
    best: tuple[str, str, Verdict] = ("", "", Verdict(False, 0.0, ()))
    others = list(names_b)
    for a in names_a:
        for b in others:
            verdict = same_person(a, b)
            if (verdict.same, verdict.score) > (best[2].same, best[2].score):
                best = (a, b, verdict)
    return best


__all__ = [
    "NameIndex",
    "Prepared",
    "Verdict",
    "Word",
    "best_match",
    "block_keys",
    "forget",
    "heads",
    "name_key",
    "prepared",
    "romanized",
    "same_person",
    "sound_key",
]
