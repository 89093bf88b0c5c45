"""The one function that turns inline Markdown into the plain text metadata needs."""
import pytest

from build_tools.plain_text import plain_text


@pytest.mark.parametrize("source, expected", [
    ('Μάθετε για το <span lang="en">email</span> και άλλα', "Μάθετε για το email και άλλα"),
    ("**Bold** and *emphasis* and _this_", "Bold and emphasis and this"),
    ("See [the lesson](01-basics.md#why) and `code`", "See the lesson and code"),
    ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3"),
    ("  many\n  lines\tand   spaces ", "many lines and spaces"),
    ("A <!-- TODO --> note", "A note"),
    ("Title {#some-id}", "Title"),
    ("snake_case_words stay", "snake_case_words stay"),
    ("5 * 3 = 15 and 2 * 4", "5 * 3 = 15 and 2 * 4"),
    (None, ""),
])
def test_plain_text_keeps_only_the_words(source, expected):
    assert plain_text(source) == expected


def test_plain_text_never_leaves_a_tag_that_could_end_an_attribute():
    text = plain_text('Say <span lang="en">"hi"</span> <b>now</b>')
    assert "<" not in text and ">" not in text
    assert text == 'Say "hi" now'
