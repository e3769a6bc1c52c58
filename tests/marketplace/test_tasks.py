"""Inquiry notification emails, run through Celery's eager mode."""

from datetime import UTC, datetime
from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import translation

from cooperatives.models import Membership
from marketplace.tasks import send_inquiry_notification

from ..factories import MembershipFactory

pytestmark = pytest.mark.django_db

# 03:00 UTC is 10:00 in Jakarta (UTC+7).
SENT_AT = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)


class RejectingBackend(EmailBackend):
    """The locmem backend, except that it rejects addresses at ditolak.id."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@ditolak.id") for address in message.to):
                raise SMTPRecipientsRefused({message.to[0]: (550, b"rejected")})
        return super().send_messages(messages)


@pytest.fixture
def sent_inquiry(inquiry):
    inquiry.created_at = SENT_AT
    inquiry.save()
    return inquiry


def _run(**kwargs) -> int:
    return send_inquiry_notification.delay(**kwargs).get()


def _email_to(address: str):
    return next(message for message in mail.outbox if message.to == [address])


def test_email_english_recipient(sent_inquiry, ani, settings, eager_tasks):
    ani.language = "en"
    ani.save()
    assert settings.LANGUAGE_CODE == "id"
    _run(inquiry_id=sent_inquiry.pk)
    message = _email_to("ani@contoh.id")
    assert message.subject.startswith("[EcoBiz] New inquiry from")
    assert "Koperasi Konsumen Sejahtera" in message.subject
    assert "IDR\u00a012,500/kg" in message.body
    assert "4 Dec 2026, 10:00 WIB" in message.body
    assert "Rp\u00a012.500" not in message.body


def test_email_indonesian_recipient(sent_inquiry, ani, eager_tasks):
    _run(inquiry_id=sent_inquiry.pk)
    message = _email_to("ani@contoh.id")
    assert "Rp\u00a012.500/kg" in message.body
    assert "4 Des 2026, 10.00 WIB" in message.body
    assert "IDR" not in message.body


def test_email_indonesian_under_english_default(
    sent_inquiry, ani, settings, eager_tasks
):
    settings.LANGUAGE_CODE = "en"
    _run(inquiry_id=sent_inquiry.pk)
    message = _email_to("ani@contoh.id")
    assert "Rp\u00a012.500/kg" in message.body
    assert "4 Des 2026, 10.00 WIB" in message.body


def test_email_language_restored(sent_inquiry, ani, eager_tasks):
    ani.language = "en"
    ani.save()
    with translation.override("id"):
        _run(inquiry_id=sent_inquiry.pk)
        assert translation.get_language() == "id"


def test_email_one_per_recipient(sent_inquiry, producer, ani, budi, eager_tasks):
    manager = MembershipFactory(
        cooperative=producer,
        role=Membership.Role.MANAGER,
        user__email="fajar@contoh.id",
    ).user
    manager.language = "en"
    manager.save()
    producer.email = "kantor@tanimakmur.id"
    producer.save()
    sent = _run(inquiry_id=sent_inquiry.pk)
    assert sent == 3
    assert [message.to for message in mail.outbox] == [
        ["ani@contoh.id"],
        ["fajar@contoh.id"],
        ["kantor@tanimakmur.id"],
    ]
    assert "IDR\u00a012,500" in _email_to("fajar@contoh.id").body
    assert "Rp\u00a012.500" in _email_to("kantor@tanimakmur.id").body


def test_email_skips_staff(sent_inquiry, budi, eager_tasks):
    _run(inquiry_id=sent_inquiry.pk)
    assert ["budi@contoh.id"] not in [message.to for message in mail.outbox]


def test_email_address_once(sent_inquiry, producer, ani, eager_tasks):
    producer.email = "ANI@contoh.id"
    producer.save()
    assert _run(inquiry_id=sent_inquiry.pk) == 1


def test_email_contains_message_and_link(sent_inquiry, ani, settings, eager_tasks):
    settings.SITE_URL = "https://ecobiz.example"
    _run(inquiry_id=sent_inquiry.pk)
    body = mail.outbox[0].body
    assert "Bisa kirim 1 ton per bulan ke Garut?" in body
    assert f"https://ecobiz.example/pasar/pesan/{sent_inquiry.pk}/" in body
    assert "&amp;" not in body


def test_email_reply_goes_to_sender(sent_inquiry, producer, ani, citra, eager_tasks):
    reply = sent_inquiry.replies.create(
        author=ani, author_cooperative=producer, body="Bisa, harga Rp 12.000."
    )
    _run(inquiry_id=sent_inquiry.pk, reply_id=reply.pk)
    assert [message.to for message in mail.outbox] == [["citra@contoh.id"]]
    assert "Balasan baru dari Koperasi Tani Makmur" in mail.outbox[0].subject
    assert "Bisa, harga Rp 12.000." in mail.outbox[0].body


def test_email_author_left_out(sent_inquiry, producer, ani, citra, eager_tasks):
    # Citra also manages the producer, and wrote the inquiry herself.
    MembershipFactory(cooperative=producer, user=citra, role=Membership.Role.MANAGER)
    _run(inquiry_id=sent_inquiry.pk)
    assert [message.to for message in mail.outbox] == [["ani@contoh.id"]]


def test_email_deleted_inquiry(sent_inquiry, ani, eager_tasks):
    inquiry_id = sent_inquiry.pk
    sent_inquiry.delete()
    assert _run(inquiry_id=inquiry_id) == 0
    assert mail.outbox == []


def test_email_reply_of_other_inquiry(sent_inquiry, ani, eager_tasks):
    assert _run(inquiry_id=sent_inquiry.pk, reply_id=987654) == 0
    assert mail.outbox == []


def test_email_rejected_address_skipped(
    sent_inquiry, producer, ani, settings, eager_tasks
):
    settings.EMAIL_BACKEND = f"{__name__}.RejectingBackend"
    producer.email = "kantor@ditolak.id"
    producer.save()
    assert _run(inquiry_id=sent_inquiry.pk) == 1
    assert [message.to for message in mail.outbox] == [["ani@contoh.id"]]
