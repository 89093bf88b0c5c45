"""The structure tree of our tagged PDFs (PDF/UA-1, ISO 32000-1 section 14.8).

WeasyPrint 70 tags a PDF page by page (``weasyprint/pdf/tags.py``). Its tree breaks several
rules of PDF/UA-1, so this module builds the tree in its place, from the same boxes and
marked content, with these differences:

- Running headers, footers and page numbers (the ``@page`` margin boxes) and table header
  rows that WeasyPrint repeats on later pages are **Artifacts** (``/Artifact <</Type
  /Pagination>>`` in the content stream, ``/Subtype /Header`` or ``/Footer`` for margin
  boxes). WeasyPrint marks them as Spans of a NonStruct that the tree never reaches.
- An element that continues on the next page (a section, a list, a table) stays **one**
  element; WeasyPrint starts a new one on every page.
- An element with a ``lang`` attribute carries ``/Lang``.
- A link annotation's ``/Contents`` describes its target: the ``title`` the print HTML gives
  the link (markdown_html.py), else its text. WeasyPrint writes the bare anchor name there.
- Every structure element with an ``/ID`` (table headers, which table cells refer to) is in
  the ``/IDTree`` of the structure tree root.

``tagging_for_weasyprint()`` puts ``add_tags`` in WeasyPrint's place while one PDF is written;
it also makes the hyphens WeasyPrint adds at line breaks soft hyphens in the text layer
(``soft_hyphens``). Written against WeasyPrint 70.0, the version pinned in pyproject.toml:
another version is refused, because the boxes and streams read here are not public API.
The code follows WeasyPrint's own (BSD licence) wherever nothing had to change.
"""
from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from typing import Iterator

import pydyf
import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.logger import LOGGER

from .hyphenation import HYPHENATE_CHARACTER, SOFT_HYPHEN

WEASYPRINT_VERSION = "70.0"


def _tag_of(element_tag: str | None) -> str:
    """The standard structure type of an HTML element (as WeasyPrint maps them)."""
    if element_tag is None:
        return "NonStruct"
    if element_tag == "a":
        return "Link"
    if element_tag.startswith("a::"):        # generated text of a link (a leader, a page number): part of it
        return "Span"
    if element_tag in ("h1", "h2", "h3", "h4", "h5", "h6", "tr", "th", "td"):
        return element_tag.upper()
    if element_tag in ("thead", "tbody", "tfoot"):
        return element_tag[:2].upper() + element_tag[2:]
    return _TAGS.get(element_tag, "NonStruct")


_TAGS = {"div": "Div", "span": "Span", "main": "Part", "article": "Art", "section": "Sect",
         "blockquote": "BlockQuote", "p": "P", "dl": "L", "ul": "L", "ol": "L", "li": "LI", "dt": "LI",
         "dd": "LI", "li::marker": "Lbl", "table": "Table", "img": "Figure",
         "{http://www.w3.org/2000/svg}svg": "Figure", "caption": "Caption", "figcaption": "Caption"}


def _children(box) -> list:
    return list(box.children) if isinstance(box, boxes.ParentBox) else []


def _descendants(box) -> Iterator:
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    yield box
    for child in _children(box):
        yield from _descendants(child)


def link_description(element) -> str:
    """What a link annotation's /Contents says: the link's title, else its text, else an image's alt."""
    if element is None:
        return ""
    title = " ".join((element.get("title") or "").split())
    if title:
        return title
    words = " ".join("".join(element.itertext()).split())
    if words:
        return words
    return " ".join(img.get("alt", "") for img in element.iter("img")).strip() or element.get("href", "")


class _Tree:
    """The structure tree of one document, built page by page."""

    def __init__(self, pdf, document_element):
        self.pdf = pdf
        self.document = document_element
        self.made: dict[tuple, pydyf.Dictionary] = {}          # (element, tag, parent) -> element
        self.page_of: dict[int, int] = {}                      # id(structure element) -> page number
        self.seen_header_groups: set[int] = set()              # id(<thead>) drawn once already
        self.column_headers: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
        self.ids: list[tuple[str, object]] = []                # (ID, reference), for the IDTree
        self.annotations: list = []
        self.link: tuple | None = None                         # (Link element, its <a>) being built
        # Per page:
        self.page_number = 0
        self.nums: dict[int, object] = {}
        self.tags: dict = {}
        self.artifact_roots: set[int] = set()

    # --- artifacts -------------------------------------------------------------------------

    def find_artifacts(self, page_box, stream) -> None:
        """Margin boxes and repeated table headers become Artifacts; the other MCIDs are renumbered."""
        artifacts: dict[int, str | None] = {}                  # mcid -> artifact subtype
        self.artifact_roots = set()
        for box in _descendants(page_box):
            if isinstance(box, boxes.MarginBox):
                subtype = "Header" if box.at_keyword.startswith("@top") else (
                    "Footer" if box.at_keyword.startswith("@bottom") else None)
            elif isinstance(box, boxes.TableRowGroupBox) and (box.is_header or box.is_footer) and box.element is not None:
                if id(box.element) not in self.seen_header_groups:
                    self.seen_header_groups.add(id(box.element))
                    continue
                subtype = None
            else:
                continue
            self.artifact_roots.add(id(box))
            for inner in _descendants(box):
                if inner in self.tags:
                    artifacts[self.tags.pop(inner)["mcid"]] = subtype
        properties = {item["MCID"]: (index, item) for index, item in enumerate(stream.stream)
                      if isinstance(item, pydyf.Dictionary) and "MCID" in item}
        if len(properties) != len(artifacts) + len(self.tags):
            raise RuntimeError("marked content outside the page's content stream (in a transparency group?): "
                               "build_tools/pdf/structure_tree.py cannot tag it; avoid opacity and transforms in print.css")
        for mcid, subtype in artifacts.items():
            index, item = properties.pop(mcid)
            stream.stream[index - 1] = "/Artifact"
            item.clear()
            item["Type"] = "/Pagination"
            if subtype:
                item["Subtype"] = f"/{subtype}"
        # MCIDs index the page's array in the parent tree: keep them 0, 1, 2, ... without gaps.
        renumbered = {old: new for new, old in enumerate(sorted(properties))}
        for old, (_, item) in properties.items():
            item["MCID"] = renumbered[old]
        for kid in self.tags.values():
            kid["mcid"] = renumbered[kid["mcid"]]

    # --- elements --------------------------------------------------------------------------

    def _page_ref(self):
        return self.pdf.page_references[self.page_number]

    def element(self, box, tag: str, parent) -> tuple[pydyf.Dictionary, bool]:
        """(structure element, whether it is new) for ``box``: the element of the same HTML
        element when that is the last child of ``parent`` (the box continues it from the
        previous page or line), else a new one."""
        key = (id(box.element), box.element_tag, tag, id(parent)) if box.element is not None else None
        known = self.made.get(key) if key else None
        if known is not None and len(parent["K"]) and parent["K"][-1] == known.reference:
            return known, False
        element = pydyf.Dictionary({"Type": "/StructElem", "S": f"/{tag}", "K": pydyf.Array([]),
                                    "Pg": self._page_ref(), "P": parent.reference})
        self.pdf.add_object(element)
        self.page_of[id(element)] = self.page_number
        lang = box.element.get("lang") if box.element is not None else None
        if lang:
            element["Lang"] = pydyf.String(lang)
        if key:
            self.made[key] = element
        return element, True

    def add_content(self, element, mcid: int) -> None:
        """Marked content ``mcid`` of the current page as a kid of ``element``."""
        if self.page_of.get(id(element)) == self.page_number:
            element["K"].append(mcid)
        else:
            element["K"].append(pydyf.Dictionary({"Type": "/MCR", "Pg": self._page_ref(), "MCID": mcid}))
        assert mcid not in self.nums
        self.nums[mcid] = element.reference

    def add_link_annotation(self, element, annotation) -> None:
        """A link annotation goes to its Link element, also when WeasyPrint made it for a box inside the link."""
        holder, html_link = self.link if self.link else (element, None)
        reference = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotation.reference, "Pg": self._page_ref()})
        self.pdf.add_object(reference)
        self.annotations.append((holder.reference, annotation))
        holder["K"].append(reference.reference)
        annotation["Contents"] = pydyf.String(link_description(html_link))

    def build(self, box, parent) -> Iterator[pydyf.Dictionary]:
        """The new structure elements of ``box`` (those not continued from before), as children of ``parent``."""
        if isinstance(box, AbsolutePlaceholder):
            box = box._box
        if id(box) in self.artifact_roots:
            return
        element_tag = None if box.element is None else box.element_tag
        tag = _tag_of(element_tag)

        if element_tag in ("html", "body") or isinstance(box, boxes.PageBox):
            if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
                for child in box.children:
                    yield from self.build(child, parent)
                return
        elif tag in ("TD", "TH"):
            if parent["S"] in ("/TD", "/TH"):       # anonymous block of a table cell
                tag = "NonStruct"
        elif tag == "LI":
            dl_item = box.element_tag in ("dt", "dd")
            no_bullet_li = box.element_tag == "li" and (
                "list-item" not in box.style["display"] or box.style["list_style_type"] == "none")
            if parent["S"] == "/LI":                # anonymous block of a list item
                tag = "LBody"
            elif parent["S"] == "/LBody":
                tag = "NonStruct"
            elif dl_item or no_bullet_li:           # wrapped in a list item of its own
                item, new = self.element(box, "LI", parent)
                body = list(self._build_element(box, "LBody", item))
                item["K"].extend(child.reference for child in body)
                if new:
                    yield item
                return
        yield from self._build_element(box, tag, parent)

    def _build_element(self, box, tag: str, parent) -> Iterator[pydyf.Dictionary]:
        element, new = self.element(box, tag, parent)
        if tag == "Figure" and new:
            x1, y1 = box.content_box_x(), box.content_box_y()
            element["A"] = pydyf.Dictionary({"O": "/Layout", "BBox": pydyf.Array((x1, y1, x1 + box.width, y1 + box.height))})
            if box.element.tag == "{http://www.w3.org/2000/svg}svg":
                title = box.element.find("{http://www.w3.org/2000/svg}title")
                if title is not None and title.text:
                    element["Alt"] = pydyf.String(title.text)
            elif box.element.attrib.get("alt"):
                element["Alt"] = pydyf.String(box.element.attrib["alt"])
            else:
                LOGGER.error('Image "%s" has no required alt description', box.element.attrib.get("src", "unknown"))
        elif tag == "Table" and box.is_table_wrapper:
            wrapper, table = box, box.get_wrapped_table()
            if table:                               # the table itself, with the captions in it
                box = table.copy_with_children([])
                for child in wrapper.children:
                    box.children.extend(child.children if child is table else [child])
        elif tag in ("TH", "TD"):
            if new:
                element["A"] = pydyf.Dictionary({"O": "/Table"})
                if box.colspan != 1:
                    element["A"]["ColSpan"] = box.colspan
                if box.rowspan != 1:
                    element["A"]["RowSpan"] = box.rowspan
            box.mark = element

        outer_link = self.link
        if tag == "Link":
            self.link = (element, box.element)
        if box.link_annotation:
            self.add_link_annotation(element, box.link_annotation)
        if box.widget_annotation:
            reference = pydyf.Dictionary({"Type": "/OBJR", "Obj": box.widget_annotation.reference,
                                          "Pg": self._page_ref()})
            self.pdf.add_object(reference)
            form = pydyf.Dictionary({"Type": "/StructElem", "S": "/Form", "K": pydyf.Array([reference.reference]),
                                     "Pg": self._page_ref(), "P": element.reference})
            self.pdf.add_object(form)
            self.annotations.append((form.reference, box.widget_annotation))
            element["K"].append(form.reference)

        for child in box.children if isinstance(box, boxes.ParentBox) else ():
            for inner in (child.children if isinstance(child, boxes.LineBox) else [child]):
                if isinstance(inner, boxes.TextBox):
                    kid = self.tags.pop(inner, None)
                    if kid is None:
                        continue
                    if tag == "Link":
                        self.add_content(element, kid["mcid"])
                    else:
                        span = pydyf.Dictionary({"Type": "/StructElem", "S": f"/{kid['tag']}",
                                                 "K": pydyf.Array([]), "Pg": self._page_ref(), "P": element.reference})
                        self.pdf.add_object(span)
                        self.page_of[id(span)] = self.page_number
                        self.add_content(span, kid["mcid"])
                        element["K"].append(span.reference)
                else:
                    # In PDF a nested list belongs to the outer list; in HTML to the outer list's item.
                    nested_list = inner.element_tag in ("ul", "ol") and element["S"] == "/LI"
                    child_parent = parent if nested_list else element
                    at = len(child_parent["K"])
                    child_parent["K"][at:at] = [e.reference for e in self.build(inner, child_parent)]

        if isinstance(box, boxes.ReplacedBox):
            kid = self.tags.pop(box, None)
            if kid is not None:
                self.add_content(element, kid["mcid"])
        self.link = outer_link
        if tag == "Table":
            self.link_cells_to_headers(box, element)
        if new:
            yield element

    def link_cells_to_headers(self, table_box, table) -> None:
        """/ID on every header cell, /Headers on every data cell, across all pages of the table."""
        def rows(box):
            for child in box.children:
                if id(child) not in self.artifact_roots:
                    yield from [child] if child.element_tag == "tr" else rows(child)

        def cells(rows_):
            """(row index, column index, cell) with WeasyPrint's bookkeeping of spanned columns."""
            colspans = defaultdict(int)
            for i, row in enumerate(rows_):
                j = 0
                for cell in row.children:
                    if cell.element is not None and hasattr(cell, "mark"):
                        yield i, j, cell
                    for _ in range(cell.colspan):
                        colspans[j] = cell.rowspan - 1
                        j += 1
                    if colspans[j]:
                        j += 1
                        colspans[j] -= 1

        fragment = list(rows(table_box))
        column_headers = self.column_headers[id(table)]       # kept from the table's earlier pages
        row_headers = defaultdict(list)
        for i, j, cell in cells(fragment):
            if cell.element_tag == "th" and "ID" not in cell.mark:
                key = f"th-{table.number}-{len(self.ids)}"
                cell.mark["ID"] = pydyf.String(key)
                self.ids.append((key, cell.mark.reference))
                (row_headers[i] if cell.element.attrib.get("scope") == "row" else column_headers[j]).append(cell.mark["ID"])
        for i, j, cell in cells(fragment):
            if cell.element_tag == "td":
                headers = [h for span in range(cell.rowspan) for h in row_headers[i + span]]
                headers += [h for span in range(cell.colspan) for h in column_headers[j + span]]
                cell.mark["A"]["Headers"] = pydyf.Array(headers)


def add_tags(pdf, document, pdf_version, page_streams) -> None:
    """WeasyPrint's ``add_tags`` (same arguments), with the tree described in the module docstring."""
    content_mapping = pydyf.Dictionary({"Nums": pydyf.Array()})
    pdf.add_object(content_mapping)
    root = pydyf.Dictionary({"Type": "/StructTreeRoot", "ParentTree": content_mapping.reference})
    pdf.add_object(root)
    top = pydyf.Dictionary({"Type": "/StructElem", "S": "/Document", "K": pydyf.Array(), "P": root.reference})
    pdf.add_object(top)
    root["K"] = pydyf.Array([top.reference])
    pdf.catalog["StructTreeRoot"] = root.reference
    if str(pdf_version) >= "2.0":
        namespace = pydyf.Dictionary({"Type": "/Namespace", "NS": pydyf.String("http://iso.org/pdf2/ssn")})
        pdf.add_object(namespace)
        root["Namespaces"] = pydyf.Array([namespace.reference])
        top["NS"] = namespace.reference

    tree = _Tree(pdf, top)
    for page_number, (page, stream) in enumerate(zip(document.pages, page_streams)):
        tree.page_number, tree.nums, tree.tags = page_number, {}, stream._tags
        tree.find_artifacts(page._page_box, stream)
        top["K"].extend(element.reference for element in tree.build(page._page_box, top))
        assert not tree.tags, f"marked content left out of the structure tree on page {page_number + 1}"
        content_mapping["Nums"].append(page_number)
        content_mapping["Nums"].append(pydyf.Array([ref for _, ref in sorted(tree.nums.items())]))

    for number, (reference, annotation) in enumerate(tree.annotations, start=len(document.pages)):
        content_mapping["Nums"].append(number)
        content_mapping["Nums"].append(reference)
        annotation["StructParent"] = number
    if tree.ids:
        names = pydyf.Array()
        for key, reference in sorted(tree.ids):
            names.extend([pydyf.String(key), reference])
        id_tree = pydyf.Dictionary({"Names": names})
        pdf.add_object(id_tree)
        root["IDTree"] = id_tree.reference

    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
    pdf.catalog["MarkInfo"] = pydyf.Dictionary({"Marked": "true"})
    if "Lang" not in pdf.catalog:
        raise ValueError('the print HTML has no "lang" attribute on <html>, so the PDF would have no /Lang')


def soft_hyphens(fonts) -> None:
    """The glyph drawn for hyphenation says U+00AD in the text layer (ToUnicode), not U+2010.

    The print HTML holds no U+2010 of its own (print_html.py writes it as U+002D), so that
    glyph is drawn only where WeasyPrint hyphenates a word."""
    for font in fonts.values():
        for glyph, text in font.to_unicode.items():
            if text == HYPHENATE_CHARACTER:
                font.to_unicode[glyph] = SOFT_HYPHEN


@contextmanager
def tagging_for_weasyprint():
    """While writing one PDF: our structure tree and soft hyphens in WeasyPrint's place."""
    import weasyprint.pdf as weasy_pdf

    if weasyprint.__version__ != WEASYPRINT_VERSION:
        raise RuntimeError(f"build_tools/pdf/structure_tree.py is written for WeasyPrint {WEASYPRINT_VERSION}, "
                           f"not {weasyprint.__version__}: install the version pinned in pyproject.toml, "
                           "or check the module against the new WeasyPrint's pdf/tags.py")
    original_tags, original_fonts = weasy_pdf.add_tags, weasy_pdf.build_fonts_dictionary

    def fonts_dictionary(pdf, fonts, *args, **kwargs):
        soft_hyphens(fonts)
        return original_fonts(pdf, fonts, *args, **kwargs)

    weasy_pdf.add_tags, weasy_pdf.build_fonts_dictionary = add_tags, fonts_dictionary
    try:
        yield
    finally:
        weasy_pdf.add_tags, weasy_pdf.build_fonts_dictionary = original_tags, original_fonts
