"""The labelled evaluation of benchmarks.dedup_eval, small, on stories written for these tests."""

from benchmarks.dedup_cases import COPY_CASES, story_items, template_items
from benchmarks.dedup_eval import evaluate
from tests.stories.stories import MATERIALS, ORIGINALS
from wirewatch.config import DedupeSettings


def labelled(seed: int):
    return story_items(ORIGINALS, MATERIALS, seed) + template_items(["de", "fr"], 6, seed)


def test_every_kind_of_copy_joins_its_story_and_no_template_instances_merge():
    items = labelled(seed=3)
    report = evaluate(items, DedupeSettings())
    assert {item.case for item in items} >= {*COPY_CASES, "template", "sequel"}
    assert report.merged_templates == 0
    assert report.overall.precision >= 0.99, report.wrong
    assert report.overall.recall >= 0.97, report.strays
    for case in (*COPY_CASES, "template"):
        joined, total = report.joined[case]
        assert joined == total, (case, report.strays)
    assert report.cases["sequel"].predicted_pairs == 0  # a new story reusing background stays apart


def test_the_template_test_is_what_keeps_template_stories_apart():
    items = template_items(["de", "fr"], 6, seed=5)
    lax = evaluate(items, DedupeSettings(template_share=1.0))
    strict = evaluate(items, DedupeSettings())
    assert lax.merged_templates > 0  # without it, instances of one template look like copies
    assert strict.merged_templates == 0
    assert strict.overall.recall == 1.0  # while a template instance's own copies still join


def test_outlet_boilerplate_is_learnt_so_briefs_neither_merge_nor_get_lost():
    items = labelled(seed=3)
    briefs = [item for item in items if item.case == "brief" or item.id.endswith("/brief")]
    assert len({item.outlet for item in briefs}) < len(briefs)  # the tickers run several briefs each
    report = evaluate(items, DedupeSettings())
    assert report.joined["brief"] == (len([i for i in items if i.case == "brief"]),) * 2
    blind = evaluate(items, DedupeSettings(boilerplate_min_articles=10_000))  # never learns boilerplate
    assert blind.joined["brief"][0] == 0  # the briefs' own sentence is too small a share of them
    assert any("brief" in a and "brief" in b for a, b in blind.wrong)  # and briefs merge on the boxes


def test_sentence_keys_find_what_lsh_bands_alone_miss():
    items = labelled(seed=3)
    assert evaluate(items, DedupeSettings(anchor_words=0)).overall.recall < 1.0
    assert evaluate(items, DedupeSettings()).overall.recall == 1.0


def test_the_story_checks_count_template_merges_chains_and_pulled_in_compilations():
    from dataclasses import dataclass

    from benchmarks.dedup_eval import story_checks

    @dataclass
    class Art:
        id: str
        story: str
        case: str
        also_story: str | None = None

    items = [
        Art("t1", "T1", "template"),
        Art("t2", "T2", "template"),
        Art("u1", "U1", "update"),
        Art("u2", "U2", "update"),
        Art("a", "A", "compilation"),
        Art("b", "B", "compilation"),
        Art("c", "A", "compilation", also_story="B"),
        Art("a-stray", "A", "compilation"),  # a copy of A that stayed apart
    ]
    apart = {item.id: item.story for item in items} | {"a-stray": "stray"}
    clean = story_checks(items, apart, {"c": {"b"}})
    assert (clean.template_stories, clean.chained, clean.with_lead, clean.pulled_in) == (0, 0, 1, 0)
    assert clean.also_uses.precision == clean.also_uses.recall == 1.0
    merged = apart | {"t2": "T1", "u2": "U1", "b": "A"}
    bad = story_checks(items, merged, {})
    assert (bad.template_stories, bad.chained, bad.with_lead, bad.pulled_in) == (1, 1, 1, 1)
    assert bad.also_uses.recall == 0.0
