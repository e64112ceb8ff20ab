"""Extraction throughput and quality: the pipeline's extract_article against bare trafilatura.extract.

Pages: the 100 German and French pages of ../shared/corpora/news-pages-de-fr (or
$WIREWATCH_SHARED/corpora/...) when present, else the simulated wire's article pages. Both sides get the same bytes, in the same process,
alternating rounds so machine noise hits both. Prints pages/s, the ratio (target >= 0.95),
and the share of `with` snippets found and `without` snippets avoided.

    python -m benchmarks.extract [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import time

import trafilatura

from benchmarks.shared import ABSENT
from benchmarks.shared import NEWS_PAGES as CORPUS
from wirewatch.ingest.extract import extract_article


def corpus_pages() -> tuple[str, list[dict]]:
    if (CORPUS / "index.json").exists():
        pages = []
        for item in json.loads((CORPUS / "index.json").read_text(encoding="utf-8")):
            pages.append(item | {"html": (CORPUS / item["file"]).read_bytes(), "url": item["url"].strip()})
        return str(CORPUS), pages
    return f"simulated wire ({ABSENT})", simwire_pages()


def simwire_pages() -> list[dict]:
    import httpx

    from wirewatch.devstack.simwire import SimWire, WireSettings

    with SimWire(WireSettings(port=0)) as wire, httpx.Client() as client:
        return [
            {"url": item.url, "html": client.get(item.url).content, "with": [], "without": []}
            for item in wire.truth()
        ]


def run_pipeline(pages: list[dict]) -> list[str]:
    return [extract_article(p["html"], url=p["url"]).body for p in pages]


def run_bare(pages: list[dict]) -> list[str]:
    return [trafilatura.extract(p["html"], url=p["url"]) or "" for p in pages]


def quality(pages: list[dict], texts: list[str]) -> tuple[float, float]:
    found = total_with = avoided = total_without = 0
    for page, text in zip(pages, texts, strict=True):
        total_with += len(page["with"])
        found += sum(snippet in text for snippet in page["with"])
        total_without += len(page["without"])
        avoided += sum(snippet not in text for snippet in page["without"])
    return found / max(total_with, 1), avoided / max(total_without, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source, pages = corpus_pages()
    # one untimed pass each: model and lookup-table loading is a one-off cost per worker process
    run_bare(pages[:10])
    run_pipeline(pages[:10])
    timings = {"pipeline": 0.0, "bare": 0.0}
    outputs: dict[str, list[str]] = {}
    for _ in range(args.rounds):
        for name, fn in (("bare", run_bare), ("pipeline", run_pipeline)):
            started = time.perf_counter()
            outputs[name] = fn(pages)
            timings[name] += time.perf_counter() - started
    n = len(pages) * args.rounds
    rate = {name: n / seconds for name, seconds in timings.items()}
    print(f"pages: {len(pages)} from {source}, {args.rounds} rounds each, interleaved")
    for name in ("bare", "pipeline"):
        with_share, without_share = quality(pages, outputs[name])
        print(
            f"{name:9} {rate[name]:7.1f} pages/s   with-snippets found {with_share:6.1%}   "
            f"without-snippets avoided {without_share:6.1%}"
        )
    print(f"throughput ratio pipeline/bare: {rate['pipeline'] / rate['bare']:.2f}x (target >= 0.95)")


if __name__ == "__main__":
    main()
