"""The raw archive: content-addressed, and safe when writers store the same bytes at the same time."""

from concurrent.futures import ThreadPoolExecutor

from wirewatch.ingest.archive import RawArchive


def test_identical_bytes_stored_concurrently_end_up_once(tmp_path):
    archive = RawArchive((tmp_path / "archive").as_uri())
    blobs = [f"<rss>feed {n} served under two URLs</rss>".encode() * 1000 for n in range(20)]
    with ThreadPoolExecutor(16) as pool:
        for data in blobs:
            (digest,) = set(pool.map(lambda _, data=data: archive.put(data), range(32)))
            assert archive.get(digest) == data
    stored = sorted(p.name for p in (tmp_path / "archive").rglob("*") if p.is_file())
    assert len(stored) == len(blobs) and not any(name.endswith(".part") for name in stored)
