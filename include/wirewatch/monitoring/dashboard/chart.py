"""Matches per topic per day as an inline SVG line chart: no script, no external assets."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

# distinguishable in light and dark mode, and for the common colour-vision deficiencies
PALETTE = ("#2f6fdf", "#e0701c", "#1a9e6a", "#c23b8a", "#7a5bd6", "#b58b00", "#3a9fbf", "#d24a3c")
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return step * 4
    return -(-value // 1000) * 1000


def _label(day: str, days: int) -> str:
    d = date.fromisoformat(day)
    return f"{d:%a}" if days <= 7 else f"{d.day} {d:%b}"


def line_chart(data: dict[str, Any], title: str) -> str:
    """`data` is queries.matches_per_day(); one line per topic, one point per day."""
    days: list[str] = data["days"]
    topics: list[dict[str, Any]] = data["topics"]
    peak = max((n for t in topics for n in t["matches"]), default=0)
    top = _nice_max(max(peak, 1))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(days) - 1, 1)

    def x(i: int) -> float:
        return LEFT + i * step

    def y(n: int) -> float:
        return TOP + plot_h - n / top * plot_h

    parts = [
        f'<svg class="chart" data-days="{len(days)}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for k in range(5):
        value = top * k // 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
            f'<text class="axis" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{value}</text>'
        )
    # every label on a week; on a month every fifth day counted back from today, so today is labelled
    every = 1 if len(days) <= 10 else 5
    last = len(days) - 1
    for i, day in enumerate(days):
        if (last - i) % every == 0:
            anchor = "end" if i == last and len(days) > 10 else "middle"
            parts.append(
                f'<text class="axis" x="{x(i):.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}">{_label(day, len(days))}</text>'
            )
    for n, topic in enumerate(topics):
        colour = PALETTE[n % len(PALETTE)]
        name = escape(topic["topic_name"])
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(topic["matches"]))
        parts.append(
            f'<g class="series" data-topic="{escape(topic["topic_id"])}">'
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
        )
        for i, (count, stories) in enumerate(zip(topic["matches"], topic["stories"], strict=True)):
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(count):.1f}" r="3.5" fill="{colour}">'
                f"<title>{name}, {days[i]}: {count} matches, {stories} stories</title></circle>"
            )
        parts.append("</g>")
    if not topics:
        parts.append(
            f'<text class="empty" x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">No matches in these days</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend(data: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {
            "name": topic["topic_name"],
            "colour": PALETTE[n % len(PALETTE)],
            "total": str(sum(topic["matches"])),
        }
        for n, topic in enumerate(data["topics"])
    ]
