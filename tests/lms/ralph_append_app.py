"""Ralph's LRS app with its file-system backend in its own 'append' write mode.

Ralph 5.1.0's FSLRSBackend writes every POST with the data backend's default operation,
'create', which refuses to write to an existing file: the second POST to a fresh LRS answers 500
("fs_lrs.jsonl already exists and overwrite is not allowed"). Its 'append' operation is the one
that keeps a statement log in one file, so the tests start Ralph with that as the default;
validation, storage and queries are Ralph's own, unchanged. Run by uvicorn in .venv-ralph."""
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402,F401  (the ASGI app uvicorn serves)
