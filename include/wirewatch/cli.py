"""The `wirewatch` command line: each pipeline stage on its own, plus run-once and the simulated wire."""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, NoReturn

import typer
import yaml
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirewatch.config import ConfigError, Settings, load_pipeline_config, load_topics

app = typer.Typer(help="Wirewatch: news monitoring pipeline.", no_args_is_help=True)
simwire_app = typer.Typer(help="The simulated news wire on loopback.", no_args_is_help=True)
warehouse_app = typer.Typer(help="The warehouse database.", no_args_is_help=True)
feeds_app = typer.Typer(help="Feed lists.", no_args_is_help=True)
digest_app = typer.Typer(help="The daily digest email.", no_args_is_help=True)
topics_app = typer.Typer(help="Topic queries: check them, try them on a document.", no_args_is_help=True)
app.add_typer(simwire_app, name="simwire")
app.add_typer(digest_app, name="digest")
app.add_typer(warehouse_app, name="warehouse")
app.add_typer(feeds_app, name="feeds")
app.add_typer(topics_app, name="topics")

# soft_wrap: a long error stays one line when stderr is a file or a pipe
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


def _print_error(message: str) -> None:
    # soft_wrap: one line however long, as logs and grep expect
    err.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)


def _out() -> Console:
    """stdout: the terminal's width on a terminal; in a file or a pipe nothing is wrapped, so each
    line stays one line for grep and logs (rich would wrap at 80 columns)."""
    console = Console(highlight=False, markup=False, soft_wrap=True)
    if not console.is_terminal:
        console.width = 100_000  # tables take their natural width
    return console


def _fail(message: str) -> NoReturn:
    _print_error(message)
    raise typer.Exit(2)


_JSON_TYPES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "an array",
    dict: "an object",
    type(None): "null",
}


def _jsonl_in() -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line of stdin."""
    records = []
    for number, line in enumerate(sys.stdin, 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                _fail(f"stdin line {number}: invalid JSON ({exc.msg})")
            except RecursionError:
                _fail(f"stdin line {number}: JSON nested too deeply")
            if not isinstance(record, dict):
                _fail(f"stdin line {number}: expected a JSON object, got {_JSON_TYPES[type(record)]}")
            records.append((number, record))
    return records


def _where(number: int, record: dict) -> str:
    """'stdin line N (id X)', for messages about the record; checks the id and url fields."""
    for field, kinds, allowed in (("id", "a string or an integer", (str, int)), ("url", "a string", str)):
        value = record.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
            _fail(f"stdin line {number}: field {field!r} must be {kinds}, not {_JSON_TYPES[type(value)]}")
    record_id = record.get("id") or record.get("url")
    return f"stdin line {number}" + (f" (id {record_id})" if record_id else "")


def _check_strings(where: str, record: dict, fields: tuple[str, ...]) -> None:
    for field in fields:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            _fail(f"{where}: field {field!r} must be a string, not {_JSON_TYPES[type(value)]}")


def _jsonl_out(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _warehouse_engine(url: str | None):
    from wirewatch.warehouse.db import make_engine

    settings = Settings.from_env()
    return make_engine(url or settings.warehouse_url or settings.default_warehouse_url)


def _existing_warehouse(url: str | None):
    """The warehouse for commands that only read it: a missing or empty one is a one-line error."""
    from wirewatch.warehouse.db import WarehouseUnavailable, open_existing

    settings = Settings.from_env()
    try:
        return open_existing(url or settings.warehouse_url or settings.default_warehouse_url)
    except WarehouseUnavailable as exc:
        _fail(str(exc))


def _fetch_page(url: str) -> tuple[bytes, str | None]:
    """One page, under the active feed list's limits and network allow-list."""
    from wirewatch.ingest.fetch import Fetcher
    from wirewatch.redact import redact

    limits = load_pipeline_config().limits

    async def get():
        async with Fetcher(limits) as fetcher:
            return await fetcher.get(url)

    result = asyncio.run(get())
    if not result.ok:
        _fail(redact(f"{url}: {result.error_class}: {result.error_message}"))
    return result.body, result.headers.get("content-type")


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        _fail(f"{path}: {exc.strerror}")
        raise  # unreachable: _fail exits


@app.command()
def extract(source: Annotated[str, typer.Argument(help="URL or HTML file")]) -> None:
    """Print the extracted article (text and metadata) as JSON."""
    from wirewatch.ingest.extract import extract_article

    content_type = None
    if source.startswith(("http://", "https://")):
        page, content_type = _fetch_page(source)
    else:
        page = _read_file(source)
    extracted = extract_article(page, url=source, content_type=content_type)
    _jsonl_out(extracted.as_json())


def _compiled_topics():
    """The configured topics, compiled; a topic that does not compile is reported and left out."""
    from wirewatch.match import compile_topics

    compiled = compile_topics(load_pipeline_config().topics)
    for error in compiled.errors:
        err.print(f"[yellow]topic left out:[/yellow] {escape(str(error))}", highlight=False)
    return compiled


@app.command()
def match() -> None:
    """Match JSON Lines articles ({title, body, language, outlet, agency}) from stdin against the topics.

    Each output line has the article id and its matches: topic, score, terms, snippet and hits
    (term, field, character offsets, text).
    """
    from wirewatch.match import match_document

    compiled = _compiled_topics()
    records = _jsonl_in()
    # all checked before the first line out: bad input gives an error, not half an output
    for number, record in records:
        _check_strings(_where(number, record), record, ("title", "body", "language", "outlet", "agency"))
    for _number, record in records:
        found = match_document(
            compiled,
            title=record.get("title") or "",
            body=record.get("body") or "",
            language=record.get("language"),
            outlet=record.get("outlet"),
            agency=record.get("agency"),
        )
        _jsonl_out({"id": record.get("id") or record.get("url"), "matches": [m.as_json() for m in found]})


@topics_app.command("check")
def topics_check() -> None:
    """Compile every topic query; report each error with topic id, line and column, and costly clauses."""
    from wirewatch.match import review_topics

    try:
        topics = load_topics(Settings.from_env().topics_file)
    except ConfigError as exc:
        _fail(str(exc))
    errors, warnings = review_topics(topics)
    for error in errors:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
    for warning in warnings:
        err.print(
            f"[yellow]warning:[/yellow] {escape(warning)}; it may be slow on long pages", highlight=False
        )
    valid = len(topics.topics) - len(errors)
    err.print(f"{valid} of {len(topics.topics)} topics compile")
    if errors:
        raise typer.Exit(1)


@topics_app.command("test")
def topics_test(
    topic: Annotated[str, typer.Argument(help="topic id")],
    url: Annotated[str | None, typer.Option(help="fetch and extract this page")] = None,
    file: Annotated[Path | None, typer.Option(help="an HTML page (extracted) or a text file")] = None,
    text: Annotated[str | None, typer.Option(help="the body text itself")] = None,
    title: Annotated[str | None, typer.Option(help="headline (default: the page's)")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 (default: the page's)")] = None,
    outlet: Annotated[str | None, typer.Option(help="for outlet: scopes")] = None,
    agency: Annotated[str | None, typer.Option(help="for agency: scopes")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the match as JSON")] = False,
    labels: Annotated[
        list[Path] | None,
        typer.Option(help="labelled passages (JSON Lines): print precision, recall, every error; repeat it"),
    ] = None,
) -> None:
    """Show whether and why one document matches one topic, or score it on labelled passages."""
    from wirewatch.ingest.extract import extract_article
    from wirewatch.match import compile_topics
    from wirewatch.match.explain import trace
    from wirewatch.match.normalize import STEMMED_LANGUAGES

    if [url, file, text, labels].count(None) != 3:
        _fail("give exactly one of --url, --file, --text, --labels")
    try:
        topics = load_topics(Settings.from_env().topics_file)
    except ConfigError as exc:
        _fail(str(exc))
    if topic not in {t.id for t in topics.topics}:
        _fail(f"no topic {topic!r}; topics: {', '.join(t.id for t in topics.topics)}")
    compiled = compile_topics(topics)
    entry = compiled.get(topic)
    if entry is None:
        _fail(next(str(e) for e in compiled.errors if e.topic_id == topic))
    if labels is not None:
        _print_label_report(topics, compiled, entry, labels, as_json)
        return
    body, page_title, page_language = text or "", None, None
    if url is not None or (file is not None and file.suffix.lower() in (".html", ".htm")):
        page, content_type = _fetch_page(url) if url is not None else (_read_file(str(file)), None)
        extracted = extract_article(page, url=url or str(file), content_type=content_type)
        body, page_title, page_language = extracted.body, extracted.title, extracted.language
    elif file is not None:
        body = _read_file(str(file)).decode("utf-8", errors="replace")
    doc = compiled.document(
        title=title if title is not None else page_title or "",
        body=body,
        language=language or page_language,
        outlet=outlet,
        agency=agency,
    )
    result = compiled.evaluate(entry, doc)
    found = [result] if result else []
    if as_json:
        _jsonl_out({"topic": topic, "matched": bool(found), "match": found[0].as_json() if found else None})
        return
    out = _out()
    language_note = ""
    if entry.topic.languages and doc.language and doc.language not in entry.topic.languages:
        language_note = f" (language {doc.language} is not one of {entry.topic.languages})"
    out.print(f"{topic}: {'MATCH' if found else 'no match'}{language_note}")
    for line in trace(entry.node, doc):
        out.print("  " + line)
    opinion = entry.opinion
    if opinion is not None and doc.language not in STEMMED_LANGUAGES:
        why = "no language given (--language)" if doc.language is None else f"no stemmer for {doc.language}"
        out.print(f"model: not asked, {why}: the query decides alone")
    elif opinion is not None:
        counts = compiled.model_features(entry, doc)
        out.print(
            f"model: probability {opinion.model.probability(counts):.3f} (a query match stands from "
            f"{opinion.settings.confirm}; the model alone matches from {opinion.settings.accept} within "
            f"the scope, which the text {'meets' if opinion.scope.test(doc) else 'does not meet'}); "
            "the features with the largest part in it:"
        )
        for part in opinion.model.contributions(counts):
            out.print(f"  {part.share:+.2f}  {part.feature}")
    if found:
        m = found[0]
        out.print(f"found by the {m.found_by}   score {m.score}   terms {', '.join(m.matched_terms)}")
        for hit in m.hits:
            out.print(f"  {hit.field:6} {hit.start:>6}-{hit.end:<6} {hit.text!r:32} {hit.term}")
        out.print(f"snippet: {m.snippet}")


@topics_app.command("train")
def topics_train(
    topic: Annotated[str, typer.Argument(help="topic id")],
    labels: Annotated[
        list[Path], typer.Option(help="labelled passages (JSON Lines, or YAML with passages:); repeat it")
    ],
    out: Annotated[Path | None, typer.Option(help="model file (default: the topic's model.file)")] = None,
    cross_validate: Annotated[
        bool,
        typer.Option(
            "--cross-validate",
            help="also score each file with a model trained on the other files: model, query, both",
        ),
    ] = False,
    judge_on: Annotated[
        list[Path] | None,
        typer.Option(
            help="with --cross-validate: one more row, these --labels files pooled (e.g. the sets "
            "a query was never tuned on); repeat it"
        ),
    ] = None,
    hold_out_sets: Annotated[
        bool,
        typer.Option(
            "--hold-out-sets",
            help="with --cross-validate: hold out the files of one folder at a time, not one file "
            "(the languages of a set share its brief, so a file's sisters flatter it)",
        ),
    ] = False,
) -> None:
    """Train the topic's model (logistic regression over word stems and its term lists) on labelled passages."""
    from wirewatch.match import CompiledTopics
    from wirewatch.match.labels import LabelsError, load_passages
    from wirewatch.match.model import ModelError, file_sha256, term_lists_sha256, train

    try:
        topics = load_topics(Settings.from_env().topics_file)
    except ConfigError as exc:
        _fail(str(exc))
    chosen = next((t for t in topics.topics if t.id == topic), None)
    if chosen is None:
        _fail(f"no topic {topic!r}; topics: {', '.join(t.id for t in topics.topics)}")
    if out is None and chosen.model is None:
        _fail(f"topic {topic!r} has no `model:` in {topics.path}: give --out")
    if cross_validate and len(labels) < 2:
        _fail("--cross-validate holds out one file at a time: give two --labels files or more")
    if (judge_on or hold_out_sets) and not cross_validate:
        _fail("--judge-on and --hold-out-sets change --cross-validate: give --cross-validate")
    if hold_out_sets and len({path.resolve().parent for path in labels}) < 2:
        _fail("--hold-out-sets holds out one folder at a time: give --labels files from two folders or more")
    # the same file however it is spelled (relative, absolute, through a link)
    given = {path.resolve() for path in labels}
    if unknown := [str(path) for path in judge_on or () if path.resolve() not in given]:
        _fail(f"--judge-on {', '.join(unknown)}: not among the --labels files")
    pooled_on = {path.resolve() for path in judge_on or ()}
    judged = {str(path) for path in labels if path.resolve() in pooled_on}
    target = out if out is not None else topics.model_path(chosen)
    # the query alone (its model's weights not read) and its scope alone: the features, the comparison
    parts = [chosen]
    if chosen.model is not None:
        scope_id = f"scope-of-{chosen.id}"
        parts.append(chosen.model_copy(update={"id": scope_id, "query": chosen.model.scope, "model": None}))
    compiled = CompiledTopics(topics.model_copy(update={"topics": parts}), load_models=False)
    if compiled.errors:
        _fail("; ".join(str(e) for e in compiled.errors))
    samples, positive, files, provenance, docs = [], [], [], [], []
    for path in labels:
        try:
            passages = load_passages(path)
        except LabelsError as exc:
            _fail(str(exc))
        provenance.append({"file": str(path), "sha256": file_sha256(path), "passages": len(passages)})
        for p in passages:
            doc = compiled.document(title=p.title, body=p.text, language=p.lang)
            samples.append(compiled.model_features(compiled.topics[0], doc))
            positive.append(p.positive)
            files.append((str(path), p.lang or "?"))
            docs.append(doc)
    try:
        model = train(samples, positive, provenance)
    except ModelError as exc:
        _fail(f"{topic}: {exc}")
    model.lists_sha256 = term_lists_sha256(chosen.terms)
    model.save(target)
    err.print(
        f"{target}: {len(model.terms)} features from {len(samples)} passages "
        f"({sum(positive)} positive) in {len(labels)} files"
    )
    if cross_validate:
        query = [compiled.evaluate(compiled.topics[0], doc) is not None for doc in docs]
        in_scope = [len(parts) == 1 or compiled.evaluate(compiled.topics[1], doc) is not None for doc in docs]
        # per passage, what is held out with it: its file, or its folder (however spelled)
        held_out = [str(Path(file).resolve().parent) if hold_out_sets else file for file, _ in files]
        _print_cross_validation(chosen, samples, positive, files, held_out, query, in_scope, judged)


def _print_cross_validation(
    topic, samples, positive, files, held_out: list[str], query, in_scope, judged: set[str]
) -> None:
    """Per file, each passage scored by a model trained without its group (held_out: per passage,
    its file or its folder)."""
    from wirewatch.match.labels import Tally
    from wirewatch.match.model import ModelError, cross_validated

    try:
        probabilities = cross_validated(samples, positive, held_out)
    except ModelError as exc:
        _fail(f"{topic.id}, cross-validation: {exc}")
    deciders = {"model": lambda i: probabilities[i] >= 0.5, "query": lambda i: query[i]}
    if topic.model is not None:
        deciders["topic"] = lambda i: topic.model.decide(query[i], probabilities[i], in_scope[i]) is not None
    table = Table(title=f"{topic.id}: each file scored by a model trained on the other files")
    table.add_column("file, language")
    for name in deciders:
        table.add_column(f"{name} P / R", justify="right")
    totals = {name: Tally() for name in deciders}
    pooled = {name: Tally() for name in deciders}
    for group in dict.fromkeys(files):
        tallies = {name: Tally() for name in deciders}
        for i in (i for i, g in enumerate(files) if g == group):
            for name, decide in deciders.items():
                hit = decide(i)
                tallies[name].add(positive[i], hit)
                totals[name].add(positive[i], hit)
                if group[0] in judged:
                    pooled[name].add(positive[i], hit)
        table.add_row(" ".join(group), *(f"{t.precision:.3f} / {t.recall:.3f}" for t in tallies.values()))
    table.add_row("all", *(f"{t.precision:.3f} / {t.recall:.3f}" for t in totals.values()))
    if judged:
        table.add_row(
            "--judge-on files pooled", *(f"{t.precision:.3f} / {t.recall:.3f}" for t in pooled.values())
        )
    _out().print(table)
    note = "model: probability 0.5 or more"
    if topic.model is not None:
        note += (
            f"; topic: the query's matches the model gives at least {topic.model.confirm}, and what it "
            f"gives {topic.model.accept} or more within the scope"
        )
    _out().print(note)


def _print_label_report(topics, compiled, entry, paths: list[Path], as_json: bool) -> None:
    """One report over the passages of every file."""
    from wirewatch.match.labels import LabelsError, load_passages, score_topic

    try:
        passages = [p for path in paths for p in load_passages(path)]
    except LabelsError as exc:
        _fail(str(exc))
    report = score_topic(compiled, entry, passages, topics)
    if as_json:
        _jsonl_out(
            {
                "topic": entry.topic.id,
                "passages": len(passages),
                "precision": report.overall.precision,
                "recall": report.overall.recall,
                "languages": {
                    lang: {"precision": t.precision, "recall": t.recall}
                    for lang, t in report.languages.items()
                },
                "misses": [{"id": m.passage.id, "reason": m.reason} for m in report.misses],
                "false_hits": [{"id": m.passage.id, "reason": m.reason} for m in report.false_hits],
                "branches": [c.as_json() for c in report.branches],
                "exclusions": [c.as_json() for c in report.exclusions],
            }
        )
        return
    out = _out()
    for mistake in report.misses:
        out.print(f"MISS      {mistake.passage.id} ({mistake.passage.lang}): {mistake.passage.title[:70]!r}")
        out.print(f"          {mistake.reason}")
    for mistake in report.false_hits:
        out.print(f"FALSE HIT {mistake.passage.id} ({mistake.passage.lang}): {mistake.passage.title[:70]!r}")
        out.print(f"          matched {mistake.reason}")
    _print_clauses(out, report)
    for lang, tally in sorted(report.languages.items()):
        positives = tally.true_pos + tally.false_neg
        out.print(
            f"{lang}: precision {tally.precision:.3f} recall {tally.recall:.3f} "
            f"({tally.true_pos} of {positives} found, {_count(tally.false_pos, 'false hit')})"
        )
    o = report.overall
    out.print(
        f"{entry.topic.id} on {len(passages)} passages: precision {o.precision:.3f} recall {o.recall:.3f} "
        f"({_count(len(report.misses), 'miss', 'misses')}, {_count(len(report.false_hits), 'false hit')})"
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _print_clauses(out, report) -> None:
    """What each branch of the top-level OR finds and each exclusion takes away, in 100 columns."""
    if not report.branches:
        return
    count = len(report.exclusions)
    applied = {0: "", 1: ", each with the exclusion applied"}.get(
        count, f", each with the {count} exclusions applied"
    )
    out.print(f"Branches of the query's top-level OR{applied}")
    out.print("(alone: the passages no other branch finds, or no other exclusion takes away)")
    out.print(f"{'':17}true false  alone: true false  query")
    rows = [(c, "finds") for c in report.branches] + [(c, "takes away") for c in report.exclusions]
    for c, verb in rows:
        text = f"NOT {c.text}" if verb == "takes away" else c.text
        text = text if len(text) <= 52 else text[:51] + "…"
        out.print(
            f"  {c.name:<3} {verb:<10} {c.true:>4} {c.false:>5} {'':>8}{c.alone_true:>4} {c.alone_false:>5}  {text}"
        )
        if c.error is not None:
            out.print(f"      {c.name} does not compile alone: {c.error}"[:100])


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

    In: {id, body, outlet, published_at, author, title, language, agency}; only body is required.
    With a language (ISO 639-1), translations of another article join its story. An agency field
    names the agency (else the signature, dateline or author says). Out: {id, cluster_key,
    canonical, duplicate_of, translated_from, copies, agency, story_agency, linked}: the story's
    key and canonical article, the original a translation renders, the article's own agency, and
    the strongest verified link that joined it (kind: copy or translation).
    """
    from wirewatch.config import load_feeds
    from wirewatch.ingest.agency import detect_agency
    from wirewatch.stories import Clusterer, Doc, Member, summarize
    from wirewatch.stories.events import translated_from

    settings = load_feeds(Settings.from_env().feeds_file).dedupe
    docs, members = [], []
    for number, record in _jsonl_in():
        where = _where(number, record)
        record_id = str(record.get("id") or record.get("url") or number)
        body = record.get("body")
        if not isinstance(body, str):
            _fail(f"{where}: field 'body' must be a string")
        _check_strings(where, record, ("outlet", "feed_id", "author", "title", "language", "agency"))
        time = _record_time(record, number)
        outlet = str(record.get("outlet") or record.get("feed_id") or "")
        language = (record.get("language") or "").strip().lower()[:2] or None
        # a given agency in any of its spellings ('sda', 'Keystone-ATS'); unknown names as given
        given = record.get("agency")
        named = detect_agency("", given) if given else None
        attribution = detect_agency(body, record.get("author")) if body else None
        agency = named.agency if named else given or (attribution.agency if attribution else None)
        docs.append(
            Doc(record_id, body, outlet, time, language=language, agency=agency, title=record.get("title"))
        )
        members.append(Member(record_id, outlet, time, agency, language))
    if len({doc.id for doc in docs}) != len(docs):
        _fail("stdin: ids must be unique (give each article an 'id' or 'url')")
    result = Clusterer(settings).cluster(docs)
    by_story: dict[str, list] = {}
    for member in members:
        by_story.setdefault(result.assignments[member.id], []).append(member)
    stories = {key: summarize(group) for key, group in by_story.items()}
    originals = {i: source for group in by_story.values() for i, source in translated_from(group).items()}
    best: dict[str, tuple[float, str, float, float, str]] = {}
    for link in result.links:
        for mine, other in ((link.a, link.b), (link.b, link.a)):
            candidate = (
                max(link.jaccard, link.containment),
                other,
                link.jaccard,
                link.containment,
                link.kind,
            )
            if candidate > best.get(mine, (-1.0, "", 0.0, 0.0, "")):
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
                "translated_from": originals.get(member.id),
                "language": member.language,
                "copies": story.copies,
                "agency": member.agency,
                "story_agency": story.agency,
                "linked": {
                    "to": linked[1],
                    "jaccard": round(linked[2], 3),
                    "containment": round(linked[3], 3),
                    "kind": linked[4],
                }
                if linked
                else None,
            }
        )


@app.command("run-once")
def run_once(
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL; default from settings")] = None,
    run_id: Annotated[str, typer.Option(help="recorded on loaded rows")] = "",
    all_feeds: Annotated[bool, typer.Option("--all-feeds", help="poll every feed, due or not")] = False,
) -> None:
    """Run the whole pipeline once without Airflow: the due feeds (for debugging and benchmarks)."""
    from datetime import UTC, datetime

    from wirewatch.pipeline import RunContext
    from wirewatch.pipeline import run_once as run

    ctx = RunContext.open(run_id or f"run-once__{datetime.now(UTC).isoformat()}", warehouse)
    _jsonl_out(run(ctx, every_feed=all_feeds)["summary"])


@app.command()
def matches(
    limit: Annotated[int, typer.Option(help="rows to show")] = 20,
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL")] = None,
) -> None:
    """Show the latest matches from the warehouse as a table."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from wirewatch.warehouse.store import matches_since

    engine = _existing_warehouse(warehouse)
    try:
        rows = matches_since(engine, limit=limit)
    except (OperationalError, ProgrammingError) as exc:
        _fail(f"cannot read matches from {engine.url.render_as_string()}: {exc.orig}")
    table = Table(title=f"Latest {len(rows)} matches")
    for column in ("topic", "score", "outlet", "headline", "agency", "lang", "event", "published"):
        table.add_column(column)
    for row in rows:
        published = row["published_at"].strftime("%Y-%m-%d %H:%M") if row["published_at"] else ""
        score = f"{row['score']:.1f}" if row["score"] is not None else ""
        table.add_row(
            row["topic_id"],
            score,
            row["outlet"],
            row["headline"] or "",
            row["agency"] or "",
            row["language"] or "",
            (row["event_key"] or "")[-6:],  # enough of the key to see which rows share an event
            published,
        )
    _out().print(table)


@app.command()
def events(
    limit: Annotated[int, typer.Option(help="events to show")] = 10,
    all_events: Annotated[bool, typer.Option("--all", help="also events that match no topic")] = False,
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL")] = None,
) -> None:
    """Show the latest news events that match a topic: their stories, agencies, languages, translations."""
    from wirewatch.warehouse.stories import latest_events

    for event in latest_events(_existing_warehouse(warehouse), limit, matched=not all_events):
        stories = _count(event["stories"], "story", "stories")
        copies = _count(event["copies"], "copy", "copies")
        who = ", ".join(event["agencies"]) or "no agency"
        out.print(
            f"[bold]{escape(event['headline'] or '')}[/bold]  event {event['event_key'][-6:]}: "
            f"{stories}, {copies}; {who}; {', '.join(event['languages'])}",
            highlight=False,
        )
        for story in event["story_rows"]:
            out.print(
                f"  {story['agency'] or '-':<8} {', '.join(story['languages']):<10} "
                f"{_count(story['copies'], 'copy', 'copies')}: "
                f"{escape(', '.join(story['outlet_names']))}",
                highlight=False,
            )
            for line in story["translations"]:
                out.print(f"    {escape(line)}", highlight=False)


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
    from wirewatch.ingest.opml import feeds_from_opml

    try:
        feeds = feeds_from_opml(opml, language)
    except ConfigError as exc:
        _fail(str(exc))
    entries = [feed.model_dump(exclude={"enabled"}) for feed in feeds]
    sys.stdout.write(yaml.safe_dump({"imported": entries}, allow_unicode=True, sort_keys=False))


@feeds_app.command("check")
def feeds_check() -> None:
    """Validate feeds.yaml and topics.yaml (every query too); print what would be polled."""
    from wirewatch.match import check_topics

    try:
        config = load_pipeline_config()
    except ConfigError as exc:
        _fail(str(exc))
    errors = check_topics(config.topics)
    for error in errors:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
    if errors:
        raise typer.Exit(1)
    err.print(f"{len(config.feeds)} feeds, {len(config.topics.topics)} topics: config is valid")


@digest_app.command("preview")
def digest_preview(
    out: Annotated[Path, typer.Option(help="file to write: .html (default), .txt or .eml")] = Path(
        "digest.html"
    ),
    date: Annotated[
        str | None, typer.Option(help="day YYYY-MM-DD; default yesterday (digest time zone)")
    ] = None,
    recipient: Annotated[str | None, typer.Option(help="a subscriber: their topics and language")] = None,
    topics: Annotated[str | None, typer.Option(help="comma-separated topic ids; default all")] = None,
    language: Annotated[str | None, typer.Option(help="en, de or fr")] = None,
    warehouse: Annotated[str | None, typer.Option(help="SQLAlchemy URL")] = None,
) -> None:
    """Write the digest that would be sent for a day, without sending or recording anything."""
    from datetime import UTC, datetime

    from wirewatch.config import load_digest_config
    from wirewatch.digest.deliver import compose, digest_day, new_message_id, plan_jobs, recipient_key
    from wirewatch.digest.unsubscribe import existing_token

    config = load_digest_config()
    try:
        day = digest_day(datetime.now(UTC), config.options.timezone, date)
        chosen = [t.strip() for t in topics.split(",") if t.strip()] if topics else None
        # someone who is not subscribed sees every topic
        (job,) = plan_jobs(config, day, [recipient or "preview@wirewatch.localhost"], chosen)
    except ValueError as exc:
        _fail(str(exc))
    if language:
        if language not in ("en", "de", "fr"):
            _fail(f"--language {language!r}: choose en, de or fr")
        job = replace(job, language=language)
    sender = config.options.sender or "Wirewatch <digest@wirewatch.localhost>"
    engine = _existing_warehouse(warehouse)
    # the recipient's own link if a digest went out to them; a preview records nothing
    token = existing_token(engine, recipient_key(job.recipient)) or "preview"
    digest, message = compose(
        config, engine, job, sender, new_message_id(day, sender), datetime.now(UTC), token
    )
    suffix = out.suffix.lower()
    try:
        if suffix == ".eml":
            out.write_bytes(bytes(message))
        else:
            part = message.get_body(("plain",) if suffix == ".txt" else ("html",))
            out.write_text(part.get_content(), encoding="utf-8")
    except OSError as exc:
        _fail(f"{out}: {exc.strerror}")
    err.print(
        f"wrote {out}: {digest.stories} stories for {day.isoformat()} "
        f"({', '.join(job.topics)}; {job.language}); subject: {message['Subject']}"
    )


@app.command("mailsink")
def mailsink(
    directory: Annotated[Path, typer.Option("--dir", help="where received messages are stored")] = Path(
        "mail"
    ),
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="SMTP port")] = 8025,
) -> None:
    """A local SMTP server that stores every message it receives as an .eml file."""
    from wirewatch.devstack.mailsink import serve

    serve(directory, host, port)


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
    from wirewatch.devstack.simwire import WireSettings, serve

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
    from wirewatch.devstack.simwire import SimWire, WireSettings

    sys.stdout.write(SimWire(WireSettings(port=port, outlets=outlets)).feeds_yaml())


def _environment_problem(exc: Exception) -> str | None:
    """One line for what the user can fix (a busy port, an unreachable database, a bad URL); None for a bug."""
    if isinstance(exc, OSError):
        return str(exc)
    from sqlalchemy.exc import ArgumentError, OperationalError

    if isinstance(exc, OperationalError | ArgumentError):
        return "database: " + " ".join(str(getattr(exc, "orig", None) or exc).split())
    return None


def main() -> None:
    try:
        app()
    except ConfigError as exc:
        # outside the command, where typer.Exit would be a traceback
        _print_error(str(exc))
        sys.exit(2)
    except Exception as exc:
        problem = _environment_problem(exc)
        if problem is None:
            raise
        _print_error(problem)
        sys.exit(1)


if __name__ == "__main__":
    main()
