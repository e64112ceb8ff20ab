"""Content-addressed store of raw feed and page bytes, so articles can be re-extracted later.

Any fsspec location works (a local folder by default, s3://, gs://, memory:// ...).
"""

from __future__ import annotations

import hashlib
import uuid

import fsspec


class RawArchive:
    def __init__(self, url: str) -> None:
        self.fs, root = fsspec.core.url_to_fs(url)
        self.root = root.rstrip("/")

    def path(self, digest: str) -> str:
        return f"{self.root}/{digest[:2]}/{digest}"

    def put(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        path = self.path(digest)
        if not self.fs.exists(path):
            self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
            # write then rename, so a crash never leaves a truncated blob under its hash; the temp
            # name is unique because two polls can store the same bytes at the same moment
            tmp = f"{path}.{uuid.uuid4().hex}.part"
            with self.fs.open(tmp, "wb") as handle:
                handle.write(data)
            self.fs.mv(tmp, path)
        return digest

    def get(self, digest: str) -> bytes:
        with self.fs.open(self.path(digest), "rb") as handle:
            return handle.read()
