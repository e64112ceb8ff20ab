"""The Wirewatch page in the real Airflow api-server: 401 without a token, data with one, and the
page embedded in the Airflow UI rendered by headless Chromium (screenshots under tests/artifacts)."""

from __future__ import annotations

import json
import time

import httpx
import jwt
import pytest

from tests.browser import Browser
from tests.ui.conftest import PRIVATE_FEED, SCREENSHOTS, SECRETS, remember_screenshot
from tests.ui.restricted_auth import OUTSIDER
from wirewatch.devstack.simwire.kursk import KURSK_COPIES

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=65)]
ENDPOINTS = (
    "/wirewatch/",
    "/wirewatch/?sort=outlet&dir=desc",
    "/wirewatch/icon.svg",
    "/wirewatch/fragment",
    "/wirewatch/plugin.js",
    "/wirewatch/api/feeds",
    "/wirewatch/api/matches-per-day?days=30",
    "/wirewatch/api/stories",
    "/wirewatch/api/runs",
    "/wirewatch/api/alerts",
)
KURSK = "dprk-troops-kursk"
# the page inside the Airflow UI: the React app's shadow root
PAGE = "document.getElementById('wirewatch-page').shadowRoot"
# the same while the app (re)mounts
MAYBE_PAGE = "document.getElementById('wirewatch-page')?.shadowRoot"


def forged_token() -> str:
    """Well-formed, but signed with a key the server does not have."""
    now = int(time.time())
    claims = {
        "sub": "admin",
        "role": "ADMIN",
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "aud": "apache-airflow",
    }
    return jwt.encode(claims, "not-the-server-secret-" * 4, algorithm="HS512")


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_answers_401_without_a_valid_token(api_server, path):
    url = api_server.url + path
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"Authorization": "Bearer not-a-jwt"}).status_code == 401
    forged = httpx.get(url, headers={"Authorization": f"Bearer {forged_token()}"})
    assert forged.status_code == 401
    assert forged.headers["www-authenticate"] == "Bearer"
    assert httpx.get(url, cookies={"_token": forged_token()}).status_code == 401


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_answers_403_to_a_user_who_may_not_read_news_monitor(api_server, path):
    token = api_server.token(OUTSIDER)
    headers = {"Authorization": f"Bearer {token}"}
    # the auth manager's rule as Airflow's own API applies it: this DAG no, others yes
    assert httpx.get(f"{api_server.url}/api/v2/dags/news_monitor", headers=headers).status_code == 403
    assert httpx.get(f"{api_server.url}/api/v2/dags/news_digest", headers=headers).status_code in (200, 404)
    for denied in (
        httpx.get(api_server.url + path, headers=headers),
        httpx.get(api_server.url + path, cookies={"_token": token}),
    ):
        assert denied.status_code == 403
        assert "news_monitor" in denied.json()["detail"]


def test_no_unauthenticated_docs(api_server):
    for path in ("/wirewatch/docs", "/wirewatch/openapi.json", "/wirewatch/redoc"):
        response = httpx.get(api_server.url + path)
        assert response.status_code in (401, 404), path
        assert "openapi" not in response.text.lower()


def test_the_api_gives_data_with_a_token(api_server, wire, warehouse):
    headers = {"Authorization": f"Bearer {api_server.token()}"}

    def get(path: str) -> dict:
        response = httpx.get(api_server.url + path, headers=headers, timeout=30)
        assert response.status_code == 200, response.text
        assert not any(secret in response.text for secret in SECRETS)
        return response.json()

    feeds = {f["feed_id"]: f for f in get("/wirewatch/api/feeds")["feeds"]}
    assert set(feeds) == {f.id for f in warehouse["config"].feeds}
    for outlet in wire.feeds():
        row = feeds[outlet["id"]]
        assert row["outlet"] == outlet["outlet"] and row["status"] == "ok" and not row["stale"]
        assert row["cadence_seconds"] == 300 and row["items_per_day"] > 0 and row["last_success_at"]
    assert {feeds[f]["status"] for f in ("fault-404", "fault-not-xml", "fault-empty")} == {"dead"}
    assert feeds["fault-500"]["status"] == "failing" and feeds["fault-500"]["failures"] == 2
    assert feeds[PRIVATE_FEED["id"]]["url"] == "http://127.0.0.1:9/feed.rss?apikey=***"
    by_outlet = [f["outlet"] for f in get("/wirewatch/api/feeds?sort=outlet&dir=desc")["feeds"]]
    assert by_outlet == sorted(by_outlet, key=str.casefold, reverse=True)

    week = get("/wirewatch/api/matches-per-day?days=7")
    assert len(week["days"]) == 7
    (kursk,) = [t for t in week["topics"] if t["topic_id"] == KURSK]
    assert sum(kursk["matches"]) == len(KURSK_COPIES) and sum(kursk["stories"]) >= 1
    assert len(get("/wirewatch/api/matches-per-day?days=30")["days"]) == 30

    stories = get("/wirewatch/api/stories")["stories"]
    (story,) = [s for s in stories if s["story"] == "story:kursk"]
    assert len(story["copies"]) == len(KURSK_COPIES)
    assert {c["agency"] for c in story["copies"]} == {"ATS", "AFP", "dpa"}
    assert story["run_link"] == "/dags/news_monitor/runs/scheduled__2026-11-25T01%3A00%3A00%2B00%3A00"

    runs = get("/wirewatch/api/runs")["runs"]
    assert [r["run_id"] for r in runs] == [
        "scheduled__2026-11-25T02:00:00+00:00",
        "scheduled__2026-11-25T01:00:00+00:00",
    ]
    assert runs[1]["matches"] == len(KURSK_COPIES) and runs[1]["polled"] == len(feeds)

    alerts = {a["subject"]: a for a in get("/wirewatch/api/alerts")["alerts"]}
    assert alerts["feed:fault-404"]["state"] == "dead" and not alerts["feed:fault-404"]["emailed"]
    assert alerts["feed:fault-404"]["name"] == "Broken feed (404) (fault-404)"

    plugins = httpx.get(f"{api_server.url}/api/v2/plugins", headers=headers).json()["plugins"]
    (app,) = [v for p in plugins if p["name"] == "wirewatch" for v in p["react_apps"]]
    assert (app["destination"], app["url_route"], app["bundle_url"]) == (
        "nav",
        "wirewatch",
        "/wirewatch/plugin.js",
    )


def test_one_click_unsubscribe_needs_no_login_and_a_get_changes_nothing(api_server, warehouse):
    from wirewatch.digest.unsubscribe import recipient_token, unsubscribed

    engine = warehouse["engine"]
    url = f"{api_server.url}/wirewatch/unsubscribe/{recipient_token(engine, 'leaving@example.org')}"
    asked = httpx.get(url)
    assert asked.status_code == 200
    assert 'method="post"' in asked.text and "leaving@example.org" in asked.text
    assert unsubscribed(engine) == set()  # link scanners follow links
    # what a mail client sends for List-Unsubscribe-Post (RFC 8058)
    done = httpx.post(url, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "is unsubscribed" in done.text
    assert unsubscribed(engine) == {"leaving@example.org"}
    assert httpx.post(url).status_code == 200  # again: still unsubscribed
    unknown = httpx.post(f"{api_server.url}/wirewatch/unsubscribe/{'x' * 32}")
    assert unknown.status_code == 404 and "not known" in unknown.text


def open_page(browser: Browser, api_server, path: str = "/plugin/wirewatch") -> None:
    # what the UI's login form does: POST /auth/token, keep the token in the `_token` cookie
    browser.set_cookie(api_server.url, "_token", api_server.token())
    browser.navigate(api_server.url + path)


def rows(browser: Browser, timeout: float = 90) -> int:
    return browser.wait_for(
        f"({MAYBE_PAGE}?.querySelectorAll('#feed-health tbody tr') || []).length", timeout
    )


def test_the_page_renders_in_the_airflow_ui(api_server, wire, warehouse):
    """Log in, open the Wirewatch entry of the UI navigation, check the page, take screenshots."""
    browser = Browser(width=1440, height=1400)
    try:
        open_page(browser, api_server)
        assert rows(browser) == len(warehouse["config"].feeds)
        page = browser.evaluate(
            f"""(() => {{
                const d = {PAGE};
                const charts = [...d.querySelectorAll('svg.chart')];
                return {{
                    outlets: [...d.querySelectorAll('#feed-health tbody tr')].map(r => r.dataset.feed),
                    dead: [...d.querySelectorAll('#feed-health tr[data-status=dead]')].map(r => r.dataset.feed),
                    charts: charts.map(c => ({{days: c.dataset.days, width: c.getBoundingClientRect().width,
                        points: c.querySelectorAll('circle').length, lines: c.querySelectorAll('polyline').length}})),
                    legend: d.querySelector('#chart-legend').innerText,
                    copies: [...d.querySelectorAll('#latest-stories li[data-copies]')].map(s => +s.dataset.copies),
                    html: d.innerHTML,
                    nav: [...document.querySelectorAll('nav a, a')].map(a => a.innerText.trim()).filter(Boolean),
                    frames: document.querySelectorAll('iframe').length,
                }};
            }})()"""
        )
        assert set(page["outlets"]) == {f.id for f in warehouse["config"].feeds}
        assert {f["id"] for f in wire.feeds()} <= set(page["outlets"])
        assert page["outlets"][:3] == page["dead"]  # worst first
        assert [(c["days"], c["points"], c["lines"]) for c in page["charts"]] == [("7", 7, 1), ("30", 30, 1)]
        assert all(c["width"] > 300 for c in page["charts"])
        assert "North Korean troops" in page["legend"]
        assert len(KURSK_COPIES) in page["copies"]
        assert "Wirewatch" in page["nav"]
        assert page["frames"] == 0  # in the UI's own page, not a sandboxed frame
        assert not any(secret in page["html"] for secret in SECRETS)
        # the page's styles stay in its shadow root
        assert browser.evaluate("getComputedStyle(document.body).paddingTop") != "16px"

        ui_shot = browser.screenshot(SCREENSHOTS / "wirewatch-in-airflow-ui.png")
        remember_screenshot(ui_shot)
        browser.evaluate(f"{PAGE}.querySelector('#latest-stories details').open = true")
        browser.evaluate(f"{PAGE}.getElementById('chart-7d').scrollIntoView()")
        charts_shot = browser.screenshot(SCREENSHOTS / "wirewatch-charts-and-stories.png")
        remember_screenshot(charts_shot)
        assert ui_shot.stat().st_size > 20_000 and charts_shot.stat().st_size > 20_000
    finally:
        browser.close()


def test_links_in_the_airflow_ui_land_where_they_point(api_server, wire, warehouse):
    """Through the navigation entry: sort, an article (new tab), a run and the DAG (the UI's router)."""
    headers = {"Authorization": f"Bearer {api_server.token()}"}
    by_outlet = httpx.get(f"{api_server.url}/wirewatch/api/feeds?sort=outlet", headers=headers).json()
    browser = Browser(width=1440, height=1000)
    try:
        open_page(browser, api_server, "/")
        entry = "document.querySelector('a[aria-label=Wirewatch][href=\"/plugin/wirewatch\"]')"
        browser.wait_for(f"!!{entry}", 90)
        browser.click(entry)
        rows(browser)
        assert browser.evaluate("location.pathname") == "/plugin/wirewatch"
        # a router navigation keeps this; a page load would lose it
        browser.evaluate("window.wirewatchMarker = 'still here'")

        browser.click(f"{PAGE}.querySelector('a[data-sort=outlet]')")
        expected = [f["feed_id"] for f in by_outlet["feeds"]]
        browser.wait_for(
            f"JSON.stringify([...({MAYBE_PAGE}?.querySelectorAll('#feed-health tbody tr') || [])].map(r => r.dataset.feed))"
            f" === {json.dumps(json.dumps(expected, separators=(',', ':')))}"
        )
        assert browser.evaluate("location.search") == "?sort=outlet&dir=asc"

        article = f"{PAGE}.querySelector('#latest-stories .story-head a')"
        url = browser.evaluate(f"{article}.href")
        assert url.startswith("http://127.0.1.")
        browser.click(article)
        deadline = time.monotonic() + 30
        while url not in browser.tabs() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert url in browser.tabs()
        assert browser.evaluate("location.pathname") == "/plugin/wirewatch"

        run = f"{PAGE}.querySelector('#latest-stories a.run-link')"
        path = browser.evaluate(f"{run}.getAttribute('href')")
        assert path.startswith("/dags/news_monitor/runs/scheduled__")
        browser.click(run)
        browser.wait_for(f"location.pathname === {json.dumps(path)}")
        assert browser.evaluate("window.wirewatchMarker") == "still here"

        browser.evaluate("history.back()")
        rows(browser)
        browser.click(f"{PAGE}.querySelector('a.dag-link')")
        browser.wait_for("location.pathname === '/dags/news_monitor'")
        assert browser.evaluate("window.wirewatchMarker") == "still here"
    finally:
        browser.close()


def test_the_page_fits_a_phone(api_server, wire, warehouse):
    """At 390 px the wide tables scroll inside their boxes; the page itself never scrolls sideways."""
    browser = Browser(width=390, height=844)
    try:
        open_page(browser, api_server)
        rows(browser)
        widths = browser.evaluate(
            f"""(() => {{
                const page = document.getElementById('wirewatch-page');
                const box = {PAGE}.querySelector('#feed-health').parentElement;
                return {{page: page.scrollWidth, view: page.clientWidth,
                         inner: box.scrollWidth, outer: box.clientWidth, overflow: getComputedStyle(box).overflowX}};
            }})()"""
        )
        assert widths["page"] <= widths["view"], widths
        assert widths["inner"] > widths["outer"] and widths["overflow"] == "auto", widths
        remember_screenshot(browser.screenshot(SCREENSHOTS / "wirewatch-phone.png"))
        browser.evaluate(f"{PAGE}.getElementById('recent-runs').scrollIntoView()")
        remember_screenshot(browser.screenshot(SCREENSHOTS / "wirewatch-phone-runs.png"))
    finally:
        browser.close()
