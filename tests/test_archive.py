"""The raw archive under concurrent writers of the same bytes (two feeds can serve identical pages)."""

import threading

from wirewatch.archive import RawArchive


def race(archive: RawArchive, data: bytes, writers: int = 8) -> tuple[set[str], list[Exception]]:
    start = threading.Barrier(writers)
    digests, errors = set(), []

    def put():
        start.wait()
        try:
            digests.add(archive.put(data))
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=put) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return digests, errors


def test_concurrent_puts_of_the_same_bytes_all_succeed(tmp_path):
    archive = RawArchive(tmp_path.as_uri())
    for round_ in range(10):
        data = f"<rss>round {round_}: the same body from two feeds</rss>".encode() * 100_000
        digests, errors = race(archive, data)
        assert errors == [], f"round {round_}"
        (digest,) = digests
        assert archive.get(digest) == data
    assert not list(tmp_path.rglob("*.part"))
