"""The quiz engine: question banks in YAML, their validation, grading and the JSON for the page.

- schema.py    question types, fields, and the model (Quiz, Question, Choice)
- loader.py    quiz/bank.yml and quiz/<lang>.yml into a Quiz, with file:line problems
- validate.py  the `course check` part: ids, answer keys, partners, sections, translations
- grader.py    grade_response(question, response) and score_attempt(); mirrored in quiz-grader.js
- export.py    one language's bank as JSON for the "Test yourself" page
- page.py      the renderer of page kind ``quiz``
- preview.py   the bank as text with the answers marked (`course quiz preview`)

``course.quiz`` is a :class:`~build_tools.quiz.schema.Quiz` (or None without quiz/bank.yml);
``course.quiz.questions_for(lang)`` gives the questions with that language's text.
"""
