"""Small HTML helpers for generated Markdown (always escaped)."""
from __future__ import annotations

import json
import re
from html import escape


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def text(value: object) -> str:
    return escape(str(value), quote=False)


LANG_SPAN_OPEN = re.compile(r"&lt;span lang=(?:&quot;|\")([A-Za-z-]{2,12})(?:&quot;|\")&gt;")
LANG_SPAN_CLOSE = "&lt;/span&gt;"


def title_html(value: object) -> str:
    """A heading's text escaped, except ``<span lang="xx">`` marking a phrase in another language."""
    escaped = LANG_SPAN_OPEN.sub(r'<span lang="\1">', text(value))
    return escaped.replace(LANG_SPAN_CLOSE, "</span>")


def json_script(element_id: str, data: object) -> str:
    """A ``<script type="application/json">`` block that cannot be closed by its content."""
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{attr(element_id)}">{payload}</script>'
