"""Small, pure pieces of the site's markup: the theme markup mended for the HTML checker and axe,
pages of a one-language pack, wide tables wrapped in a labelled scroll region, module titles."""
from build_tools.model import load_course
from build_tools.module_title import home_front_matter, module_title
from build_tools.site.tables import wrap_tables
from build_tools.site.theme_markup import mend_theme_markup
from build_tools.trainer_packs.one_language import one_language_html
from helpers import edit

THEME = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
         '<div class="md-search" data-md-component="search" role="dialog"><div class="md-search__inner" role="search">'
         '<input type="text" class="md-search__input" name="query" aria-label="Αναζήτηση" autocomplete="off" required>')


def test_checkboxes_lose_autocomplete_and_text_inputs_keep_it():
    html = mend_theme_markup(THEME)
    assert 'id="__drawer">' in html
    assert 'name="query" aria-label="Αναζήτηση" autocomplete="off"' in html


def test_search_dialog_is_named_after_its_search_box():
    html = mend_theme_markup(THEME)
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Αναζήτηση">' in html
    assert mend_theme_markup(html) == html        # mending twice changes nothing


PAGE = ('<head><!-- course-alternates -->\n<link rel="alternate course-language" href="../index.html" hreflang="en">\n'
        '<link rel="alternate course-language" href="index.html" hreflang="el">\n<!-- /course-alternates --></head>'
        '<nav><!-- course-languages -->\n<div class="md-header__option"><a href="../hu/index.html" hreflang="hu">Magyar</a>'
        '</div>\n<!-- /course-languages -->\n<label>search</label></nav>')


def test_one_language_page_drops_the_menu_and_other_hreflang_links():
    html = one_language_html(PAGE, "el")
    assert 'hreflang="el"' in html and 'hreflang="en"' not in html and "Magyar" not in html
    assert "<label>search</label>" in html


class _Language:
    def t(self, key):
        return {"site.table_region": 'Table "wide"', "site.table_hint": "Scroll <sideways>"}[key]


def test_markdown_tables_are_wrapped_in_a_labelled_focusable_region():
    markdown = "Intro.\n\n| A | B |\n|---|:---:|\n| 1 | 2 |\n\nAfter | not a table\n"
    wrapped = wrap_tables(markdown, _Language())
    assert '<div class="course-table__scroll" role="region" tabindex="0" aria-label="Table &quot;wide&quot;" markdown="1">' in wrapped
    assert "Scroll &lt;sideways&gt;" in wrapped
    assert wrapped.index("| A | B |") > wrapped.index('role="region"') and wrapped.index("</div>") > wrapped.index("| 1 | 2 |")
    assert wrapped.count('role="region"') == 1 and "After | not a table" in wrapped


def test_module_title_is_the_plain_home_page_title(fixture_course):
    edit(fixture_course / "content/el/index.md", "title: ", 'title: Το <span lang="en">omni</span> **μάθημα** ', 1)
    course = load_course(fixture_course)
    title = module_title(course, "el")
    assert title.startswith("Το omni μάθημα ") and "<" not in title and "*" not in title
    assert home_front_matter(course.config)["el"]["title"] == title
