"""Small HTML helpers for generated Markdown (always escaped)."""
from __future__ import annotations

import json
from html import escape


def attr(value: object) -> str:
    return escape(str(value), quote=True)


def text(value: object) -> str:
    return escape(str(value), quote=False)


def json_script(element_id: str, data: object) -> str:
    """A ``<script type="application/json">`` block that cannot be closed by its content."""
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{attr(element_id)}">{payload}</script>'
