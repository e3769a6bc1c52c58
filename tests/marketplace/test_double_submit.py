"""A repeated inquiry submit lands on the first inquiry instead of a second."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from marketplace.models import Inquiry
from marketplace.services import DUPLICATE_WINDOW, DuplicateInquiry, inquiry_send

FORM = {"subject": "Pasokan beras", "body": "Bisa kirim 2 ton per bulan?"}


def send(citra, consumer, producer, **changes):
    return inquiry_send(
        sender=citra,
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        **{**FORM, **changes},
    )


@pytest.mark.django_db
def test_repeat_send_raises_duplicate(citra, consumer, producer):
    first = send(citra, consumer, producer)

    with pytest.raises(DuplicateInquiry) as error:
        send(citra, consumer, producer)

    assert error.value.inquiry == first
    assert Inquiry.objects.count() == 1


@pytest.mark.django_db
def test_different_body_is_new_inquiry(citra, consumer, producer):
    send(citra, consumer, producer)
    send(citra, consumer, producer, body="Dan 1 ton ketan?")

    assert Inquiry.objects.count() == 2


@pytest.mark.django_db
def test_same_text_after_window_is_new(citra, consumer, producer):
    first = send(citra, consumer, producer)
    Inquiry.objects.filter(pk=first.pk).update(
        created_at=first.created_at - DUPLICATE_WINDOW - timedelta(seconds=1)
    )

    send(citra, consumer, producer)

    assert Inquiry.objects.count() == 2


@pytest.mark.django_db
def test_replayed_post_lands_on_first(client, citra, producer):
    client.force_login(citra)
    url = reverse("marketplace:inquiry-create", args=[producer.slug])

    first = client.post(url, FORM)
    second = client.post(url, FORM)

    inquiry = Inquiry.objects.get()
    assert first.url == inquiry.get_absolute_url()
    assert second.url == inquiry.get_absolute_url()
    assert Inquiry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_tabs_at_once_send_one(citra, consumer, producer):
    outcomes = []
    barrier = threading.Barrier(2)

    def submit():
        barrier.wait()
        try:
            send(citra, consumer, producer)
            outcomes.append("sent")
        except DuplicateInquiry:
            outcomes.append("duplicate")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["duplicate", "sent"]
    assert Inquiry.objects.count() == 1
