"""Input and output formats: which format a file name stands for, and opening files (gzip, zstd)."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

from defnames.errors import InputError

FORMATS = ("csv", "tsv", "jsonl", "parquet")
_SUFFIX = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
_GZIP, _ZSTD, _PARQUET = b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"PAR1"


def _strip_compression(path: str) -> tuple[str, str | None]:
    p = Path(path)
    if p.suffix.lower() in (".gz", ".gzip"):
        return str(p.with_suffix("")), "gzip"
    if p.suffix.lower() in (".zst", ".zstd"):
        return str(p.with_suffix("")), "zstd"
    return path, None


def format_of(path: str | None) -> str | None:
    """The format a file name stands for (``csv``, ``tsv``, ``jsonl``, ``parquet``), or None.

    >>> format_of("awards.jsonl.gz"), format_of("out.PQ"), format_of("-"), format_of("notes.txt")
    ('jsonl', 'parquet', None, None)
    """
    if not path or path == "-":
        return None
    return _SUFFIX.get(Path(_strip_compression(path)[0]).suffix.lower())


def _zstd() -> Any:
    try:
        import zstandard
    except ImportError:
        raise InputError("zstd input needs the zstandard package: pip install 'defnames[zstd]'") from None
    return zstandard


def _decompressed(raw: BinaryIO, name: str) -> BinaryIO:
    """The bytes of a stream, gunzipped or un-zstd'ed when they start with those magic bytes."""
    buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    head = buffered.peek(4)[:4]
    if head.startswith(_GZIP):
        return gzip.GzipFile(fileobj=buffered, mode="rb")  # type: ignore[return-value]
    if head.startswith(_ZSTD):
        reader = _zstd().ZstdDecompressor().stream_reader(buffered, read_across_frames=True)
        return io.BufferedReader(reader)
    return cast(BinaryIO, buffered)


def _open_binary_input(path: str, stdin: TextIO | None) -> tuple[BinaryIO | None, TextIO | None]:
    """(binary stream, None), or (None, text stream) for a stdin that has no bytes underneath."""
    if path == "-":
        src = stdin or sys.stdin
        buf = getattr(src, "buffer", None)
        return (buf, None) if buf is not None else (None, src)
    try:
        return open(path, "rb"), None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def _text(binary: BinaryIO) -> TextIO:
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _open_output(path: str | None, stdout: TextIO | None) -> TextIO:
    if path in (None, "-"):
        return stdout or sys.stdout
    assert path is not None
    compression = _strip_compression(path)[1]
    try:
        if compression == "gzip":
            return gzip.open(path, "wt", encoding="utf-8", errors="surrogateescape", newline="")
        if compression == "zstd":
            raw = open(path, "wb")  # noqa: SIM115
            writer = _zstd().ZstdCompressor().stream_writer(raw, closefd=True)
            return io.TextIOWrapper(writer, encoding="utf-8", errors="surrogateescape", newline="")
        return open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _kinds(
    src_path: str, dst_path: str | None, fmt: str | None, input_fmt: str | None, binary: BinaryIO | None
) -> tuple[str, str]:
    """The input and output formats: given, else from the file names (or Parquet's magic bytes)."""
    in_kind = input_fmt or format_of(src_path)
    if in_kind is None and binary is not None and binary.peek(4)[:4] == _PARQUET:  # type: ignore[attr-defined]
        in_kind = "parquet"
    in_kind = in_kind or fmt or "csv"
    out_kind = fmt or format_of(dst_path) or in_kind
    if out_kind == "parquet" and dst_path in (None, "-"):
        raise InputError("Parquet output needs -o OUTPUT (or --format csv|tsv|jsonl for standard output)")
    return in_kind, out_kind
