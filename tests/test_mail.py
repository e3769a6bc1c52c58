import io

from django.core.mail import EmailMessage

from ecobiz.mail import ReadableConsoleBackend

LINK = (
    "http://127.0.0.1:8000/akun/confirm-email/"
    + "MjQ:1vabcdefghijklmnopqrstuvwxyz" * 3
    + "/"
)


def test_console_backend_prints_link_whole():
    stream = io.StringIO()
    message = EmailMessage(
        subject="Konfirmasi alamat email",
        body=f"Buka tautan ini: {LINK}\n",
        from_email="EcoBiz <noreply@ecobiz.id>",
        to=["ketua@contoh.id"],
    )

    sent = ReadableConsoleBackend(stream=stream).send_messages([message])

    assert sent == 1
    assert LINK in stream.getvalue()
    assert "Subject: Konfirmasi alamat email" in stream.getvalue()
