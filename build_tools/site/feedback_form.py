"""The feedback page: its intro, then the form (labels in the page's language) and the data the
form's script needs: where to send, the page titles for ``?page=``, and the messages.

The script (overrides/assets/course/feedback.js) validates, sends, and keeps what could not be
sent; this module only writes the markup, escaped, so it works the same with any generator.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import CourseError
from ..feedback.options import DEFAULT_ENDPOINT, feedback_options
from ..feedback.validation import EMAIL_MAX, HONEYPOT_FIELD, TEXT_MAX
from ..model import Language, Page
from ..plain_text import plain_text
from .html import json_script, text
from .rendering import rendering_course

FEEDBACK_UI_KEYS = tuple(f"feedback.{name}" for name in (
    "about", "about_course", "rating", "rating_hint", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5",
    "required", "helpful", "improve", "email", "email_hint", "consent", "trap", "send", "sending", "thanks",
    "kept", "kept_items", "retry", "sent_later", "file_mode", "mailto", "mail_subject",
    "error_rating", "error_too_long", "error_email", "error_rejected",
)) + tuple(f"feedback_delivery.{name}" for name in ("refused", "no_service", "gave_up", "not_kept"))


def _endpoint() -> str:
    course = rendering_course()
    if course is None:
        return DEFAULT_ENDPOINT
    try:
        return feedback_options(course.config).endpoint
    except CourseError:
        return DEFAULT_ENDPOINT      # `course check` reports the bad setting before any build


def _rating(t) -> str:
    options = "".join(
        f'<label class="course-feedback__score"><input type="radio" name="rating" value="{n}" required> '
        f'<span class="course-feedback__number">{n}</span> <span>{text(t(f"feedback.rating_{n}"))}</span></label>'
        for n in range(1, 6))
    return (f'<fieldset class="course-feedback__rating" aria-describedby="feedback-rating-hint feedback-rating-error">'
            f'<legend>{text(t("feedback.rating"))} <span class="course-feedback__required">({text(t("feedback.required"))})</span></legend>'
            f'<p class="course-feedback__hint" id="feedback-rating-hint">{text(t("feedback.rating_hint"))}</p>'
            f'<div class="course-feedback__scores">{options}</div>'
            f'<p class="course-feedback__error" id="feedback-rating-error" hidden></p></fieldset>')


def _textarea(t, name: str) -> str:
    return (f'<p class="course-feedback__field"><label for="feedback-{name}">{text(t(f"feedback.{name}"))}</label>'
            f'<textarea id="feedback-{name}" name="{name}" rows="5" data-max="{TEXT_MAX}" '
            f'aria-describedby="feedback-{name}-count feedback-{name}-error"></textarea>'
            f'<span class="course-feedback__count" id="feedback-{name}-count">0 / {TEXT_MAX}</span>'
            f'<span class="course-feedback__error" id="feedback-{name}-error" hidden></span></p>')


def _email(t) -> str:
    return (f'<p class="course-feedback__field"><label for="feedback-email">{text(t("feedback.email"))}</label>'
            f'<input type="email" id="feedback-email" name="email" autocomplete="email" inputmode="email" '
            f'data-max="{EMAIL_MAX}" aria-describedby="feedback-email-hint feedback-email-error">'
            f'<span class="course-feedback__hint" id="feedback-email-hint">{text(t("feedback.email_hint"))}</span>'
            f'<span class="course-feedback__error" id="feedback-email-error" hidden></span></p>')


def feedback_form(language: Language) -> str:
    t = language.t
    trap = (f'<p class="course-feedback__trap" aria-hidden="true"><label for="feedback-{HONEYPOT_FIELD}">'
            f'{text(t("feedback.trap"))}</label><input type="text" id="feedback-{HONEYPOT_FIELD}" '
            f'name="{HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></p>')
    return "\n".join([
        '<div class="course-feedback" data-course-feedback>',
        f'<p class="course-feedback__about">{text(t("feedback.about"))} '
        f'<strong class="course-feedback__page">{text(t("feedback.about_course"))}</strong></p>',
        '<form class="course-feedback__form" novalidate>',
        _rating(t), _textarea(t, "helpful"), _textarea(t, "improve"), _email(t), trap,
        f'<p class="course-feedback__consent" id="feedback-consent">{text(t("feedback.consent"))}</p>',
        f'<p><button type="submit" class="md-button md-button--primary course-feedback__send" '
        f'aria-describedby="feedback-consent">{text(t("feedback.send"))}</button></p>',
        '</form>',
        '<div class="course-feedback__status" role="status" aria-live="polite">'
        '<p class="course-feedback__message"></p>'
        '<ul class="course-feedback__kept" hidden></ul>'
        f'<p><button type="button" class="md-button course-feedback__retry" hidden>{text(t("feedback.retry"))}</button></p>'
        '</div>',
        '</div>',
    ])


def form_config(language: Language) -> dict:
    pages = {p.stem: {"lesson": p.id, "title": plain_text(p.title)} for p in language.ordered_pages if p.kind != "feedback"}
    messages = {key.split(".", 1)[1]: language.t(key) for key in FEEDBACK_UI_KEYS}
    return {"endpoint": _endpoint(), "lang": language.code, "max": TEXT_MAX, "emailMax": EMAIL_MAX,
            "trap": HONEYPOT_FIELD, "pages": pages, "messages": messages}


def render_feedback_page(language: Language, page: Page, lang_dir: Path) -> str:
    return "\n\n".join(part for part in [page.intro.strip(), feedback_form(language),
                                         json_script("course-feedback-config", form_config(language))] if part)
