"""The digest HTML rendered by headless Chromium at desktop and phone widths, and `make screenshots`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.digest.wire import HOSTILE_HEADLINE, QUIET_TOPIC, TOPIC, TZ
from wirewatch.devstack import chromium
from wirewatch.digest.content import build_digest
from wirewatch.digest.render import render
from wirewatch.digest.screenshots import make_screenshots
from wirewatch.warehouse.db import make_engine

pytestmark = [pytest.mark.integration, pytest.mark.slow(seconds=35)]
WHITE = (255, 255, 255)
BACKGROUND = (0xEE, 0xF0, 0xF3)


@pytest.fixture(scope="module")
def page(wire_warehouse, tmp_path_factory) -> Path:
    engine = make_engine(wire_warehouse.url)
    topics = [(TOPIC, "North Korean troops in Kursk"), (QUIET_TOPIC, "Mars sample return")]
    digest = build_digest(engine, wire_warehouse.day, topics, TZ)
    path = tmp_path_factory.mktemp("browser") / "digest.html"
    path.write_text(render(digest, "en", ("desks",)).html, encoding="utf-8")
    return path


def white_span(image: Image.Image, y: int) -> tuple[int, int]:
    """First and last x of the white content column on row y."""
    xs = [x for x in range(image.width) if image.getpixel((x, y))[:3] == WHITE]
    return xs[0], xs[-1]


def assert_rendered(png: Path, width: int, height: int) -> Image.Image:
    image = Image.open(png).convert("RGB")
    assert image.size == (width, height)
    colours = image.getcolors(maxcolors=width * height)
    assert len(colours) > 50, "a blank or flat screenshot"
    painted = sum(count for count, colour in colours if colour not in (WHITE, BACKGROUND))
    assert painted > 0.05 * width * height, "almost nothing but background"
    return image


@pytest.mark.parametrize(("width", "column"), [(1200, (600, 640)), (390, (370, 390))])
def test_digest_renders_at_desktop_and_phone_width(page, tmp_path, width, column):
    scroll_width, height = chromium.measure(page, width)
    assert scroll_width == width, "the digest scrolls sideways"
    png, shot_height = chromium.full_page_screenshot(page, tmp_path / f"digest-{width}.png", width)
    assert shot_height == height
    image = assert_rendered(png, width, height)
    left, right = white_span(image, height // 2)
    assert column[0] <= right - left + 1 <= column[1]
    assert abs(left - (width - 1 - right)) <= 2, "the column is centred"


def test_the_rendered_dom_shows_stories_and_hostile_markup_as_text(page, wire_warehouse):
    dom = chromium.dump_dom(page, 1200, 900)
    assert "North Korean troops in Kursk" in dom and "Mars sample return" in dom
    # the Kursk event is one entry: the ATS story leads with its headline, its other French copies
    # are "also carried by" outlets, its translations and the other agencies' stories follow
    lead = next(c for c in wire_warehouse.copies if c.outlet == "courrier-lemanique")
    assert lead.title in dom
    others = [c for c in wire_warehouse.copies if c.outlet != "courrier-lemanique"]
    assert not any(c.title.replace("'", "&#39;") in dom for c in others)
    assert "German translation of the ATS item by" in dom and "Zürcher Abendpost" in dom
    assert "English translation of the ATS item by" in dom and "The Alpine Dispatch" in dom
    assert "Also: " in dom and "AFP (en)" in dom and "dpa (de)" in dom
    assert "Also carried by" in dom and "Le Matin Express" in dom
    assert "&lt;script&gt;alert(" in dom and "<script" not in dom
    assert HOSTILE_HEADLINE not in dom


def test_measure_sees_a_page_wider_than_the_window(tmp_path):
    wide = tmp_path / "wide.html"
    wide.write_text(
        '<html><body style="margin:0"><table width="700"><tr><td>x</td></tr></table></body></html>'
    )
    assert chromium.measure(wide, 390)[0] == 700


def test_make_screenshots_writes_the_documented_files(tmp_path):
    shots = make_screenshots(tmp_path)
    assert {shot.name: shot.path.name for shot in shots} == {
        "desktop": "digest-desktop.png",
        "phone": "digest-phone.png",
    }
    for shot in shots:
        assert_rendered(shot.path, shot.width, shot.height)
    assert "Wirewatch daily digest" in (tmp_path / "digest.html").read_text(encoding="utf-8")
    text = (tmp_path / "digest.txt").read_text(encoding="utf-8")
    assert (
        "1 story" in text
        and "German translation of the ATS item by" in text
        and "The Northern Ledger (northern-ledger): 1 of 1 polls failed" in text
    )
