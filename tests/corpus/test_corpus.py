"""Cross-document analysis on hand-built stores: duplicates, stories, event merging, claims, idempotence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.corpus import analyse, contradictions, duplicates, merged_events, stories, timeline
from tests.corpus.conftest import doc, event, quote

ROOT = Path(__file__).resolve().parents[2]

FLOOD = (
    "أعلنت هيئة الأرصاد الجوية في جدة صباح الاثنين أن السيول التي اجتاحت أحياء جنوب المدينة أدت إلى غرق عشرات "
    "السيارات وإغلاق الطرق الرئيسية، فيما دفع الدفاع المدني بفرق الإنقاذ إلى الأحياء المتضررة لإجلاء السكان. "
    "وقال المتحدث باسم الدفاع المدني إن الفرق تمكنت من إنقاذ أكثر من مئة شخص حاصرتهم المياه في منازلهم، "
    "وإن الأمطار الغزيرة ستستمر حتى مساء الثلاثاء بحسب توقعات الأرصاد، داعيا السكان إلى تجنب الأودية ومجاري السيول."
)
FLOOD_EDIT = FLOOD.replace("صباح الاثنين", "اليوم").replace("عشرات", "العشرات من") + " وتابعت الصحيفة تطورات الوضع."
FLOOD_FOLLOWUP = (
    "واصلت فرق الدفاع المدني في جدة الثلاثاء أعمال إجلاء السكان من الأحياء التي غمرتها السيول جنوب المدينة، "
    "بعد أن حاصرت المياه عشرات المنازل. وحذرت هيئة الأرصاد الجوية من استمرار الأمطار الغزيرة وجريان الأودية، "
    "وأكد الدفاع المدني أن فرق الإنقاذ ما زالت تعمل في الأحياء المتضررة وأن الطرق الرئيسية في جدة ما زالت مغلقة."
)
FOOTBALL = (
    "فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الديربي التي أقيمت على ملعب الملك فهد الدولي "
    "بالرياض، وسجل المهاجم الأهداف الثلاثة في الشوط الثاني، ليعزز الهلال صدارته لجدول ترتيب دوري المحترفين "
    "بفارق خمس نقاط عن أقرب منافسيه قبل أربع جولات من نهاية الموسم، فيما أقال النصر مدربه بعد الخسارة."
)
OIL = (
    "ارتفعت أسعار النفط في الأسواق العالمية الأربعاء بعد قرار منظمة أوبك خفض الإنتاج بمقدار مليون برميل يوميا، "
    "وصعد خام برنت إلى أعلى مستوى له منذ ستة أشهر، بينما توقع محللون أن تواصل الأسعار الارتفاع مع تراجع "
    "المخزونات الأمريكية وزيادة الطلب في آسيا خلال فصل الشتاء المقبل."
)


def test_near_duplicates_linked_and_counted(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store([
        doc(FLOOD, title="سيول جدة تغرق السيارات", published="2015-07-20", outlet="okaz"),
        doc(FLOOD_EDIT, title="السيول تغرق سيارات جدة", published="2015-07-20", outlet="sabq"),
        doc(FOOTBALL, title="الهلال يفوز على النصر", published="2015-07-20", outlet="okaz"),
    ])
    stats = analyse(store)
    assert stats["documents"] == 3 and stats["duplicates"] == 1
    groups = duplicates(store)
    assert len(groups) == 1
    g = groups[0]
    assert g["size"] == 2 and g["sources"] == 2  # both copies kept, two outlets carried it
    assert {d["outlet"] for d in g["documents"]} == {"okaz", "sabq"}


def test_story_join_and_open(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store([
        doc(FLOOD, title="سيول جدة تغرق السيارات", published="2015-07-20", outlet="okaz"),
        doc(OIL, title="النفط يرتفع بعد قرار أوبك", published="2015-07-20", outlet="alriyadh"),
        doc(FOOTBALL, title="الهلال يفوز على النصر", published="2015-07-19", outlet="okaz"),
    ])
    analyse(store)
    before = {s["id"] for s in stories(store, min_size=1)}
    assert len(before) == 3
    # the next day: a follow-up on the floods joins the open story, an unrelated article opens a new one
    store.add(doc(FLOOD_FOLLOWUP, title="استمرار إجلاء السكان في جدة", published="2015-07-21", outlet="sabq"))
    store.add(doc("افتتح معرض الكتاب الدولي أبوابه للزوار في الرياض بمشاركة خمسمئة دار نشر من ثلاثين دولة، "
                  "ويستمر المعرض عشرة أيام تتخللها ندوات ثقافية وأمسيات شعرية وتوقيع إصدارات جديدة للمؤلفين.",
                  title="افتتاح معرض الكتاب", published="2015-07-21", outlet="okaz"))
    store.commit()
    stats = analyse(store)
    assert stats["documents"] == 2 and stats["stories_new"] == 1
    after = stories(store, min_size=1)
    flood = [s for s in after if any(d["title"] == "سيول جدة تغرق السيارات" for d in s["documents"])]
    assert len(flood) == 1 and flood[0]["size"] == 2
    assert flood[0]["first_date"] == "2015-07-20" and flood[0]["last_date"] == "2015-07-21"
    assert len(after) == 4


def test_story_window_closes(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store([doc(FLOOD, title="سيول جدة تغرق السيارات", published="2015-07-01", outlet="okaz"),
                        doc(OIL, title="النفط يرتفع", published="2015-07-01", outlet="x")])
    analyse(store, window_days=3)
    store.add(doc(FLOOD_FOLLOWUP, title="استمرار إجلاء السكان في جدة", published="2015-07-20", outlet="sabq"))
    store.commit()
    assert analyse(store, window_days=3)["stories_new"] == 1  # too late to join: a new story


def test_event_merging_keeps_figures_side_by_side(make_store) -> None:  # type: ignore[no-untyped-def]
    a = doc(FLOOD, title="غارة أولى", published="2017-05-26", outlet="a.com",
            events=[event("ASSAULT", "Q5747", "2017-05-25", 35, ["Q1"])])
    b = doc(OIL, title="غارة ثانية", published="2017-05-27", outlet="b.com",
            events=[event("ASSAULT", "Q5747", "2017-05-26", 20, ["Q2"])])
    c = doc(FOOTBALL, title="غارة أخرى", published="2017-05-27", outlet="c.com",
            events=[event("ASSAULT", "Q999", "2017-05-26", 3, ["Q3"])])  # elsewhere, other actors
    store = make_store([a, b, c])
    analyse(store)
    merged = merged_events(store)
    two = [m for m in merged if len(m["mentions"]) == 2]
    assert len(two) == 1 and len(merged) == 2
    m = two[0]
    assert sorted(x["value"] for x in m["dead"]) == [20, 35]
    assert {x["outlet"] for x in m["dead"]} == {"a.com", "b.com"}
    assert m["sources"] == 2 and m["date_min"] == "2017-05-25" and m["date_max"] == "2017-05-26"


CLAIM = "وجود اتفاق بين القوات الكردية وتنظيم داعش سمح لمسلحيه بمغادرة مدينة الرقة"


def _claim_docs():  # type: ignore[no-untyped-def]
    b1 = f"قالت وزارة الدفاع الروسية إن لديها معلومات تؤكد {CLAIM} دون أي عقبات."
    b2 = f"نفت قوات سوريا الديمقراطية {CLAIM} وقالت إن هذه المعلومات كاذبة."
    return [
        doc(b1, title="موسكو تتهم", published="2017-05-30", outlet="ru.example",
            quotes=[quote("", f"موسكو تتهم\n{b1}", "وزارة الدفاع الروسية", "assert", f"معلومات تؤكد {CLAIM}")]),
        doc(b2, title="قسد تنفي", published="2017-05-31", outlet="sy.example",
            quotes=[quote("", f"قسد تنفي\n{b2}", "قوات سوريا الديمقراطية", "deny", CLAIM)]),
    ]


def test_contradictions_json_shape(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store(_claim_docs())
    analyse(store)
    rows = contradictions(store, limit=10)
    assert rows, "a denial of the same proposition must be listed"
    r = rows[0]
    assert set(r) == {"a", "b", "confidence"} and 0 < r["confidence"] <= 1
    for side in (r["a"], r["b"]):
        assert set(side) == {"text", "speaker", "outlet", "published", "document"}
    assert {r["a"]["outlet"], r["b"]["outlet"]} == {"ru.example", "sy.example"}
    assert CLAIM in r["a"]["text"] and CLAIM in r["b"]["text"]
    json.dumps(rows, ensure_ascii=False)
    tl = timeline(store, "قوات سوريا الديمقراطية")
    assert [x["kind"] for x in tl] == ["quote"] and tl[0]["date"] == "2017-05-31"


def test_analyse_is_idempotent(make_store) -> None:  # type: ignore[no-untyped-def]
    store = make_store([
        doc(FLOOD, title="سيول جدة", published="2015-07-20", outlet="okaz"),
        doc(FLOOD_EDIT, title="سيول جدة", published="2015-07-20", outlet="sabq"),
        *_claim_docs(),
    ])
    tables = ["corpus_docs", "doc_groups", "dup_groups", "stories", "story_docs", "merged_events",
              "claims", "claim_quotes", "claim_pairs"]

    def snapshot() -> dict[str, list[tuple]]:
        return {t: [tuple(r) for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in tables}

    first = analyse(store)
    assert first["documents"] == 4
    snap = snapshot()
    again = analyse(store)
    assert again["documents"] == 0
    assert snapshot() == snap


def _stance(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    f = tmp_path / "pairs.csv"
    f.write_text(text, encoding="utf-8")
    code = "import sys; from marsad.corpus.stance import run_stance; sys.exit(run_stance(sys.argv[1]))"
    return subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, cwd=ROOT)


def test_stance_cli_contract(tmp_path: Path) -> None:
    p = _stance(tmp_path, "id,s1,s2,note\n1,الذهب يرتفع لأعلى مستوى,الذهب يهبط لأدنى مستوى,x\n"
                          "2,نيكاي يرتفع لأعلى مستوى منذ 1991,ارتفاع قياسي لمؤشر نيكاي منذ 1991,y\n"
                          '3,"تراجع التضخم، في مصر",اعترافات سليمان الحلبي تكشف أسرار مقتل كليبر,z\n')
    assert p.returncode == 0, p.stderr
    labels = p.stdout.splitlines()
    assert len(labels) == 3 and set(labels) <= {"agree", "disagree", "other"}
    assert p.stderr == ""


@pytest.mark.parametrize("content", ["a,b\nx,y\n", "", "s1,s2\n\"unclosed,x\n"])
def test_stance_cli_bad_input(tmp_path: Path, content: str) -> None:
    p = _stance(tmp_path, content)
    if content.startswith('s1,s2\n"unclosed'):
        # csv reads an unclosed quote to the end of the file: one short row, reported as an error
        assert p.returncode != 0 or len(p.stdout.splitlines()) == 1
        return
    assert p.returncode != 0 and p.stdout == ""
    assert "pairs.csv" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_stance_cli_missing_file(tmp_path: Path) -> None:
    code = "import sys; from marsad.corpus.stance import run_stance; sys.exit(run_stance(sys.argv[1]))"
    p = subprocess.run([sys.executable, "-c", code, str(tmp_path / "nope.csv")], capture_output=True, text=True)
    assert p.returncode != 0 and "nope.csv" in p.stderr
