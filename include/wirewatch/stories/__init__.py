"""Wire-copy clustering: exact body hashes, and near-duplicate story clusters (MinHash LSH)."""

from wirewatch.stories.clusters import BatchResult, Clusterer, Doc, Link, Member, Summary, summarize
from wirewatch.stories.events import Grouping, stories_and_events
from wirewatch.stories.exact import body_hash, content_hash, exact_cluster_key

__all__ = [
    "BatchResult",
    "Clusterer",
    "Doc",
    "Grouping",
    "Link",
    "Member",
    "Summary",
    "body_hash",
    "content_hash",
    "exact_cluster_key",
    "stories_and_events",
    "summarize",
]
