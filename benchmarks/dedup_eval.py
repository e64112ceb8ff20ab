"""Story clustering quality: pairwise precision and recall on a labelled set of copies and traps.

Originals: the pages of ../shared/corpora/news-pages-de-fr (or $WIREWATCH_SHARED/corpora/...) when
present, extracted by our own pipeline (wirewatch.ingest.extract); else the simulated wire's hand-written stories. benchmarks.dedup_cases
turns each into the copies outlets make and adds the traps (template stories, briefs, sequels).
Prints pairwise precision and recall overall and per case (targets: precision >= 0.99, recall
>= 0.97, no two template instances merged) and the share of true pairs LSH proposed.

    python -m benchmarks.dedup_eval [--seed 7] [--per-template 12] [--sweep]
    python -m benchmarks.dedup_eval --independent dev|heldout
    python -m benchmarks.dedup_eval --translations FILE.jsonl|dev [--show-errors 20]

--translations scores translation links and events on a JSON Lines file of articles with the
fields id, lang, outlet, agency, time, title, body, story, event, translation_of, cut and case
(`dev`: benchmarks.translation_cases). Prints story-pair precision and recall, translation-link
precision and recall (a link is an article and the source-language original it translates,
for whole texts and for cut ones), and event-pair precision and recall, over all article pairs
and over the pairs of different stories only.

--independent scores the generator a helper wrote without reading the clustering code
(benchmarks.heldout_stories): its development seeds, or its frozen held-out seeds (score those
once, at the end). It prints the same per-case table for each seed, the template instances
merged, and the compilations whose second agency's story was pulled in.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

from benchmarks.dedup_cases import COPY_CASES, Item, Original, sentences, story_items, template_items
from benchmarks.shared import ABSENT
from benchmarks.shared import NEWS_PAGES as CORPUS
from wirewatch.config import DedupeSettings
from wirewatch.stories import Clusterer, Doc

MIN_WORDS, MAX_WORDS = 100, 700


def _paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs of at most four sentences, at most MAX_WORDS words: wire-sized stories."""
    out: list[str] = []
    total = 0
    for line in body.splitlines():
        parts = sentences(line)
        for start in range(0, len(parts), 4):
            chunk = " ".join(parts[start : start + 4])
            if total + len(chunk.split()) > MAX_WORDS and out:
                return tuple(out)
            out.append(chunk)
            total += len(chunk.split())
    return tuple(out)


def corpus_originals() -> tuple[str, list[Original]]:
    from wirewatch.ingest.extract import extract_article

    originals = []
    for n, entry in enumerate(json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))):
        page = extract_article((CORPUS / entry["file"]).read_bytes(), url=entry["url"].strip())
        paragraphs = _paragraphs(page.body)
        if sum(len(p.split()) for p in paragraphs) >= MIN_WORDS and len(paragraphs) >= 2:
            originals.append(
                Original(f"page{n:03d}", entry["lang"], page.title or entry.get("title", ""), paragraphs)
            )
    return f"{CORPUS} ({len(originals)} pages of at least {MIN_WORDS} words)", originals


def simwire_originals() -> tuple[str, list[Original]]:
    from wirewatch.devstack.simwire.kursk import KURSK_COPIES
    from wirewatch.devstack.simwire.negatives import HARD_NEGATIVES
    from wirewatch.devstack.simwire.outlets import make_outlets

    language = {o.slug: o.language for o in make_outlets(8)}
    chosen = [t for t in KURSK_COPIES if t.outlet in ("courrier-lemanique", "rheinische-morgenzeitung")]
    texts = chosen + list(HARD_NEGATIVES)
    originals = [
        Original(f"sim{n:02d}", language[t.outlet], t.title, t.paragraphs) for n, t in enumerate(texts)
    ]
    return f"simulated wire texts ({ABSENT})", originals


def labelled_set(originals: list[Original], seed: int, per_template: int) -> list[Item]:
    rng = random.Random(seed)
    pool = list(originals)
    rng.shuffle(pool)
    spare = max(1, len(pool) // 5) if len(pool) > 4 else 0
    materials, stories = pool[:spare], pool[spare:]
    languages = sorted({o.language for o in originals} & {"de", "fr"}) or ["de"]
    return story_items(stories, materials, seed) + template_items(languages, per_template, seed)


def as_doc(item: Item) -> Doc:
    return Doc(item.id, item.body, item.outlet, item.time)


@dataclass
class Score:
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


@dataclass
class Report:
    overall: Score
    cases: dict[str, Score]
    merged_templates: int  # pairs of different template instances put in one cluster
    lsh_share: float  # share of true pairs LSH proposed directly
    seconds: float
    joined: dict[str, tuple[int, int]]  # case -> (articles with their story's first article, articles)
    strays: list[str]
    wrong: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    assignments: dict[str, str] = field(default_factory=dict)
    also_uses: dict[str, set[str]] = field(default_factory=dict)  # compilation -> articles it took from


def _pairs(groups: Iterable[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) if a < b else (b, a) for members in groups for a, b in combinations(members, 2)}


def evaluate(items: Sequence[Item], settings: DedupeSettings) -> Report:
    clusterer = Clusterer(settings)
    started = time.perf_counter()
    result = clusterer.cluster([as_doc(item) for item in items])
    seconds = time.perf_counter() - started
    by_id = {item.id: item for item in items}
    stories: dict[str, list[str]] = defaultdict(list)
    clusters: dict[str, list[str]] = defaultdict(list)
    for item in items:
        stories[item.story].append(item.id)
        clusters[result.assignments[item.id]].append(item.id)
    truth, predicted = _pairs(stories.values()), _pairs(clusters.values())
    proposed = {(a, b) if a < b else (b, a) for a, b in ((link.a, link.b) for link in result.links)}

    overall = Score(len(truth), len(predicted), len(truth & predicted))
    cases: dict[str, Score] = {item.case: Score() for item in items if item.case != "original"}
    for pairs, attribute in (
        (truth, "true_pairs"),
        (predicted, "predicted_pairs"),
        (truth & predicted, "correct_pairs"),
    ):
        for a, b in pairs:
            for case in {by_id[a].case, by_id[b].case} - {"original"} or {"original"}:
                setattr(cases[case], attribute, getattr(cases[case], attribute) + 1)
    merged_templates = sum(1 for a, b in predicted - truth if by_id[a].case == by_id[b].case == "template")
    first = {story: min(members, key=lambda i: (by_id[i].time, i)) for story, members in stories.items()}
    joined: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    strays = []
    for item in items:
        if first[item.story] == item.id:
            continue
        together = result.assignments[item.id] == result.assignments[first[item.story]]
        joined[item.case][0] += together
        joined[item.case][1] += 1
        if not together:
            strays.append(item.id)
    return Report(
        overall,
        dict(cases),
        merged_templates,
        len(proposed & truth) / max(len(truth), 1),
        seconds,
        {case: (n, total) for case, (n, total) in joined.items()},
        strays,
        wrong=sorted(predicted - truth),
        missed=sorted(truth - predicted),
        assignments=result.assignments,
        also_uses=result.also_uses,
    )


def print_report(source: str, items: Sequence[Item], settings: DedupeSettings, report: Report) -> None:
    stories = len({item.story for item in items})
    print(f"source: {source}")
    print(
        f"labelled set: {len(items)} articles, {stories} stories, {report.overall.true_pairs} same-story pairs"
    )
    print(
        f"clustered in {report.seconds:.2f} s; verified links cover {report.lsh_share:.3f} of the true pairs"
    )
    print(
        "per case: pairs with an article of that case; 'joined': its articles clustered with the story's first"
    )
    print(f"{'case':<12} {'pairs':>7} {'predicted':>9} {'precision':>9} {'recall':>7} {'joined':>9}")
    order = ["original", *COPY_CASES, "template", "sequel"]
    for case in sorted(report.cases, key=lambda c: order.index(c) if c in order else len(order)):
        s = report.cases[case]
        n, total = report.joined.get(case, (0, 0))
        print(
            f"{case:<12} {s.true_pairs:>7} {s.predicted_pairs:>9} {s.precision:>9.3f} {s.recall:>7.3f}"
            f" {f'{n}/{total}' if total else '-':>9}"
        )
    o = report.overall
    print(f"{'overall':<12} {o.true_pairs:>7} {o.predicted_pairs:>9} {o.precision:>9.3f} {o.recall:>7.3f}")
    print(f"template instances merged: {report.merged_templates} pairs")
    ok = o.precision >= 0.99 and o.recall >= 0.97 and report.merged_templates == 0
    print(f"targets (precision >= 0.99, recall >= 0.97, no template merged): {'met' if ok else 'NOT met'}")


def sweep(items: Sequence[Item], base: DedupeSettings) -> None:
    """Precision and recall around the defaults: how the thresholds were chosen."""
    print("\nthreshold sweep (shingle words, min jaccard, min containment): precision recall templates")
    for words in (2, 3, 4):
        for jaccard in (0.3, 0.4, 0.5, 0.6):
            for containment in (0.4, 0.5, 0.6, 0.7):
                settings = base.model_copy(
                    update={"shingle_words": words, "min_jaccard": jaccard, "min_containment": containment}
                )
                r = evaluate(items, settings)
                print(
                    f"  k={words} J>={jaccard:.1f} C>={containment:.1f}: "
                    f"{r.overall.precision:.3f} {r.overall.recall:.3f} {r.merged_templates}"
                )
    print("template test (share of differing facts): precision recall templates")
    for share in (0.2, 0.3, 0.4, 0.5):
        r = evaluate(items, base.model_copy(update={"template_share": share}))
        print(f"  {share:.1f}: {r.overall.precision:.3f} {r.overall.recall:.3f} {r.merged_templates}")


@dataclass
class Checks:
    """The issue's checks on stories, beyond pairwise scores."""

    template_stories: int  # predicted stories holding two or more template instances
    chained: int  # predicted stories holding two or more stories of one stock-sentence group
    compilations: int
    with_lead: int  # compilations in their lead's story
    pulled_in: int  # compilations whose story also holds the second agency's story
    also_uses: Score  # (compilation, second agency's story) links


def story_checks(items: Sequence, assignments: dict[str, str], also_uses: dict[str, set[str]]) -> Checks:
    stories: dict[str, dict[str, set[str]]] = defaultdict(
        lambda: defaultdict(set)
    )  # cluster -> case -> stories
    for item in items:
        stories[assignments[item.id]][item.case].add(item.story)
    in_cluster = {key: {s for found in cases.values() for s in found} for key, cases in stories.items()}
    compiled = [item for item in items if getattr(item, "also_story", None)]
    story = {item.id: item.story for item in items}
    # the lead's story: where most of its articles are (one stray copy does not move it)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        if not getattr(item, "also_story", None):
            votes[item.story][assignments[item.id]] += 1
    leads = {name: found.most_common(1)[0][0] for name, found in votes.items()}
    return Checks(
        template_stories=sum(len(cases["template"]) > 1 for cases in stories.values()),
        chained=sum(len(cases["update"]) > 1 for cases in stories.values()),
        compilations=len(compiled),
        with_lead=sum(leads.get(item.story) == assignments[item.id] for item in compiled),
        pulled_in=sum(item.also_story in in_cluster[assignments[item.id]] for item in compiled),
        also_uses=_score(
            {(item.id, item.also_story) for item in compiled},
            {(x, story[y]) for x, ys in also_uses.items() for y in ys},
        ),
    )


def independent(which: str, show_errors: int) -> None:
    from benchmarks import heldout_stories

    seeds = heldout_stories.HELDOUT_SEEDS if which == "heldout" else heldout_stories.DEV_SEEDS
    corpus = CORPUS.parent if (CORPUS / "index.json").exists() else None
    for seed in seeds:
        articles = heldout_stories.generate(seed, corpus)
        report = evaluate(articles, DedupeSettings())
        print(f"\n== independent generator, {which} seed {seed}")
        print_report(f"benchmarks.heldout_stories (corpus: {corpus})", articles, DedupeSettings(), report)
        checks = story_checks(articles, report.assignments, report.also_uses)
        print(f"stories holding two or more template instances: {checks.template_stories}")
        print(
            f"stories chained through a stock sentence (two or more update-group stories): {checks.chained}"
        )
        print(
            f"compilations in their lead's story: {checks.with_lead} of {checks.compilations}; "
            f"second agency's story pulled in: {checks.pulled_in}"
        )
        links = checks.also_uses
        print(
            f"also_uses links: {links.correct_pairs} right of {links.predicted_pairs} made, "
            f"{links.true_pairs} expected (precision {links.precision:.3f}, recall {links.recall:.3f})"
        )
        for a, b in report.wrong[:show_errors]:
            print(f"  wrongly together: {a} ~ {b}")
        for item_id in report.strays[:show_errors]:
            print(f"  apart from its story: {item_id}")


def translation_docs(rows: Sequence[dict]) -> list[Doc]:
    from wirewatch.ingest.agency import detect_agency

    docs = []
    for row in rows:
        when = datetime.fromisoformat(row["time"].replace("Z", "+00:00"))
        found = detect_agency(row["body"], row.get("agency"))
        docs.append(
            Doc(
                row["id"],
                row["body"],
                row["outlet"],
                when,
                language=row["lang"],
                agency=found and found.agency,
                title=row.get("title"),
            )
        )
    return docs


def _score(truth: set, predicted: set) -> Score:
    return Score(len(truth), len(predicted), len(truth & predicted))


def _line(name: str, score: Score) -> str:
    return (
        f"{name:<34} {score.true_pairs:>6} {score.predicted_pairs:>9} {score.correct_pairs:>7}"
        f" {score.precision:>9.3f} {score.recall:>7.3f}"
    )


def translation_report(
    rows: Sequence[dict], settings: DedupeSettings, show_errors: int = 0
) -> dict[str, Score]:
    from wirewatch.stories import stories_and_events

    docs = translation_docs(rows)
    started = time.perf_counter()
    found = stories_and_events(docs, settings)
    seconds = time.perf_counter() - started
    by_id = {row["id"]: row for row in rows}
    groups: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in ("story", "event")}
    predicted: dict[str, dict[str, list[str]]] = {name: defaultdict(list) for name in ("story", "event")}
    for row in rows:
        for name in ("story", "event"):
            groups[name][row[name]].append(row["id"])
        predicted["story"][found.stories[row["id"]]].append(row["id"])
        predicted["event"][found.events[row["id"]]].append(row["id"])
    scores: dict[str, Score] = {}
    for name in ("story", "event"):
        truth, guess = _pairs(groups[name].values()), _pairs(predicted[name].values())
        scores[name] = _score(truth, guess)
        if name == "event":
            apart = {(a, b) for a, b in truth | guess if by_id[a]["story"] != by_id[b]["story"]}
            scores["event across stories"] = _score(truth & apart, guess & apart)
    links = {row["id"]: row["translation_of"] for row in rows if row.get("translation_of")}
    guessed = dict(found.translated_from)
    for name, cuts in (("whole", {"whole"}), ("cut", {"lead", "first3"}), ("lead", {"lead"})):
        ids = {row["id"] for row in rows if (row.get("cut") or "whole") in cuts}
        truth = {(i, s) for i, s in links.items() if i in ids}
        guess = {(i, s) for i, s in guessed.items() if i in ids}
        scores[f"translation links, {name}"] = _score(truth, guess)
    print(
        f"{len(rows)} articles, {len(groups['story'])} stories, {len(groups['event'])} events, "
        f"{len(links)} translations; clustered in {seconds:.2f} s"
    )
    print(f"{'':<34} {'truth':>6} {'predicted':>9} {'correct':>7} {'precision':>9} {'recall':>7}")
    for name, score in scores.items():
        print(_line(name if "translation" in name else f"{name} pairs", score))
    if show_errors:

        def brief(i: str) -> str:
            row = by_id[i]
            return f"{i} ({row['lang']}, {row.get('agency')}, {row['case']}, {row.get('cut')}) {row['title'][:50]}"

        for i, s in sorted(set(guessed.items()) - set(links.items()))[:show_errors]:
            print(f"  wrong link: {brief(i)} -> {brief(s)}")
        for i, s in sorted(set(links.items()) - set(guessed.items()))[:show_errors]:
            print(f"  missed link: {brief(i)} -> {brief(s)}")
        for name in ("story", "event"):
            truth, guess = _pairs(groups[name].values()), _pairs(predicted[name].values())
            for a, b in sorted(guess - truth)[:show_errors]:
                print(f"  wrongly one {name}: {brief(a)} ~ {brief(b)}")
            for a, b in sorted(truth - guess)[:show_errors]:
                print(f"  {name} missed: {brief(a)} ~ {brief(b)}")
    return scores


def read_translations(source: str) -> list[dict]:
    if source == "dev":
        from benchmarks.translation_cases import records

        return records()
    with open(source, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-template", type=int, default=12, help="instances of each template story")
    parser.add_argument("--sweep", action="store_true", help="also print a threshold sweep")
    parser.add_argument("--show-errors", type=int, default=0, help="print this many wrong and missed pairs")
    parser.add_argument("--independent", choices=["dev", "heldout"], help="score the independent generator")
    parser.add_argument(
        "--translations", metavar="FILE.jsonl", help="score translation links and events ('dev')"
    )
    args = parser.parse_args()
    if args.translations:
        translation_report(read_translations(args.translations), DedupeSettings(), args.show_errors)
        return
    if args.independent:
        independent(args.independent, args.show_errors)
        return
    source, originals = corpus_originals() if (CORPUS / "index.json").exists() else simwire_originals()
    items = labelled_set(originals, args.seed, args.per_template)
    settings = DedupeSettings()
    report = evaluate(items, settings)
    print_report(source, items, settings, report)
    for a, b in report.wrong[: args.show_errors]:
        print(f"  wrongly together: {a} ~ {b}")
    for item_id in report.strays[: args.show_errors]:
        print(f"  apart from its story: {item_id}")
    if args.sweep:
        sweep(items, settings)


if __name__ == "__main__":
    main()
