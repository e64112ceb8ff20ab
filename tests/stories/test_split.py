"""Splitting a stored story: the groups its members make when clustered afresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.stories.stories import BEETLE_DE, FERRY_DE
from wirewatch.config import DedupeSettings
from wirewatch.stories import Doc
from wirewatch.stories.clusters import cluster_key_for
from wirewatch.stories.split import MAX_MEMBERS, split_key, story_groups

T0 = datetime(2025, 5, 6, 8, 0, tzinfo=UTC)
SETTINGS = DedupeSettings()


def doc(name: str, original, paragraphs: tuple[int, ...], minutes: int, outlet: str = "") -> Doc:
    body = "\n".join(original.paragraphs[n] for n in paragraphs)
    return Doc(name, body, outlet or f"Outlet {name}", T0 + timedelta(minutes=minutes), "story:old", "de")


def test_a_story_holding_two_stories_is_two_groups_the_larger_first():
    ferry = [doc("f0", FERRY_DE, (0, 1, 2, 3, 4, 5), 0), doc("f1", FERRY_DE, (0, 1, 2, 3, 4), 30)]
    beetle = [
        doc("b0", BEETLE_DE, (0, 1, 2, 3, 4), 10),
        doc("b1", BEETLE_DE, (0, 1, 2, 3), 20),
        doc("b2", BEETLE_DE, (0, 2, 3, 4), 40),
    ]
    assert story_groups(SETTINGS, ferry + beetle) == [["b0", "b1", "b2"], ["f0", "f1"]]


def test_a_story_of_cut_copies_that_are_not_copies_of_each_other_is_one_group():
    members = [
        doc("whole", FERRY_DE, (0, 1, 2, 3, 4, 5), 0),
        doc("head", FERRY_DE, (0, 1, 2), 10),
        doc("tail", FERRY_DE, (3, 4, 5), 20),
        doc("odd", FERRY_DE, (0, 2, 4), 30),
        doc("even", FERRY_DE, (1, 3, 5), 40),
    ]
    assert story_groups(SETTINGS, members) == [["whole", "head", "tail", "odd", "even"]]


def test_stories_too_small_or_too_large_to_judge_afresh_are_never_split():
    members = [doc("f0", FERRY_DE, (0, 1, 2, 3), 0), doc("b0", BEETLE_DE, (0, 1, 2, 3), 10)]
    assert story_groups(SETTINGS, members) == [["f0", "b0"]]
    # clustered in one batch, the keys most copies of a large story share would be stop words: it
    # is left as it is, even when it holds two stories
    many = [doc(f"c{n:03d}", (FERRY_DE, BEETLE_DE)[n % 2], (0, 1, 2, 3), n) for n in range(MAX_MEMBERS + 1)]
    assert story_groups(SETTINGS, many) == [[d.id for d in many]]
    assert len(story_groups(SETTINGS, many[:MAX_MEMBERS])) == 2


def test_a_split_off_group_gets_a_new_key_the_same_each_time():
    key = cluster_key_for("f0")
    assert split_key(key, "f0") == split_key(key, "f0") != key
    assert split_key(key, "f0") != split_key(key, "f1")
    assert split_key(key, "f0").startswith("story:") and len(split_key(key, "f0")) == len(key)
