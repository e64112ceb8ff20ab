"""The read-only corpora of ../shared, or of the folder WIREWATCH_SHARED names."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("WIREWATCH_SHARED") or Path(__file__).resolve().parents[2] / "shared")
NEWS_PAGES = SHARED / "corpora" / "news-pages-de-fr"
# what a benchmark prints when it falls back to the simulated wire
ABSENT = f"{NEWS_PAGES} absent; set WIREWATCH_SHARED to the shared folder"
