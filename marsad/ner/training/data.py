"""Corpus readers, the fixed ANERcorp train/dev split, and WikiFANE → ANERcorp label mapping.

Training (`marsad.ner.training`) and evaluation (`eval/ner/eval_ner.py`) both import `anercorp_split`
from here, so the held-out dev sentences can never drift between the two.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

#: Tokens after which ANERcorp (which has no sentence breaks) is cut into sentences.
SENTENCE_END = frozenset({".", "؟", "!", "?"})
#: Fraction of ANERcorp sentences (at the end of the file, so whole documents) held out as dev.
DEV_FRACTION = 0.2
#: Sentences longer than this are cut for training only (CRF cost grows with length; ANERcorp has
#: a few run-on "sentences" of lists without a final stop).
MAX_TRAIN_LEN = 120

_MARKS = str.maketrans("", "", "\u200e\u200f\ufeff")


def _chunk(pairs: list[tuple[str, str]]) -> list[Sentence]:
    """Cut a flat token/tag stream into sentences after sentence-final punctuation."""
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    for tok, tag in pairs:
        toks.append(tok)
        tags.append(tag)
        if tok in SENTENCE_END:
            out.append((toks, tags))
            toks, tags = [], []
    if toks:
        out.append((toks, tags))
    return out


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp `token TAG` lines as sentences; empty tokens (a handful of bare ` O` lines) dropped."""
    pairs: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            tok, _, tag = line.rpartition(" ")
            tok = tok.strip().translate(_MARKS)
            tag = tag.strip()
            if not tok or not tag:
                continue
            pairs.append((tok, tag))
    return _chunk(pairs)


def anercorp_split(shared: Path) -> tuple[list[Sentence], list[Sentence]]:
    """The fixed (train, dev) split: the last 20% of ANERcorp sentences are dev.

    A contiguous tail keeps whole news stories out of training, which is the honest setting for
    unseen names (a random sentence split would leak each story's names into training).
    """
    sents = read_anercorp(shared / "data" / "ner" / "anercorp_train.txt")
    cut = int(len(sents) * (1 - DEV_FRACTION))
    return sents[:cut], sents[cut:]


# WikiFANE fine classes mapped to ANERcorp conventions. `None` = the class has no ANERcorp
# counterpart we trust (weapons, vehicles, software, facilities ...): sentences holding one are
# dropped from training instead of teaching the model a wrong O or a wrong MISC.
WIKIFANE_MAP: dict[str, str | None] = {
    # persons (WikiFANE's "Police" class is, in practice, mostly persons: Earhart, Napoleon ...)
    **dict.fromkeys(
        ["Politician", "Other_PER", "Artist", "Scientist", "Religious_PER", "Athlete", "Businessperson",
         "Engineer", "Lawyer", "Police"], "PERS"),
    # geo-political and natural locations (ANERcorp LOC includes nations, cities, regions)
    **dict.fromkeys(
        ["Population-Center", "Nation", "State-or-Province", "Continent", "County-or-District",
         "GPE-Cluster", "Water-Body", "Land-Region-Natural"], "LOC"),
    **dict.fromkeys(
        ["Commercial", "Non-Governmental", "Government", "Sports", "Media", "Educational",
         "Religious_ORG", "Entertainment", "Medical-Science"], "ORG"),
    **dict.fromkeys(["Book", "Movie"], "MISC"),
    # groups, nationalities, celestial bodies are O in ANERcorp
    **dict.fromkeys(["Group", "Celestial"], "O"),
}


def read_wikifane(path: Path, keep_unmapped: bool = False) -> list[Sentence]:
    """WikiFANE gold in ANERcorp labels; sentences with an unmappable class are skipped.

    With ``keep_unmapped`` such entities become O instead (used for gazetteer mining, where only
    the mapped entities are read anyway).
    """
    pairs: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            tok, _, tag = line.rstrip("\r\n").translate(_MARKS).partition("\t")
            tok = tok.strip()
            if not tok:
                continue
            pairs.append((tok, tag.strip() or "O"))
    out: list[Sentence] = []
    for toks, tags in _chunk(pairs):
        new: list[str] = []
        bad = False
        for tag in tags:
            if tag == "O":
                new.append("O")
                continue
            bio, _, cls = tag.partition("-")
            mapped = WIKIFANE_MAP.get(cls)
            if mapped is None:
                bad = True
                new.append("O")
            elif mapped == "O":
                new.append("O")
            else:
                new.append(f"{bio}-{mapped}")
        if bad and not keep_unmapped:
            continue
        out.append((toks, new))
    return out


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood sample (first, outermost tag per token) mapped to PERS/LOC/ORG; other types → O."""
    mapping = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or parts[0] == "$#$":
                if toks:
                    out.append((toks, tags))
                toks, tags = [], []
                continue
            tag = parts[1] if len(parts) > 1 else "O"
            bio, _, cls = tag.partition("-")
            m = mapping.get(cls)
            toks.append(parts[0])
            tags.append(f"{bio}-{m}" if m else "O")
    if toks:
        out.append((toks, tags))
    return out


def cut_long(sents: list[Sentence], max_len: int = MAX_TRAIN_LEN) -> list[Sentence]:
    """Split over-long training sentences at O tokens near ``max_len`` (never inside an entity)."""
    out: list[Sentence] = []
    for toks, tags in sents:
        while len(toks) > max_len:
            cut = max_len
            while cut > max_len // 2 and tags[cut] != "O":
                cut -= 1
            out.append((toks[:cut], tags[:cut]))
            toks, tags = toks[cut:], tags[cut:]
        out.append((toks, tags))
    return out


_TOKEN = re.compile(r"[\w\u0600-\u06ff]+|[^\w\s]", re.UNICODE)


def news_sentences(shared: Path) -> Iterator[list[str]]:
    """Tokenised paragraphs of SaudiNewsNet, each distinct article once (agency copies deduplicated)."""
    seen: set[bytes] = set()
    for zpath in sorted((shared / "data" / "news" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name)):
                    text = (art.get("title") or "") + "\n" + (art.get("content") or "")
                    digest = hashlib.sha1(text.encode("utf-8")).digest()
                    if digest in seen:
                        continue
                    seen.add(digest)
                    for para in text.split("\n"):
                        toks = _TOKEN.findall(para)
                        if len(toks) > 2:
                            yield toks
