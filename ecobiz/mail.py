"""An email backend for `make run` that prints messages as people read them.

Django's console backend prints the raw MIME message, whose quoted-printable
encoding splits long lines with "=", so the confirmation link in the
terminal cannot be copied as printed. This backend prints the headers a
person needs and the decoded text body.
"""

import sys
import threading

from django.core.mail.backends.base import BaseEmailBackend


class ReadableConsoleBackend(BaseEmailBackend):
    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages):
        with self._lock:
            for message in email_messages:
                self.stream.write(self._render(message))
            self.stream.flush()
        return len(email_messages)

    @staticmethod
    def _render(message) -> str:
        rule = "-" * 72
        return (
            f"{rule}\n"
            f"From: {message.from_email}\n"
            f"To: {', '.join(message.to)}\n"
            f"Subject: {message.subject}\n\n"
            f"{message.body}\n"
            f"{rule}\n"
        )
