"""The `wirewatch` command line: each pipeline stage on its own, plus run-once and the simulated wire."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.table import Table

from wirewatch.config import ConfigError, FetchLimits, Settings, load_pipeline_config

app = typer.Typer(help="Wirewatch: news monitoring pipeline.", no_args_is_help=True)
simwire_app = typer.Typer(help="The simulated news wire on loopback.", no_args_is_help=True)
warehouse_app = typer.Typer(help="The warehouse database.", no_args_is_help=True)
feeds_app = typer.Typer(help="Feed lists.", no_args_is_help=True)
app.add_typer(simwire_app, name="simwire")
app.add_typer(warehouse_app, name="warehouse")
app.add_typer(feeds_app, name="feeds")

err = Console(stderr=True)


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _jsonl_in() -> list[dict]:
    records = []
    for number, line in enumerate(sys.stdin, 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                _fail(f"stdin line {number}: invalid JSON ({exc.msg})")
    return records


def _jsonl_out(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _warehouse_engine(url: str | None):
    from wirewatch.warehouse.db import make_engine

    settings = Settings.from_env()
    return make_engine(url or settings.warehouse_url or settings.default_warehouse_url)


@app.command()
def extract(source: Annotated[str, typer.Argument(help="URL or HTML file")]) -> None:
    """Print the extracted article (text and metadata) as JSON."""
    from wirewatch.extract import extract_article
    from wirewatch.fetch import Fetcher

    content_type = None
    if source.startswith(("http://", "https://")):

        async def get():
            async with Fetcher(FetchLimits()) as fetcher:
                return await fetcher.get(source)

        result = asyncio.run(get())
        if not result.ok:
            _fail(f"{source}: {result.error_class}: {result.error_message}")
        page, content_type = result.body, result.headers.get("content-type")
    else:
        try:
            page = Path(source).read_bytes()
        except OSError as exc:
            _fail(f"{source}: {exc.strerror}")
    extracted = extract_article(page, url=source, content_type=content_type)
    _jsonl_out(extracted.as_json())


@app.command()
def match() -> None:
    """Match JSON Lines articles ({title, body, language}) from stdin against the topics."""
    from wirewatch.match import compile_topics, match_document

    compiled = compile_topics(load_pipeline_config().topics)
    for record in _jsonl_in():
        found = match_document(
            compiled,
            title=record.get("title") or "",
            body=record.get("body") or "",
            language=record.get("language"),
        )
        _jsonl_out(
            {
                "id": record.get("id") or record.get("url"),
                "matches": [
                    {"topic": m.topic_id, "terms": m.matched_terms, "snippet": m.snippet} for m in found
                ],
            }
        )


def _record_time(record: dict, number: int):
    from datetime import UTC, datetime

    for field in ("published_at", "published", "fetched_at"):
        value = record.get(field)
        if value:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                _fail(f"stdin line {number}: field {field!r} is not an ISO 8601 time: {value!r}")
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


@app.command()
def dedupe() -> None:
    """Cluster JSON Lines articles from stdin into stories; one assignment per article out.

    In: {id, body, outlet, published_at, author}; only body is required. Out: {id, cluster_key,
    canonical, duplicate_of, copies, agency, story_agency, linked}: the story's key and canonical
    article, the article's own agency, and the strongest verified link that joined it.
    """
    from wirewatch.agency import detect_agency
    from wirewatch.config import load_feeds
    from wirewatch.dedupe import Clusterer, Doc, Member, summarize

    settings = load_feeds(Settings.from_env().feeds_file).dedupe
    records = _jsonl_in()
    docs, members = [], []
    for number, record in enumerate(records, 1):
        record_id = str(record.get("id") or record.get("url") or number)
        body = record.get("body")
        if not isinstance(body, str):
            _fail(f"stdin line {number} (id {record_id}): field 'body' must be a string")
        time = _record_time(record, number)
        outlet = str(record.get("outlet") or record.get("feed_id") or "")
        attribution = detect_agency(body, record.get("author")) if body else None
        docs.append(Doc(record_id, body, outlet, time))
        members.append(Member(record_id, outlet, time, attribution.agency if attribution else None, None))
    if len({doc.id for doc in docs}) != len(docs):
        _fail("stdin: ids must be unique (give each article an 'id' or 'url')")
    result = Clusterer(settings).cluster(docs)
    by_story: dict[str, list] = {}
    for member in members:
        by_story.setdefault(result.assignments[member.id], []).append(member)
    stories = {key: summarize(group) for key, group in by_story.items()}
    best: dict[str, tuple[float, str, float, float]] = {}
    for link in result.links:
        for mine, other in ((link.a, link.b), (link.b, link.a)):
            candidate = (max(link.jaccard, link.containment), other, link.jaccard, link.containment)
            if candidate > best.get(mine, (-1.0, "", 0.0, 0.0)):
                best[mine] = candidate
    for member in members:
        key = result.assignments[member.id]
        story = stories[key]
        linked = best.get(member.id)
        _jsonl_out(
            {
                "id": member.id,
                "cluster_key": key,
                "canonical": story.canonical,
                "duplicate_of": None if story.canonical == member.id else story.canonical,
                "copies": story.copies,
                "agency": member.agency,
                "story_agency": story.agency,
                "linked": {
                    "to": linked[1],
                    "jaccard": round(linked[2], 3),
                    "containment": round(linked[3], 3),
                }
                if linked
                else None,
            }
        )


@app.command("run-once")
def run_once(
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL; default from settings")] = None,
    run_id: Annotated[str, typer.Option(help="recorded on loaded rows")] = "",
) -> None:
    """Run the whole pipeline once without Airflow (for debugging and benchmarks)."""
    from datetime import UTC, datetime

    from wirewatch.pipeline import RunContext
    from wirewatch.pipeline import run_once as run

    ctx = RunContext.open(run_id or f"run-once__{datetime.now(UTC).isoformat()}", warehouse)
    _jsonl_out(run(ctx))


@app.command()
def matches(
    limit: Annotated[int, typer.Option(help="rows to show")] = 20,
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL")] = None,
) -> None:
    """Show the latest matches from the warehouse as a table."""
    from wirewatch.warehouse.store import matches_since

    rows = matches_since(_warehouse_engine(warehouse), limit=limit)
    table = Table(title=f"Latest {len(rows)} matches")
    for column in ("topic", "outlet", "headline", "agency", "published"):
        table.add_column(column)
    for row in rows:
        published = row["published_at"].strftime("%Y-%m-%d %H:%M") if row["published_at"] else ""
        table.add_row(row["topic_id"], row["outlet"], row["headline"] or "", row["agency"] or "", published)
    Console(width=160).print(table)


@warehouse_app.command("migrate")
def warehouse_migrate(warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL")] = None) -> None:
    """Create or upgrade the warehouse tables."""
    from wirewatch.warehouse.db import migrate

    engine = _warehouse_engine(warehouse)
    migrate(engine)
    err.print(f"warehouse at {engine.url.render_as_string(hide_password=True)} is up to date")


@feeds_app.command("import")
def feeds_import(
    opml: Annotated[Path, typer.Argument(help="OPML export of a feed reader")],
    language: Annotated[str, typer.Option(help="language for outlines that do not say")] = "en",
) -> None:
    """Print feeds.yaml entries for every feed in an OPML file (paste them under `lists:`)."""
    from wirewatch.opml import feeds_from_opml

    try:
        feeds = feeds_from_opml(opml, language)
    except ConfigError as exc:
        _fail(str(exc))
    entries = [feed.model_dump(exclude={"enabled"}) for feed in feeds]
    sys.stdout.write(yaml.safe_dump({"imported": entries}, allow_unicode=True, sort_keys=False))


@feeds_app.command("check")
def feeds_check() -> None:
    """Validate feeds.yaml and topics.yaml; print what would be polled."""
    try:
        config = load_pipeline_config()
    except ConfigError as exc:
        _fail(str(exc))
    err.print(f"{len(config.feeds)} feeds, {len(config.topics.topics)} topics: config is valid")


@simwire_app.command("serve")
def simwire_serve(
    port: Annotated[int, typer.Option(help="port on every outlet address")] = 8765,
    outlets: Annotated[int, typer.Option(help="number of outlets (at least 8)")] = 8,
    items_per_feed: Annotated[int, typer.Option(help="entries per feed")] = 30,
    latency: Annotated[float, typer.Option(help="seconds added to every response")] = 0.0,
    new_item_every: Annotated[float, typer.Option(help="seconds between new items per outlet")] = 300.0,
    seed: Annotated[int, typer.Option(help="seed of the generated news")] = 7,
    fault: Annotated[list[str] | None, typer.Option(help="OUTLET=KIND, e.g. harbour-herald=500")] = None,
) -> None:
    """Serve the simulated news wire until interrupted."""
    from wirewatch.simwire import WireSettings, serve

    faults = {}
    for item in fault or []:
        slug, _, kind = item.partition("=")
        if not kind:
            _fail(f"--fault {item!r}: expected OUTLET=KIND")
        faults[slug] = kind
    settings = WireSettings(
        port=port,
        outlets=outlets,
        items_per_feed=items_per_feed,
        latency=latency,
        faults=faults,
        seed=seed,
        new_item_every=new_item_every,
    )
    serve(settings)


@simwire_app.command("feeds")
def simwire_feeds(
    port: Annotated[int, typer.Option(help="port of the wire")] = 8765,
    outlets: Annotated[int, typer.Option(help="number of outlets")] = 8,
) -> None:
    """Print the wire's feeds as feeds.yaml entries."""
    from wirewatch.simwire import SimWire, WireSettings

    sys.stdout.write(SimWire(WireSettings(port=port, outlets=outlets)).feeds_yaml())


def main() -> None:
    try:
        app()
    except ConfigError as exc:
        _fail(str(exc))


if __name__ == "__main__":
    main()
