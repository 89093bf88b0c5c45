"""UI strings of the consent block after a quiz result (translations/<lang>.yml, group 'results:');
the quiz JSON hands them to quiz.js as ``share``."""
RESULTS_UI_KEYS = tuple(f"results.{key}" for key in (
    "heading", "consent", "agree", "send", "need_consent", "done", "failed"))
