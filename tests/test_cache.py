"""The derived-file cache: digests change with what they hash, and a manifest entry is fresh
only while its key matches and its file exists."""
from pathlib import Path

from build_tools.cache import Manifest, digest


def test_digest_is_stable_and_sensitive_to_every_part(tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_text("one", encoding="utf-8")
    first = digest("x", {"b": 1, "a": 2}, source)
    assert first == digest("x", {"a": 2, "b": 1}, source)
    assert first != digest("y", {"a": 2, "b": 1}, source)
    source.write_text("two", encoding="utf-8")
    assert first != digest("x", {"a": 2, "b": 1}, source)
    assert digest("ab", "c") != digest("a", "bc")
    assert digest(b"ab") != digest("ab")


def test_manifest_freshness_survives_a_reload(tmp_path: Path):
    artefact = tmp_path / "out.pdf"
    manifest = Manifest.in_folder(tmp_path / "cache")
    assert not manifest.is_fresh("out.pdf", "k1", artefact)
    artefact.write_bytes(b"%PDF")
    manifest.record("out.pdf", "k1")
    manifest.save()
    again = Manifest.in_folder(tmp_path / "cache")
    assert again.is_fresh("out.pdf", "k1", artefact)
    assert not again.is_fresh("out.pdf", "k2", artefact)
    artefact.unlink()
    assert not again.is_fresh("out.pdf", "k1", artefact)
    again.forget("out.pdf")
    assert not again.is_fresh("out.pdf", "k1")


def test_a_corrupt_manifest_counts_as_empty(tmp_path: Path):
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert Manifest.in_folder(tmp_path).entries == {}
