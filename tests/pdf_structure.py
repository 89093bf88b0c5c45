"""PDF/UA-1 and ISO 32000-1 structure checks, read with pikepdf (veraPDF cannot be had here).

``structure_problems(path, lang, html)`` returns every rule a PDF breaks, as readable lines,
so that a test can assert ``== []`` and show them all at once. ``html`` is the print HTML the
PDF was rendered from: it says how many tables, articles, language changes and links the
structure tree must hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
# What WeasyPrint wrote as a link's description before: the bare anchor name.
SLUG = re.compile(r"^[0-9a-z]+(?:-[0-9a-z]+)*(?:--[0-9a-z-]+)?$")


@dataclass
class HtmlFacts:
    tables: int = 0
    articles: int = 0
    langs: dict[str, int] = field(default_factory=dict)     # lang attribute inside <body> -> how often
    links: int = 0


class _HtmlFacts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.facts = HtmlFacts()
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_body = True
        if not self.in_body:
            return
        self.facts.tables += tag == "table"
        self.facts.articles += tag == "article"
        self.facts.links += tag == "a" and "href" in a
        if a.get("lang"):
            self.facts.langs[a["lang"]] = self.facts.langs.get(a["lang"], 0) + 1


def html_facts(html: str) -> HtmlFacts:
    parser = _HtmlFacts()
    parser.feed(html)
    return parser.facts


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_struct_element(obj) -> bool:
    return isinstance(obj, pikepdf.Dictionary) and "/S" in obj and obj.get("/Type", pikepdf.Name.StructElem) == "/StructElem"


@dataclass
class Tree:
    elements: list = field(default_factory=list)             # every element reachable from the root
    reachable: set = field(default_factory=set)              # their objgen
    marked: set = field(default_factory=set)                 # (page objgen, MCID) that the tree holds
    annotations: set = field(default_factory=set)            # objgen of annotations the tree holds (OBJR)


def read_tree(pdf: pikepdf.Pdf) -> Tree:
    tree = Tree()
    root = pdf.Root.StructTreeRoot
    todo = [(kid, None) for kid in _kids(root)]
    while todo:
        element, page = todo.pop()
        if not _is_struct_element(element):
            continue
        if element.is_indirect:
            if element.objgen in tree.reachable:
                continue
            tree.reachable.add(element.objgen)
        tree.elements.append(element)
        page = element.get("/Pg", page)
        for kid in _kids(element):
            if isinstance(kid, int):
                tree.marked.add((page.objgen if page is not None else None, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                tree.marked.add((kid.get("/Pg", page).objgen, int(kid.MCID)))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                tree.annotations.add(kid.Obj.objgen)
            else:
                todo.append((kid, page))
    return tree


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    return {int(k): v for k, v in pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree).items()}


def _name_tree(tree) -> dict[str, object]:
    return {str(k): v for k, v in pikepdf.NameTree(tree).items()}


def _content_problems(pdf: pikepdf.Pdf, tree: Tree, parents: dict) -> list[str]:
    """Every text is in marked content that the tree holds, or in an Artifact; headers and footers are Artifacts."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        stack: list[tuple[str, int | None]] = []
        footers = 0
        page_parents = parents.get(int(page.obj.get("/StructParents", -1)))
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if op == "BDC" else None
                mcid = int(props["/MCID"]) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                stack.append((tag, mcid))
                if tag == "/Artifact" and isinstance(props, pikepdf.Dictionary) and props.get("/Subtype") == "/Footer":
                    footers += 1
                if mcid is not None:
                    if (page.objgen, mcid) not in tree.marked:
                        problems.append(f"page {number}: MCID {mcid} ({tag}) is not reached from the StructTreeRoot")
                    if page_parents is None or mcid >= len(page_parents) or \
                            page_parents[mcid].objgen not in tree.reachable:
                        problems.append(f"page {number}: the ParentTree gives MCID {mcid} no element of the tree")
            elif op == "EMC" and stack:
                stack.pop()
            elif op in TEXT_OPERATORS or op == "Do":
                artifact = any(tag == "/Artifact" for tag, _ in stack)
                tagged = any(mcid is not None for _, mcid in stack)
                if not (artifact or tagged):
                    problems.append(f"page {number}: {op} outside any tagged content or Artifact")
                if artifact and tagged:
                    problems.append(f"page {number}: {op} inside both an Artifact and tagged content")
        if footers == 0:
            problems.append(f"page {number}: no footer Artifact (the page number must be one)")
    return problems


def _font_problems(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    for number, page in enumerate(pdf.pages, start=1):
        for name, font in (page.Resources.get("/Font") or {}).items():
            descriptors = [font.get("/FontDescriptor")] + [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            if not any(d is not None and any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors):
                problems.add(f"font {font.get('/BaseFont')} is not embedded")
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None:
                problems.add(f"font {font.get('/BaseFont')} has no ToUnicode map")
            elif re.search(rb"<2010>", to_unicode.read_bytes(), re.IGNORECASE):
                problems.add(f"font {font.get('/BaseFont')}: a glyph means U+2010 in the text layer "
                             "(a hyphen added at a line break must be a soft hyphen, U+00AD)")
    return sorted(problems)


def structure_problems(path, lang: str, html: str) -> list[str]:
    """Every PDF/UA-1 / ISO 32000-1 structure rule (of those we check) that the PDF at ``path`` breaks."""
    facts = html_facts(html)
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            problems.append("MarkInfo /Marked is not true")
        if "/StructTreeRoot" not in root:
            return problems + ["no StructTreeRoot"]
        if str(root.get("/Lang", "")) != lang:
            problems.append(f"catalog /Lang is {root.get('/Lang')!r}, not {lang!r}")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            problems.append("ViewerPreferences /DisplayDocTitle is not true")
        with pdf.open_metadata() as xmp:
            title = xmp.get("dc:title")
            if not title:
                problems.append("no dc:title in the XMP metadata")
            elif str(pdf.docinfo.get("/Title", "")) != title:
                problems.append(f"XMP title {title!r} differs from the document information title")
            if xmp.get("pdfuaid:part") != "1":
                problems.append("not declared PDF/UA-1 (pdfuaid:part)")

        tree = read_tree(pdf)
        parents = _parent_tree(pdf)
        problems += _content_problems(pdf, tree, parents)
        problems += _font_problems(pdf)

        kinds = [str(e.S) for e in tree.elements]
        for element in tree.elements:
            if element.S == "/Figure" and not str(element.get("/Alt", "")).strip():
                problems.append("a Figure without /Alt")
        if kinds.count("/Table") != facts.tables:
            problems.append(f"{kinds.count('/Table')} Table elements for {facts.tables} tables")
        if kinds.count("/Art") != facts.articles:
            problems.append(f"{kinds.count('/Art')} Art elements for {facts.articles} articles")
        tagged_langs = [str(e.Lang) for e in tree.elements if "/Lang" in e]
        for code, count in facts.langs.items():
            if tagged_langs.count(code) < count:
                problems.append(f"{count} elements marked lang={code!r} but {tagged_langs.count(code)} with /Lang {code}")

        with_ids = {str(e.ID): e for e in tree.elements if "/ID" in e}
        if with_ids:
            ids = _name_tree(root.StructTreeRoot.IDTree) if "/IDTree" in root.StructTreeRoot else {}
            for key, element in with_ids.items():
                if key not in ids:
                    problems.append(f"structure element ID {key!r} is not in the IDTree")
                elif ids[key].objgen != element.objgen:
                    problems.append(f"the IDTree gives ID {key!r} another element")

        destinations = set(_name_tree(root.Names.Dests)) if "/Names" in root and "/Dests" in root.Names else set()
        links = 0
        for number, page in enumerate(pdf.pages, start=1):
            annots = page.obj.get("/Annots") or []
            if annots and page.obj.get("/Tabs") != "/S":
                problems.append(f"page {number} has annotations but no /Tabs /S")
            for annot in annots:
                if annot.get("/Subtype") != "/Link":
                    continue
                links += 1
                contents = str(annot.get("/Contents", "")).strip()
                if not contents:
                    problems.append(f"page {number}: a link without /Contents")
                elif contents in destinations or SLUG.match(contents):
                    problems.append(f"page {number}: link /Contents {contents!r} is an anchor name, not a description")
                if annot.objgen not in tree.annotations:
                    problems.append(f"page {number}: a link annotation that no Link element holds")
                parent = parents.get(int(annot.get("/StructParent", -1)))
                if parent is None or parent.get("/S") != "/Link":
                    problems.append(f"page {number}: a link annotation whose StructParent is not a Link element")
        if facts.links and not links:
            problems.append(f"{facts.links} links in the HTML, no link annotation in the PDF")
    return problems
