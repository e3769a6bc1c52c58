"""Text posted without the browser must not stop emails from going out."""

import pytest
from django.core import mail

from cooperatives.emails import send_invitation_email
from cooperatives.models import Invitation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["Koperasi Tani\nMakmur", "Koperasi Tani\r\nMakmur"])
def test_invitation_subject_line_break(producer, ani, name):
    producer.name = name
    producer.save()
    invitation = Invitation.objects.create(
        cooperative=producer, email="eko@contoh.id", role="staff", invited_by=ani
    )
    send_invitation_email(invitation_id=invitation.pk)
    assert len(mail.outbox) == 1
    assert "Koperasi Tani Makmur" in mail.outbox[0].subject
    assert "\n" not in mail.outbox[0].subject
