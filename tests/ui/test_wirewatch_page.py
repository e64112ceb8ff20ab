"""The Wirewatch page in the real Airflow api-server: 401 without a token, data with one, and the
page embedded in the Airflow UI rendered by headless Chromium (screenshots under tests/artifacts)."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest

from tests.browser import Browser
from tests.ui.conftest import PRIVATE_FEED, SCREENSHOTS, SECRETS, remember_screenshot
from tests.ui.restricted_auth import OUTSIDER

pytestmark = [pytest.mark.integration, pytest.mark.slow]
ENDPOINTS = (
    "/wirewatch/",
    "/wirewatch/?sort=outlet&dir=desc",
    "/wirewatch/icon.svg",
    "/wirewatch/api/feeds",
    "/wirewatch/api/matches-per-day?days=30",
    "/wirewatch/api/stories",
    "/wirewatch/api/runs",
    "/wirewatch/api/alerts",
)
KURSK = "dprk-troops-kursk"


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
    assert sum(kursk["matches"]) == 6 and sum(kursk["stories"]) >= 1
    assert len(get("/wirewatch/api/matches-per-day?days=30")["days"]) == 30

    stories = get("/wirewatch/api/stories")["stories"]
    (story,) = [s for s in stories if s["story"] == "story:kursk"]
    assert len(story["copies"]) == 6 and {c["agency"] for c in story["copies"]} == {"ATS", "AFP", "dpa"}
    assert story["run_link"] == "/dags/news_monitor/runs/scheduled__2026-11-25T01%3A00%3A00%2B00%3A00"

    runs = get("/wirewatch/api/runs")["runs"]
    assert [r["run_id"] for r in runs] == [
        "scheduled__2026-11-25T02:00:00+00:00",
        "scheduled__2026-11-25T01:00:00+00:00",
    ]
    assert runs[1]["matches"] == 6 and runs[1]["polled"] == len(feeds)

    alerts = {a["subject"]: a for a in get("/wirewatch/api/alerts")["alerts"]}
    assert alerts["feed:fault-404"]["state"] == "dead" and not alerts["feed:fault-404"]["emailed"]
    assert alerts["feed:fault-404"]["name"] == "Broken feed (404) (fault-404)"

    plugins = httpx.get(f"{api_server.url}/api/v2/plugins", headers=headers).json()["plugins"]
    (view,) = [v for p in plugins if p["name"] == "wirewatch" for v in p["external_views"]]
    assert (view["destination"], view["url_route"], view["href"]) == ("nav", "wirewatch", "/wirewatch/")


def test_the_page_renders_in_the_airflow_ui(api_server, wire, warehouse):
    """Log in, open the Wirewatch entry of the UI navigation, check the embedded page, take screenshots."""
    feed_count = len(warehouse["config"].feeds)
    browser = Browser(width=1440, height=1400)
    try:
        # what the UI's login form does: POST /auth/token, keep the token in the `_token` cookie
        browser.set_cookie(api_server.url, "_token", api_server.token())
        browser.navigate(f"{api_server.url}/plugin/wirewatch")
        frame = "document.querySelector('iframe[src*=\"/wirewatch/\"]')?.contentDocument"
        rows = browser.wait_for(f"({frame}?.querySelectorAll('#feed-health tbody tr') || []).length", 90)
        assert rows == feed_count
        page = browser.evaluate(
            f"""(() => {{
                const d = {frame};
                const charts = [...d.querySelectorAll('svg.chart')];
                return {{
                    outlets: [...d.querySelectorAll('#feed-health tbody tr')].map(r => r.dataset.feed),
                    dead: [...d.querySelectorAll('#feed-health tr[data-status=dead]')].map(r => r.dataset.feed),
                    charts: charts.map(c => ({{days: c.dataset.days, width: c.getBoundingClientRect().width,
                        points: c.querySelectorAll('circle').length, lines: c.querySelectorAll('polyline').length}})),
                    legend: d.querySelector('#chart-legend').innerText,
                    copies: [...d.querySelectorAll('#latest-stories li[data-copies]')].map(s => +s.dataset.copies),
                    html: d.documentElement.outerHTML,
                    nav: [...document.querySelectorAll('nav a, a')].map(a => a.innerText.trim()).filter(Boolean),
                }};
            }})()"""
        )
        assert set(page["outlets"]) == {f.id for f in warehouse["config"].feeds}
        assert {f["id"] for f in wire.feeds()} <= set(page["outlets"])
        assert page["outlets"][:3] == page["dead"]  # worst first
        assert [(c["days"], c["points"], c["lines"]) for c in page["charts"]] == [("7", 7, 1), ("30", 30, 1)]
        assert all(c["width"] > 300 for c in page["charts"])
        assert "North Korean troops" in page["legend"]
        assert 6 in page["copies"]
        assert "Wirewatch" in page["nav"]
        assert not any(secret in page["html"] for secret in SECRETS)

        ui_shot = browser.screenshot(SCREENSHOTS / "wirewatch-in-airflow-ui.png")
        remember_screenshot(ui_shot)
        loaded = frame.replace("?.", ".")
        browser.evaluate(f"{loaded}.querySelector('#latest-stories details').open = true")
        browser.evaluate(f"{loaded}.getElementById('chart-7d').scrollIntoView()")
        charts_shot = browser.screenshot(SCREENSHOTS / "wirewatch-charts-and-stories.png")
        remember_screenshot(charts_shot)
        assert ui_shot.stat().st_size > 20_000 and charts_shot.stat().st_size > 20_000
    finally:
        browser.close()
