"""Independent challenge set: held-out sentences written for evaluation only (never tuned on).

Data in benchmarks/challenge/ (events.jsonl, time.jsonl, quotes.jsonl), all published 2026-02-12.

Events (same rule as benchmarks/scoring/plover.py):
  - a gold item is a type, or "A|B" when either type is an acceptable coding (e.g. a future
    CONSULT, which PLOVER codes AGREE); `optional_types` are further types that are not
    required but are not false positives either (a background nominal event);
  - recall: a gold item is found when one of its types is among the predicted event types;
  - precision: predicted events whose type is a gold/optional type of the sentence / all
    predicted; no-event sentences make every predicted event a false positive;
  - on found items: actor (recipient) country accuracy = gold country set is a subset of the
    countries of a matched event's actors (recipients); with `reciprocal` the actors may be
    split over actor and recipient; factuality accuracy = a matched event's factuality is one
    of the gold values ("planned|reported" accepts either);
  - per-type recall (by the first type of the gold item).
Time: detection P/R/F1 with any-overlap one-to-one matching; value accuracy over gold
  timexes (found and right / all gold with a value), by the TimeBank rule (prediction brought
  to gold granularity, benchmarks/scoring/timebank.py) and strictly (exact string); a null
  gold value accepts a null or *_REF prediction; a list gives alternatives; TimeML decade/
  century duration units equal years (P1DE == P10Y).
Quotes: a gold statement is found when a predicted statement's text starts with / contains
  the gold `text_starts`, or its [start, end) overlaps the gold start span; speaker right when
  the speaker actor's name or speaker_text shares a token with the gold speaker (titles and
  function words ignored, as in seed_statements.py); speaker_actor_acc requires the resolved
  speaker actor itself to match; direct flag right when equal (null gold
  accepts either). Predicted statements covering a `non_statements` span (scare quotes,
  titles) are counted as scare-quote false positives.

Batches: time.jsonl and quotes.jsonl hold batch 1 (written before any run) and batch 2
(`"batch": 2`, harder items written after batch 1 scored near ceiling, still before being run);
time and quote figures are reported overall and per batch.

Usage: .venv/bin/python benchmarks/scoring/challenge.py [--errors]
"""
from __future__ import annotations

import json
import pathlib
import re
import sys
from collections import Counter, defaultdict

REPO = pathlib.Path(__file__).resolve().parents[2]
DATA = REPO / "benchmarks" / "challenge"
sys.path.insert(0, str(REPO / "benchmarks" / "scoring"))
from timebank import to_gold_granularity  # noqa: E402

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def _load(name):
    return [json.loads(l) for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def _run(pipeline, rows):
    from entente.pipeline import make_story

    stories = [make_story(r["text"], id=r["id"], published=r.get("published")) for r in rows]
    return list(pipeline.process_pairs(stories))


def _countries(doc, ids):
    return doc.countries(ids)


def _names(doc, ids):
    return [a.name for a in doc.actors if a.id in ids]


def _pct(a, b):
    return round(a / b, 4) if b else 0.0


# ---------------------------------------------------------------- events
def score_events(pipeline, lines):
    rows = _load("events.jsonl")
    results = _run(pipeline, rows)
    n_pred = n_ok = found = n_items = 0
    a_ok = a_n = r_ok = r_n = f_ok = f_n = 0
    per = defaultdict(Counter)
    noevent_fp = 0
    for r, (_story, doc) in zip(rows, results):
        g = r["gold"]
        items = [t.split("|") for t in g["types"]]
        allowed = {t for alts in items for t in alts} | set(g.get("optional_types") or [])
        for ev in doc.events:
            ok = ev.type in allowed
            n_pred += 1
            n_ok += ok
            per[ev.type]["pred"] += 1
            per[ev.type]["pred_ok"] += ok
            if not ok:
                noevent_fp += not items
                lines.append(("FP", f"FP    {r['id']:<13} {ev.type:<9} trig='{ev.evidence.trigger}' fact={ev.factuality} "
                                    f"act={sorted(_countries(doc, ev.actors))} rec={sorted(_countries(doc, ev.recipients))} "
                                    f"gold={g['types'] or '-'} | {r['text']}"))
        for alts in items:
            n_items += 1
            per[alts[0]]["gold"] += 1
            match = [e for e in doc.events if e.type in alts]
            if not match:
                lines.append(("MISS", f"MISS  {r['id']:<13} {'|'.join(alts):<9} pred={[(e.type, e.evidence.trigger) for e in doc.events]} | {r['text']}"))
                continue
            found += 1
            per[alts[0]]["found"] += 1
            ga, gr = set(g["actor_countries"]), set(g["recipient_countries"])
            best = None
            for e in match:
                ea, er = _countries(doc, e.actors), _countries(doc, e.recipients)
                aok, rok = ga <= ea, gr <= er
                if g.get("reciprocal"):
                    aok = ga <= (ea | er)
                    rok = rok or gr <= (ea | er)
                if best is None or aok + rok > best[0] + best[1]:
                    best = (aok, rok, e, ea, er)
            if ga:
                a_n += 1
                a_ok += best[0]
            if gr:
                r_n += 1
                r_ok += best[1]
            if (ga and not best[0]) or (gr and not best[1]):
                e = best[2]
                lines.append(("ROLE", f"ROLE  {r['id']:<13} {e.type:<9} gold {sorted(ga)}->{sorted(gr)} pred {sorted(best[3])}->{sorted(best[4])} "
                                      f"names {_names(doc, e.actors)}->{_names(doc, e.recipients)} | {r['text']}"))
            fact_ok_set = set((g.get("factuality") or "asserted").split("|"))
            f_n += 1
            if any(e.factuality in fact_ok_set for e in match):
                f_ok += 1
            else:
                lines.append(("FACT", f"FACT  {r['id']:<13} {match[0].type:<9} gold {g['factuality']} pred {[e.factuality for e in match]} "
                                      f"trig='{match[0].evidence.trigger}' | {r['text']}"))
    P = _pct(n_ok, n_pred)
    R = _pct(found, n_items)
    F = round(2 * P * R / (P + R), 4) if P + R else 0.0
    metrics = [
        ("events.sentences", len(rows)), ("events.gold_items", n_items), ("events.predicted", n_pred),
        ("events.type_precision", P), ("events.type_recall", R), ("events.type_f1", F),
        ("events.noevent_false_positives", noevent_fp),
        ("events.actor_country_acc", _pct(a_ok, a_n)), ("events.actor_country_n", a_n),
        ("events.recipient_country_acc", _pct(r_ok, r_n)), ("events.recipient_country_n", r_n),
        ("events.factuality_acc", _pct(f_ok, f_n)), ("events.factuality_n", f_n),
    ]
    for t in TYPES:
        c = per[t]
        metrics.append((f"events.recall.{t}", f"{c['found']}/{c['gold']}"))
    for t in TYPES:
        c = per[t]
        if c["pred"]:
            metrics.append((f"events.precision.{t}", f"{c['pred_ok']}/{c['pred']}"))
    return metrics


# ---------------------------------------------------------------- time
def _dur(v):
    """TimeML decade/century duration units as years (P1DE == P10Y, P1CE == P100Y)."""
    if isinstance(v, str):
        m = re.fullmatch(r"P(\d+)(DE|CE)", v)
        if m:
            return f"P{int(m[1]) * (10 if m[2] == 'DE' else 100)}Y"
    return v


def _value_ok(pred, gold, strict=False):
    alts = gold if isinstance(gold, list) else [gold]
    pred = _dur(pred)
    for g in alts:
        if g is None:
            if pred is None or (isinstance(pred, str) and pred.endswith("_REF")):
                return True
            continue
        if pred is None:
            continue
        if pred == g:
            return True
        if not strict and to_gold_granularity(pred, g) == g:
            return True
    return False


def score_time(pipeline, lines):
    rows = _load("time.jsonl")
    results = _run(pipeline, rows)
    C = defaultdict(Counter)
    for r, (story, doc) in zip(rows, results):
        keys = ("all", f"b{r.get('batch', 1)}")
        text = story.text
        used = set()
        preds = list(doc.timexes)
        for k in keys:
            C[k]["pred"] += len(preds)
        for g in r["gold"]["timexes"]:
            for k in keys:
                C[k]["gold"] += 1
            i = text.find(g["text"])
            s, e = i, i + len(g["text"])
            hit = next((k for k, t in enumerate(preds) if k not in used and t.start < e and s < t.end), None)
            if hit is None:
                lines.append(("TMISS", f"TMISS {r['id']:<8} '{g['text']}' gold={g['value']} pred={[(t.text, t.value) for t in preds]} | {r['text']}"))
                continue
            used.add(hit)
            t = preds[hit]
            ok = _value_ok(t.value, g["value"])
            for k in keys:
                C[k]["matched"] += 1
                C[k]["v_ok"] += ok
                C[k]["v_strict"] += _value_ok(t.value, g["value"], strict=True)
            if not ok:
                lines.append(("TVAL", f"TVAL  {r['id']:<8} '{g['text']}' gold={g['value']} pred='{t.text}'={t.value} ({t.type}) | {r['text']}"))
        for k, t in enumerate(preds):
            if k not in used:
                lines.append(("TFP", f"TFP   {r['id']:<8} '{t.text}'={t.value} | {r['text']}"))
    out = []
    for k in ("all", "b1", "b2"):
        c = C[k]
        pre = "time." if k == "all" else f"time.{k}."
        P, R = _pct(c["matched"], c["pred"]), _pct(c["matched"], c["gold"])
        F = round(2 * P * R / (P + R), 4) if P + R else 0.0
        out += [(pre + "gold", c["gold"]), (pre + "predicted", c["pred"]), (pre + "precision", P), (pre + "recall", R),
                (pre + "f1", F), (pre + "value_acc", _pct(c["v_ok"], c["gold"])),
                (pre + "value_acc_on_found", _pct(c["v_ok"], c["matched"])),
                (pre + "value_acc_strict", _pct(c["v_strict"], c["gold"]))]
    return out


# ---------------------------------------------------------------- quotes
def _tokens(s: str) -> set[str]:
    stop = {"the", "of", "and", "a", "an", "us", "ambassador", "president", "minister", "secretary", "spokesperson",
            "principal", "deputy", "state", "department", "prime", "general", "field", "marshal", "prince", "in", "for"}
    return {w for w in re.findall(r"\w+", (s or "").lower()) if w not in stop and len(w) > 1}


def _norm(s):
    return re.sub(r"^[\s\"'“”‘’«»:]+", "", s or "").lower()


def score_quotes(pipeline, lines):
    rows = _load("quotes.jsonl")
    results = _run(pipeline, rows)
    C = defaultdict(Counter)
    for r, (story, doc) in zip(rows, results):
        keys = ("all", f"b{r.get('batch', 1)}")

        def inc(name, v=1):
            for k in keys:
                C[k][name] += v
        text = story.text
        stmts = list(doc.statements)
        inc("pred", len(stmts))
        used = set()
        actors = {a.id: a for a in doc.actors}
        for g in r["gold"]["statements"]:
            inc("gold")
            gs = g["text_starts"]
            i = text.find(gs)
            span = (i, i + len(gs))
            cands = [k for k, s in enumerate(stmts) if k not in used and _norm(s.text).startswith(gs.lower())] \
                or [k for k, s in enumerate(stmts) if k not in used and gs.lower() in s.text.lower()] \
                or [k for k, s in enumerate(stmts) if k not in used and s.start < span[1] and span[0] < s.end]
            if not cands:
                lines.append(("QMISS", f"QMISS {r['id']} '{gs}' ({g['speaker']}) pred={[(s.text[:40], s.speaker_text) for s in stmts]} | {r['text'][:160]}"))
                continue
            k = cands[0]
            used.add(k)
            s = stmts[k]
            inc("found")
            names = [s.speaker_text or ""]
            if s.speaker in actors:
                names.append(actors[s.speaker].name)
            if s.speaker in actors and _tokens(actors[s.speaker].name) & _tokens(g["speaker"]):
                inc("spk_actor")
            else:
                lines.append(("QACT", f"QACT  {r['id']} '{gs}' gold={g['speaker']} speaker actor={actors[s.speaker].name if s.speaker in actors else None} speaker_text={s.speaker_text}"))
            if any(_tokens(nm) & _tokens(g["speaker"]) for nm in names):
                inc("spk")
            else:
                lines.append(("QSPK", f"QSPK  {r['id']} '{gs}' gold={g['speaker']} pred={names} | {r['text'][:160]}"))
            if g["direct"] is None or bool(s.direct) == bool(g["direct"]):
                inc("direct")
            else:
                lines.append(("QDIR", f"QDIR  {r['id']} '{gs}' gold direct={g['direct']} pred={s.direct} | {r['text'][:160]}"))
            # continuation parts of the same quote are not false positives
            for c in g.get("continuation") or []:
                ci = text.find(c)
                for kk, ss in enumerate(stmts):
                    if kk not in used and ss.start < ci + len(c) and ci < ss.end:
                        used.add(kk)
        for non in r["gold"].get("non_statements") or []:
            ni = text.find(non)
            for kk, ss in enumerate(stmts):
                if ss.start < ni + len(non) and ni < ss.end and non.lower() in ss.text.lower() and len(ss.text) < len(non) + 6:
                    inc("scare")
                    used.add(kk)
                    lines.append(("QSCARE", f"QSCARE {r['id']} '{ss.text}' speaker={ss.speaker_text} | {r['text'][:160]}"))
        for kk, ss in enumerate(stmts):
            if kk not in used:
                inc("unmatched")
                lines.append(("QFP", f"QFP   {r['id']} '{ss.text[:60]}' speaker={ss.speaker_text} direct={ss.direct} | {r['text'][:160]}"))
    out = []
    for k in ("all", "b1", "b2"):
        c = C[k]
        pre = "quotes." if k == "all" else f"quotes.{k}."
        out += [(pre + "gold", c["gold"]), (pre + "predicted", c["pred"]), (pre + "found", _pct(c["found"], c["gold"])),
                (pre + "found_n", f"{c['found']}/{c['gold']}"), (pre + "speaker_acc", _pct(c["spk"], c["gold"])),
                (pre + "speaker_acc_on_found", _pct(c["spk"], c["found"])),
                (pre + "speaker_actor_acc", _pct(c["spk_actor"], c["gold"])),
                (pre + "direct_acc_on_found", _pct(c["direct"], c["found"])),
                (pre + "scare_quote_fp", c["scare"]), (pre + "other_unmatched_predicted", c["unmatched"])]
    return out


def run(pipeline):
    lines: list[tuple[str, str]] = []
    metrics = score_events(pipeline, lines) + score_time(pipeline, lines) + score_quotes(pipeline, lines)
    return metrics, lines


def evaluate(pipeline) -> list[tuple[str, float | str]]:
    return run(pipeline)[0]


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    from entente.pipeline import Pipeline

    metrics, lines = run(Pipeline.default())
    for k, v in metrics:
        print(f"{k}\t{v}")
    if "--errors" in argv:
        order = ["MISS", "FP", "ROLE", "FACT", "TMISS", "TVAL", "TFP", "QMISS", "QSPK", "QACT", "QDIR", "QSCARE", "QFP"]
        for kind in order:
            for k, l in lines:
                if k == kind:
                    print(l)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    main()
