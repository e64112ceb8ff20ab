"""Splitting a stored story whose members no longer make one story.

A story grows batch by batch, each new article judged against the members the index found for
it. Later evidence can show that the members make two stories: a revision that turned a copy
into another text, more copies that make one side a story of its own, or a story stored before
stories grew only by whole copies. Clustering the members afresh, as one batch with nothing
else stored, gives the groups the clusterer's story-level rule makes of them now (an article
belongs when it is a copy of its story's first article or linked to most of its members).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from wirewatch.config import DedupeSettings
from wirewatch.stories.buckets import MAX_BUCKET
from wirewatch.stories.clusters import Clusterer, Doc, Window, cluster_key_for, sort_time

# a story this small is an original and a copy, or a copy too few to show two groups
MIN_MEMBERS = 3
# nor is a story this large clustered afresh: in one batch, the index keys most of its copies share
# would count as stop words (buckets.MAX_BUCKET), and its copies would look like several stories
MAX_MEMBERS = MAX_BUCKET


def story_groups(
    settings: DedupeSettings, members: Sequence[Doc], window: Window | None = None
) -> list[list[str]]:
    """The groups the members of one story make, each in order of appearance, the largest first
    (on a tie, the one that appeared first). `window` supplies the outlets' boilerplate only.
    A story too small or too large to judge afresh is one group."""
    if not MIN_MEMBERS <= len(members) <= MAX_MEMBERS:
        return [[doc.id for doc in sorted(members, key=sort_time)]] if members else []
    fresh = sorted((replace(doc, cluster_key=None) for doc in members), key=sort_time)
    assignments = Clusterer(settings, window).cluster(fresh).assignments
    groups: dict[str, list[str]] = defaultdict(list)
    for doc in fresh:
        groups[assignments[doc.id]].append(doc.id)
    position = {doc.id: n for n, doc in enumerate(fresh)}
    return sorted(groups.values(), key=lambda ids: (-len(ids), position[ids[0]]))


def split_key(story_key: str, first_id: str) -> str:
    """The key of a group split off a story: new, and the same whenever the same split is made."""
    return cluster_key_for(f"{story_key}/{first_id}")
