from pathlib import Path

import pytest

from wirewatch.config import (
    ConfigError,
    Settings,
    load_digest_config,
    load_feeds,
    load_pipeline_config,
    load_subscriptions,
    load_topics,
)

SHIPPED = Path(__file__).resolve().parents[1] / "include" / "config"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid_and_has_both_feed_lists():
    feeds = load_feeds(SHIPPED / "feeds.yaml")
    assert feeds.active == "simwire"
    assert {feed.language for feed in feeds.feeds("public")} == {"de", "fr", "en"}
    assert len(feeds.feeds("simwire")) >= 8
    topics = load_topics(SHIPPED / "topics.yaml")
    assert "dprk-troops-kursk" in [topic.id for topic in topics.topics]


def test_feed_list_is_switched_by_one_setting(tmp_path):
    settings = Settings.from_env({"WIREWATCH_FEED_LIST": "public", "WIREWATCH_DATA_DIR": str(tmp_path)})
    config = load_pipeline_config(settings)
    assert all(feed.url.startswith("https://") for feed in config.feeds)


def test_unknown_feed_list_names_the_choices(tmp_path):
    settings = Settings.from_env({"WIREWATCH_FEED_LIST": "nope", "WIREWATCH_DATA_DIR": str(tmp_path)})
    with pytest.raises(ConfigError, match=r"'nope' not found.*public.*simwire"):
        load_pipeline_config(settings)


def test_bad_feed_names_file_entry_and_field(tmp_path):
    path = write(
        tmp_path,
        "feeds.yaml",
        """
lists:
  simwire:
    - {id: good, outlet: Good, url: "http://127.0.0.1/a.rss", language: de}
    - {id: broken-one, outlet: Broken, url: "ftp://example.org/x", language: de}
""",
    )
    with pytest.raises(ConfigError) as info:
        load_feeds(path)
    message = str(info.value)
    assert str(path) in message
    assert "lists.simwire[1] (id=broken-one).url" in message
    assert "http(s) URL" in message


def test_unknown_field_is_rejected_with_its_name(tmp_path):
    path = write(
        tmp_path,
        "feeds.yaml",
        'lists:\n  simwire:\n    - {id: a, outlet: A, url: "http://x/a", language: de, lang: fr}\n',
    )
    with pytest.raises(ConfigError, match=r"lists\.simwire\[0\] \(id=a\)\.lang: Extra inputs"):
        load_feeds(path)


def test_duplicate_feed_ids_are_rejected(tmp_path):
    entry = '{id: a, outlet: A, url: "http://x/a", language: de}'
    path = write(tmp_path, "feeds.yaml", f"lists:\n  simwire:\n    - {entry}\n    - {entry}\n")
    with pytest.raises(ConfigError, match="feed id 'a' appears twice"):
        load_feeds(path)


def test_invalid_yaml_names_line_and_column(tmp_path):
    path = write(tmp_path, "topics.yaml", "topics:\n  - id: x\n    name: [unclosed\n")
    with pytest.raises(ConfigError, match=r"topics\.yaml: line \d+, column \d+"):
        load_topics(path)


def test_topic_with_empty_term_list_names_topic_and_list(tmp_path):
    path = write(
        tmp_path,
        "topics.yaml",
        "topics:\n  - id: t1\n    name: T\n    query: '@places'\n    terms:\n      places: []\n",
    )
    with pytest.raises(ConfigError, match=r"topics\[0\] \(id=t1\)\.terms: .*'places'"):
        load_topics(path)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_topics(tmp_path / "absent.yaml")


def test_topics_digest_changes_with_a_term(tmp_path):
    base = "topics:\n  - id: t\n    name: T\n    query: {term}\n"
    one = load_topics(write(tmp_path, "a.yaml", base.format(term="alpha")))
    two = load_topics(write(tmp_path, "b.yaml", base.format(term="beta")))
    assert one.digest() != two.digest()
    assert one.digest() == load_topics(write(tmp_path, "c.yaml", base.format(term="alpha"))).digest()


def test_shipped_simwire_list_is_what_the_wire_serves_on_its_default_port():
    from wirewatch.devstack.simwire import SimWire, WireSettings

    served = SimWire(WireSettings(port=8765)).feeds()
    shipped = load_feeds(SHIPPED / "feeds.yaml").feeds("simwire")
    assert [(f.id, f.outlet, f.url, f.language) for f in shipped] == [
        (f["id"], f["outlet"], f["url"], f["language"]) for f in served
    ]


SUBS_TOPICS = "topics:\n  - {id: kursk, name: Kursk, query: kursk}\n  - {id: mars, name: Mars, query: mars}\n"


def subscriptions(tmp_path, text: str):
    topics = load_topics(write(tmp_path, "topics.yaml", SUBS_TOPICS))
    return load_subscriptions(write(tmp_path, "subscriptions.yaml", text), topics)


def test_shipped_subscriptions_are_valid():
    config = load_digest_config(Settings.from_env({"WIREWATCH_DATA_DIR": "/nonexistent"}))
    assert config.options.cron == "0 7 * * *" and config.options.timezone == "Europe/Zurich"
    plans = config.subscriptions.recipients()
    assert plans and all(plan.topics == ("dprk-troops-kursk",) for plan in plans)
    assert {plan.language for plan in plans} == {"en", "de"}


def test_a_recipient_on_several_subscriptions_gets_one_digest_with_every_topic(tmp_path):
    subs = subscriptions(
        tmp_path,
        """
lists:
  desk: ["Desk <Desk@Example.org>", b@example.org]
subscriptions:
  - {id: one, recipients: [desk], topics: [kursk], language: de, empty_day: skip}
  - {id: two, recipients: [desk@example.org, c@example.org], topics: [mars, kursk], empty_day: note}
""",
    )
    plans = {plan.address: plan for plan in subs.recipients()}
    assert list(plans) == ["Desk <Desk@Example.org>", "b@example.org", "c@example.org"]
    desk = plans["Desk <Desk@Example.org>"]
    assert desk.topics == ("kursk", "mars") and desk.language == "de" and desk.empty_day == "note"
    assert desk.subscriptions == ("one", "two")
    assert plans["b@example.org"].empty_day == "skip"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "subscriptions:\n  - {id: s, recipients: [desk], topics: [kursk]}\n",
            r"subscriptions\[0\] \(id=s\)\.recipients\[0\]: 'desk' is neither an address nor a list; lists: \[\]",
        ),
        (
            "subscriptions:\n  - {id: s, recipients: [a@example.org], topics: [kursk, venus]}\n",
            r"subscriptions\[0\] \(id=s\)\.topics\[1\]: unknown topic 'venus'; topics.yaml has \['kursk', 'mars'\]",
        ),
        (
            "subscriptions:\n  - {id: s, recipients: ['not@an address'], topics: [kursk]}\n",
            r"subscriptions\[0\] \(id=s\)\.recipients\[0\]: Value error, 'not@an address' is not an e-mail address",
        ),
        (
            "lists:\n  desk: [nobody]\n",
            r"lists\.desk\[0\]: Value error, 'nobody' is not an e-mail address",
        ),
        (
            "subscriptions:\n  - {id: s, recipients: [a@example.org], topics: [kursk], language: it}\n",
            r"subscriptions\[0\] \(id=s\)\.language: Input should be 'en', 'de' or 'fr'",
        ),
        (
            "subscriptions:\n  - {id: s, recipients: [a@example.org], topics: [kursk], empty_day: maybe}\n",
            r"subscriptions\[0\] \(id=s\)\.empty_day: Input should be 'note' or 'skip'",
        ),
        (
            "digest: {timezone: Mars/Olympus}\n",
            r"digest\.timezone: Value error, unknown time zone 'Mars/Olympus'",
        ),
        ("digest: {send_at: '25:00'}\n", r"digest\.send_at: Input should be in a valid time format"),
        (
            "subscriptions:\n  - {id: s, recipients: [a@example.org], topics: [kursk]}\n"
            "  - {id: s, recipients: [b@example.org], topics: [mars]}\n",
            r"subscriptions: id 's' appears twice",
        ),
    ],
)
def test_bad_subscriptions_name_file_entry_and_field(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message) as info:
        subscriptions(tmp_path, text)
    assert str(tmp_path / "subscriptions.yaml") in str(info.value)


def test_dedupe_settings_are_validated_with_their_names(tmp_path):
    base = "active: a\nlists: {a: [{id: a, outlet: A, url: 'https://a.example/f', language: de}]}\n"
    assert load_feeds(write(tmp_path, "plain.yaml", base)).dedupe.window_days == 7  # the defaults
    shipped = load_feeds(SHIPPED / "feeds.yaml").dedupe
    assert shipped == type(shipped)()  # the shipped file spells out the defaults
    too_many = write(tmp_path, "bands.yaml", base + "dedupe: {num_perm: 64, lsh_bands: 32, lsh_rows: 4}\n")
    with pytest.raises(
        ConfigError, match=r"bands\.yaml: dedupe: .*lsh_bands x lsh_rows = 128 exceeds num_perm = 64"
    ):
        load_feeds(too_many)
    bad = write(tmp_path, "bad.yaml", base + "dedupe: {min_containment: 1.5, windw_days: 3}\n")
    with pytest.raises(
        ConfigError, match=r"dedupe\.min_containment: .*less than or equal to 1.*dedupe\.windw_days"
    ):
        load_feeds(bad)


def test_config_file_that_is_not_utf8_names_line_and_column(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_bytes(b"active: simwire\nlists:\n  simwire: []  # Z\xfcrich\n")
    with pytest.raises(ConfigError) as info:
        load_feeds(path)
    assert str(info.value) == f"{path}: line 3, column 19: not UTF-8 (byte 0xfc); save the file as UTF-8"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("polling: {backoff_cap: 99999999999999d}", r"polling\.backoff_cap: .*between 0 and 30 days"),
        ("polling: {hint_cap: .inf}", r"polling\.hint_cap: .*between 0 and 30 days"),
        ("polling: {stale_min: -5}", r"polling\.stale_min: .*between 0 and 30 days"),
        ("fetch: {total_timeout: .inf}", r"fetch\.total_timeout: .*finite"),
        ("fetch: {connect_timeout: .nan}", r"fetch\.connect_timeout: .*finite"),
        ("fetch: {total_timeout: 86400}", r"fetch\.total_timeout: .*less than or equal to 3600"),
        ("fetch: {max_body_bytes: 99999999999999999999}", r"fetch\.max_body_bytes: .*less than or equal"),
        ("polling: {hard_weight: 99999999999}", r"polling\.hard_weight: .*less than or equal"),
        ("dedupe: {window_days: .inf}", r"dedupe\.window_days: .*finite"),
        ("max_shards: " + "[" * 2000 + "]" * 2000, r"nested too deeply"),
    ],
)
def test_numeric_settings_are_finite_and_bounded(tmp_path, setting, message):
    path = write(tmp_path, "feeds.yaml", f"{setting}\nlists: {{simwire: []}}\n")
    with pytest.raises(ConfigError, match=message) as info:
        load_feeds(path)
    assert str(path) in str(info.value)


def test_digest_retry_delay_is_finite(tmp_path):
    topics = load_topics(SHIPPED / "topics.yaml")
    path = write(tmp_path, "subscriptions.yaml", "digest: {retry_delay_seconds: .inf}\n")
    with pytest.raises(ConfigError, match=r"digest\.retry_delay_seconds: .*finite"):
        load_subscriptions(path, topics)
