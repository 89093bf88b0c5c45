"""Search entries made from a built page (build_tools/site/search_text.py): one per section, each
with its own text, no interface text, blocks never run together."""
from build_tools.site.search_text import indexable_html, page_entries

PAGE = """<html><body><nav class="md-nav">Menu</nav>
<article class="md-content__inner md-typeset">
  <h1>Omnichannel basics</h1>
<nav class="course-actions" aria-label="Lesson actions"><a class="md-button" href="95-feedback.html">Feedback form</a>
<button type="button" class="md-button course-action--audio">Play audio</button></nav>
<p>Shoppers rarely buy in one place.</p>
<dl class="course-facts"><div><dt>EQF level</dt><dd>3-5</dd></div><div><dt>Study time</dt><dd>4 hours</dd></div></dl>
<div class="course-section-tools"><button type="button">Expand all</button></div>
<details class="course-section" id="abandoned-cart">
<summary>
<h2 class="course-section__title" id="abandoned-cart-title">The abandoned <span lang="en">basket</span></h2><span class="course-section__cue">Click to read</span></summary>
<p class="course-section-audio"><button type="button" class="course-section-play">Play audio: The abandoned basket</button></p>
<p>Anna leaves a blouse in her basket.</p>
</details>
<details class="course-section" id="channels">
<summary><h2 class="course-section__title" id="channels-title">Channels</h2><span class="course-section__cue">Click to read</span></summary>
<ul><li>Store</li><li>App</li></ul>
</details>
<div class="course-landscape-hint" role="note" hidden><span>Turn your phone sideways.</span> <button type="button">OK</button></div>
<script type="application/json" id="course-ui">{"hint.dismiss": "OK"}</script>
</article><footer>Made with Material</footer></body></html>"""


def entries():
    return {e["location"]: e for e in page_entries(PAGE, "01-basics.html", "Omnichannel basics")}


def test_each_section_gets_its_own_entry_with_its_own_text():
    found = entries()
    assert list(found) == ["01-basics.html", "01-basics.html#abandoned-cart-title", "01-basics.html#channels-title"]
    cart = found["01-basics.html#abandoned-cart-title"]
    assert cart["title"] == "The abandoned basket"
    assert cart["text"] == "<p>Anna leaves a blouse in her basket.</p>"
    assert found["01-basics.html#channels-title"]["text"] == "<ul><li>Store</li> <li>App</li> </ul>"
    assert "Anna" not in found["01-basics.html"]["text"]


def test_interface_text_is_not_indexed():
    text = " ".join(e["title"] + " " + e["text"] for e in entries().values())
    for ui in ("Feedback form", "Play audio", "Expand all", "Click to read", "Turn your phone", "OK", "Menu",
               "Made with", "hint.dismiss"):
        assert ui not in text, ui
    assert entries()["01-basics.html"]["text"].startswith("<p>Shoppers rarely buy in one place.</p>")


def test_blocks_do_not_run_words_together():
    page_text = entries()["01-basics.html"]["text"]
    assert "EQF level 3-5 Study time 4 hours" in page_text
    assert "StoreApp" not in entries()["01-basics.html#channels-title"]["text"].replace("<li>", "").replace("</li>", "")


def test_the_indexed_view_changes_nothing_but_markup_for_the_indexer():
    html = indexable_html('<details id="a"><summary><h2 id="a-title">T</h2></summary><p>x</p></details>')
    assert "<summary" not in html and '<h2 id="a-title">T</h2>' in html and "<p>x</p>" in html


def test_a_page_without_the_themes_article_gives_no_entries():
    assert page_entries("<html><body><p>Not a course page</p></body></html>", "x.html", "X") == []
