"""Our structure tree (build_tools/pdf/structure_tree.py) on small print documents rendered with
the real stylesheet and fonts: Artifacts for running headers and page numbers, one element for a
table or article across pages, /Lang, link descriptions, the IDTree and soft hyphens."""
import pikepdf
import pytest
import weasyprint
from pdf_structure import read_tree, structure_problems
from pypdf import PdfReader

from build_tools.pdf import structure_tree
from build_tools.pdf.render import render_pdf

pytestmark = pytest.mark.slow


def document(body: str, lang: str = "el") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Δοκιμή</title>'
            f'<meta name="author" content="Ομάδα"></head><body class="lesson-doc">'
            f'<p class="running-module">Η ενότητα</p>{body}</body></html>')


def rendered(tmp_path, html: str):
    path = tmp_path / "doc.pdf"
    assert render_pdf(html, str(path)) == []
    return path


def langs_of(path, kind: str) -> list[str]:
    with pikepdf.open(path) as pdf:
        return sorted(str(e.Lang) for e in read_tree(pdf).elements if e.S == kind and "/Lang" in e)


LONG_TABLE = ("<article class='part' id='a'><h1 class='part__title'>Σύγκριση</h1><section class='section' id='s'>"
              "<h2 class='section__title'>Πίνακας</h2><table><thead><tr><th>Κανάλι</th><th>Ρόλος</th></tr></thead><tbody>"
              + "".join(f"<tr><td>Κανάλι {n}</td><td>Ρόλος {n}</td></tr>" for n in range(90))
              + "</tbody></table></section></article>")


def test_a_table_over_several_pages_is_one_table_with_its_header_once(tmp_path):
    html = document(LONG_TABLE)
    path = rendered(tmp_path, html)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) >= 3
        tree = read_tree(pdf)
        kinds = [str(e.S) for e in tree.elements]
        assert kinds.count("/Table") == 1 and kinds.count("/THead") == 1 and kinds.count("/TBody") == 1
        assert kinds.count("/Art") == 1 and kinds.count("/Sect") == 1
        assert kinds.count("/TR") == 91 and kinds.count("/TH") == 2
        ids = {str(k): v.objgen for k, v in pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree).items()}
        headers = {str(e.ID): e.objgen for e in tree.elements if e.S == "/TH"}
        assert ids == headers
        cells = [e for e in tree.elements if e.S == "/TD"]
        assert len(cells) == 180
        # Every data cell, on the last page too, names its column's header.
        assert all(len(cell.A.Headers) == 1 and str(cell.A.Headers[0]) in ids for cell in cells)
        assert {str(c.A.Headers[0]) for c in cells} == set(ids)
        # The header row WeasyPrint repeats on later pages is drawn as an Artifact.
        last = [str(ops[0]) for ops, op in pikepdf.parse_content_stream(pdf.pages[-1]) if str(op) == "BDC"]
        assert "/Artifact" in last
    assert structure_problems(path, "el", html) == []


def test_running_header_and_page_number_are_artifacts_not_loose_spans(tmp_path):
    html = document(LONG_TABLE)
    path = rendered(tmp_path, html)
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            artifacts = [ops[1] for ops, op in pikepdf.parse_content_stream(page)
                         if str(op) == "BDC" and str(ops[0]) == "/Artifact"]
            subtypes = [str(a.get("/Subtype")) for a in artifacts if a.get("/Type") == "/Pagination"]
            assert subtypes.count("/Footer") == 1, f"page {number}: the page number is one footer Artifact"
            # Page 1 prints the module's title in the text, so its running header shows only the part.
            assert subtypes.count("/Header") == (1 if number == 1 else 2)
        # Nothing the tree does not reach: every MCID has an element under the StructTreeRoot.
        tree = read_tree(pdf)
        for page in pdf.pages:
            mcids = {int(ops[1].MCID) for ops, op in pikepdf.parse_content_stream(page)
                     if str(op) == "BDC" and "/MCID" in ops[1]}
            assert mcids == {m for p, m in tree.marked if p == page.objgen}
            assert mcids == set(range(len(mcids))), "MCIDs of a page are numbered without gaps"


def test_a_phrase_in_another_language_carries_its_lang(tmp_path):
    html = document('<p>Στείλτε ένα <span lang="en">email</span> ή ένα <span lang="ru">письмо</span>.</p>')
    path = rendered(tmp_path, html)
    assert langs_of(path, "/Span") == ["en", "ru"]
    assert structure_problems(path, "el", html) == []


def test_link_descriptions_say_where_the_link_goes(tmp_path):
    html = document('<p><a href="#s2" title="Τα κανάλια του πελάτη">δείτε εδώ</a> και '
                    '<a href="#s2">η <span lang="en">omnichannel</span> ενότητα</a>.</p>'
                    '<section id="s2"><h2>Τα κανάλια του πελάτη</h2><p>Κείμενο.</p></section>')
    path = rendered(tmp_path, html)
    with pikepdf.open(path) as pdf:
        annots = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        contents = {str(a.Contents) for a in annots}
        tree = read_tree(pdf)
        links = [e for e in tree.elements if e.S == "/Link"]
        held = {k.Obj.objgen for e in links for k in e.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"}
    assert contents == {"η omnichannel ενότητα", "Τα κανάλια του πελάτη"}
    assert len(links) == 2
    # WeasyPrint also makes an annotation for the <span> inside the second link: the Link holds it too.
    assert held == {a.objgen for a in annots} and len(annots) >= 3
    assert structure_problems(path, "el", html) == []


def test_hyphens_added_at_line_breaks_are_soft_hyphens_in_the_text(tmp_path):
    words = "Internationalization representatives communication responsibilities characteristically " * 6
    html = document(f'<p style="width: 35mm">{words}</p>', lang="en")
    path = rendered(tmp_path, html)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "\u00ad\n" in text and "\u2010" not in text
    assert structure_problems(path, "en", html) == []


def test_the_tree_refuses_another_weasyprint(monkeypatch):
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match="written for WeasyPrint 70.0, not 71.0"):
        with structure_tree.tagging_for_weasyprint():
            pass


def test_an_image_is_a_figure_with_its_alt_text(tmp_path):
    from PIL import Image

    picture = tmp_path / "channels.png"
    Image.new("RGB", (40, 20), (30, 60, 160)).save(picture)
    html = document(f'<p>Πριν.</p><p><img src="{picture.as_uri()}" alt="Τα κανάλια ενός καταστήματος"></p>')
    path = rendered(tmp_path, html)
    with pikepdf.open(path) as pdf:
        figures = [e for e in read_tree(pdf).elements if e.S == "/Figure"]
        assert [str(f.Alt) for f in figures] == ["Τα κανάλια ενός καταστήματος"]
    assert structure_problems(path, "el", html) == []


def test_an_image_without_alt_text_is_reported(tmp_path):
    from PIL import Image

    picture = tmp_path / "channels.png"
    Image.new("RGB", (40, 20)).save(picture)
    html = document(f'<p><img src="{picture.as_uri()}"></p>')
    warnings = render_pdf(html, str(tmp_path / "doc.pdf"))
    assert any("has no required alt description" in w for w in warnings)
    assert "a Figure without /Alt" in structure_problems(tmp_path / "doc.pdf", "el", html)
