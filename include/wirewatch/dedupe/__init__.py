"""Wire-copy clustering: exact body hashes, and near-duplicate story clusters (MinHash LSH)."""

from wirewatch.dedupe.clusters import BatchResult, Clusterer, Doc, Link, Member, Summary, summarize
from wirewatch.dedupe.events import Grouping, stories_and_events
from wirewatch.dedupe.exact import body_hash, content_hash, exact_cluster_key

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
