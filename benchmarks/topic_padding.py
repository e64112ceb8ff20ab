"""The shipped topic on labelled passages as written and padded to page length.

A passing mention in a long page is still coverage, but the topic's model reads the whole
article, so unrelated text dilutes what it sees. Each passage is followed by the simulated
wire's filler news of its language (local budgets, football, roadworks) until it has at least
--chars characters, and scored as written and padded, per language, side by side.

    python -m benchmarks.topic_padding [--chars 3000] [--labels FILE ...]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from wirewatch.config import load_topics
from wirewatch.devstack.simwire.generate import filler_article
from wirewatch.devstack.simwire.outlets import make_outlets
from wirewatch.match import compile_topics
from wirewatch.match.labels import load_passages, score_topic

REPO = Path(__file__).resolve().parents[1]
HELDOUT = [REPO / f"tests/data/heldout33/dprk_kursk_heldout33_{lang}.jsonl" for lang in ("de", "fr", "en")]


def filler_by_language(count: int = 3000) -> dict[str, list[str]]:
    outlets = make_outlets(300)
    found: dict[str, list[str]] = {}
    for k in range(count):
        outlet = outlets[k % len(outlets)]
        item = filler_article(outlet, 7, k // len(outlets), 1_780_000_000 + k * 60.0)
        found.setdefault(outlet.language, []).append("\n\n".join(item.paragraphs))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="labelled passages (default: heldout33, the last set scored blind)",
    )
    args = parser.parse_args()
    topics = load_topics(REPO / "include/config/topics.yaml")
    compiled = compile_topics(topics)
    entry = compiled.get("dprk-troops-kursk")
    passages = [p for path in args.labels or HELDOUT for p in load_passages(path)]
    filler = filler_by_language()
    padded, k = [], 0
    for passage in passages:
        text = passage.text
        more = filler[passage.lang or "en"]
        while len(text) < args.chars:
            text += "\n\n" + more[k % len(more)]
            k += 1
        padded.append(replace(passage, text=text))
    written, long = score_topic(compiled, entry, passages), score_topic(compiled, entry, padded)
    print(f"{len(passages)} passages, padded to at least {args.chars} characters with unrelated local news")
    for lang in sorted(written.languages):
        a, b = written.languages[lang], long.languages[lang]
        print(
            f"{lang}: as written P {a.precision:.3f} R {a.recall:.3f}   padded P {b.precision:.3f} R {b.recall:.3f}"
            f"   recall padded / as written {b.recall / a.recall:.3f}"
        )


if __name__ == "__main__":
    main()
