"""The feedback service: what learners submit, where it is kept, and the ASGI app that takes it.

Modules, one concern each: ``options`` (the ``extra.course.feedback`` settings), ``validation``
(a submission's fields), ``database`` (SQLite or PostgreSQL connections), ``migrations``
(the schema), ``storage`` (adding and querying feedback), ``rate_limit``, ``security``
(headers, CSP, Origin), ``export`` (CSV), ``app`` (the Starlette application).
Importing this package does not import Starlette: the build only needs ``options``.
"""
