from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from marketplace.models import Inquiry, InquiryReply

from ..factories import CooperativeFactory, InquiryFactory, ProductFactory
from .helpers import count_queries

pytestmark = pytest.mark.django_db

INBOX_URL = reverse("marketplace:inbox")


def _create_url(slug: str = "koperasi-tani-makmur") -> str:
    return reverse("marketplace:inquiry-create", kwargs={"slug": slug})


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


DATA = {"subject": "Tentang beras", "body": "Bisa kirim 2 ton per bulan?"}


# Create


def test_create_anonymous(client, producer):
    response = client.get(_create_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_create_form(client, citra, producer):
    client.force_login(citra)
    response = client.get(_create_url())
    assert response.status_code == 200
    assert "Kirim pertanyaan ke Koperasi Tani Makmur" in response.text


def test_create_product_subject(client, citra, product):
    client.force_login(citra)
    response = client.get(_create_url(), {"product": product.pk})
    assert response.context["form"].initial["subject"] == "Tentang Beras Pandan Wangi"
    assert response.context["product"] == product


def test_create_demand_subject(client, ani, demand):
    client.force_login(ani)
    response = client.get(
        _create_url("koperasi-konsumen-sejahtera"), {"demand": demand.pk}
    )
    assert response.context["demand"] == demand
    subject = response.context["form"].initial["subject"]
    assert subject.startswith("Tentang kebutuhan Anda: ")
    assert "Beras medium" in subject


def test_create_sends(client, citra, consumer, producer, product):
    client.force_login(citra)
    response = client.post(f"{_create_url()}?product={product.pk}", DATA)
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == inquiry.get_absolute_url()
    assert inquiry.sender == citra
    assert inquiry.sender_cooperative == consumer
    assert inquiry.recipient_cooperative == producer
    assert inquiry.product == product
    assert inquiry.body == DATA["body"]
    assert _messages(response) == [
        "Pertanyaan Anda sudah terkirim ke Koperasi Tani Makmur. "
        "Balasannya akan muncul di sini."
    ]


def test_create_staff_may_send(client, budi, consumer):
    client.force_login(budi)
    response = client.post(_create_url("koperasi-konsumen-sejahtera"), DATA)
    assert response.status_code == 302
    assert Inquiry.objects.get().sender == budi


def test_create_own_cooperative(client, ani, product):
    client.force_login(ani)
    response = client.post(f"{_create_url()}?product={product.pk}", DATA)
    assert response.status_code == 302
    assert response["Location"] == product.get_absolute_url()
    assert _messages(response) == [
        "Anda tidak dapat mengirim pertanyaan ke koperasi sendiri."
    ]
    assert Inquiry.objects.count() == 0


def test_create_without_cooperative(client, eko, producer):
    client.force_login(eko)
    response = client.post(_create_url(), DATA)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert Inquiry.objects.count() == 0


def test_create_unknown_cooperative(client, citra):
    client.force_login(citra)
    assert client.get(_create_url("tidak-ada")).status_code == 404


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999", "1.5", "", "٣"])
def test_create_odd_product_param(client, citra, producer, value):
    client.force_login(citra)
    response = client.get(_create_url(), {"product": value, "demand": value})
    assert response.status_code == 200
    assert response.context["product"] is None
    assert response.context["demand"] is None


def test_create_foreign_product_ignored(client, citra, producer):
    foreign = ProductFactory(cooperative=CooperativeFactory())
    client.force_login(citra)
    client.post(f"{_create_url()}?product={foreign.pk}", DATA)
    assert Inquiry.objects.get().product is None


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"subject": "", "body": "Halo"},
        {"subject": "Halo", "body": ""},
        {"subject": "x" * 201, "body": "Halo"},
    ],
)
def test_create_bad_input(client, citra, producer, data):
    client.force_login(citra)
    response = client.post(_create_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Inquiry.objects.count() == 0


def test_create_keeps_input(client, citra, producer):
    client.force_login(citra)
    response = client.post(_create_url(), {"subject": "", "body": "Isi pesan saya"})
    assert "Isi pesan saya" in response.text


# Inbox


def test_inbox_anonymous(client):
    response = client.get(INBOX_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_inbox_recipient(client, ani, inquiry):
    client.force_login(ani)
    response = client.get(INBOX_URL)
    assert response.status_code == 200
    assert "Tentang Beras Pandan Wangi" in response.text
    assert "Dari Koperasi Konsumen Sejahtera" in response.text
    assert ">Baru<" in response.text
    assert response.context["waiting_count"] == 1
    assert "1 pertanyaan menunggu balasan Anda." in response.text


def test_inbox_staff_sees(client, budi, inquiry):
    client.force_login(budi)
    response = client.get(INBOX_URL)
    assert "Tentang Beras Pandan Wangi" in response.text


def test_inbox_sender(client, citra, inquiry):
    inquiry.sender_read_at = timezone.now()
    inquiry.save()
    client.force_login(citra)
    response = client.get(INBOX_URL)
    assert "Kepada Koperasi Tani Makmur" in response.text
    assert ">Baru<" not in response.text
    assert response.context["waiting_count"] == 0


def test_inbox_outsider(client, outsider, inquiry):
    client.force_login(outsider)
    response = client.get(INBOX_URL)
    assert response.status_code == 200
    assert "Tentang Beras Pandan Wangi" not in response.text
    assert "Belum ada pesan" in response.text


def test_inbox_without_cooperative(client, eko):
    client.force_login(eko)
    response = client.get(INBOX_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_inbox_newest_activity_first(client, ani, producer, consumer):
    now = timezone.now()
    InquiryFactory(
        subject="Pesan lama",
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        last_message_at=now - timedelta(days=3),
    )
    InquiryFactory(
        subject="Pesan baru",
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        last_message_at=now,
    )
    client.force_login(ani)
    response = client.get(INBOX_URL)
    subjects = [row.subject for row in response.context["page_obj"]]
    assert subjects == ["Pesan baru", "Pesan lama"]


@pytest.mark.parametrize(
    ("show", "subjects"),
    [
        ("received", ["Masuk"]),
        ("sent", ["Keluar"]),
        ("waiting", ["Masuk"]),
        ("unread", ["Masuk"]),
        ("nonsense", ["Masuk", "Keluar"]),
    ],
)
def test_inbox_show_filter(client, ani, producer, consumer, show, subjects):
    now = timezone.now()
    InquiryFactory(
        subject="Masuk",
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        last_message_at=now,
    )
    InquiryFactory(
        subject="Keluar",
        sender_cooperative=producer,
        recipient_cooperative=consumer,
        sender_read_at=now,
        last_message_at=now - timedelta(hours=1),
    )
    client.force_login(ani)
    response = client.get(INBOX_URL, {"show": show})
    assert response.status_code == 200
    assert [row.subject for row in response.context["page_obj"]] == subjects


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("abc", 1), ("0", 1), ("-1", 1), ("2.5", 2), ("9" * 20, 2)],
)
def test_inbox_page_oddities(client, ani, producer, requested, expected):
    InquiryFactory.create_batch(25, recipient_cooperative=producer)
    client.force_login(ani)
    response = client.get(INBOX_URL, {"page": requested})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_inbox_query_count(client, ani, producer, django_assert_max_num_queries):
    InquiryFactory.create_batch(10, recipient_cooperative=producer)
    client.force_login(ani)
    with_ten = count_queries(client, INBOX_URL)
    InquiryFactory.create_batch(40, recipient_cooperative=producer)
    with django_assert_max_num_queries(with_ten):
        response = client.get(INBOX_URL)
    assert len(response.context["page_obj"].object_list) == 20


# Detail and replies


def _detail_url(inquiry) -> str:
    return reverse("marketplace:inquiry-detail", kwargs={"pk": inquiry.pk})


def test_detail_anonymous(client, inquiry):
    response = client.get(_detail_url(inquiry))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_detail_recipient_marks_read(client, ani, inquiry):
    client.force_login(ani)
    response = client.get(_detail_url(inquiry))
    assert response.status_code == 200
    assert "Bisa kirim 1 ton per bulan ke Garut?" in response.text
    inquiry.refresh_from_db()
    assert inquiry.recipient_read_at is not None


def test_detail_sender_keeps_unread(client, citra, inquiry):
    client.force_login(citra)
    response = client.get(_detail_url(inquiry))
    assert response.status_code == 200
    inquiry.refresh_from_db()
    assert inquiry.recipient_read_at is None


def test_detail_staff_of_side(client, budi, inquiry):
    client.force_login(budi)
    assert client.get(_detail_url(inquiry)).status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "eko", "dewi"])
def test_detail_others_not_found(client, inquiry, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_detail_url(inquiry)).status_code == 404
    inquiry.refresh_from_db()
    assert inquiry.recipient_read_at is None


def test_detail_thread_order_and_time(client, ani, citra, inquiry, producer, consumer):
    inquiry.created_at = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    inquiry.save()
    InquiryReply.objects.create(
        inquiry=inquiry,
        author=ani,
        author_cooperative=producer,
        body="Balasan pertama",
        created_at=datetime(2026, 12, 1, 3, 30, tzinfo=UTC),
    )
    InquiryReply.objects.create(
        inquiry=inquiry,
        author=citra,
        author_cooperative=consumer,
        body="Balasan kedua",
        created_at=datetime(2026, 12, 1, 4, 0, tzinfo=UTC),
    )
    client.force_login(ani)
    text = client.get(_detail_url(inquiry)).text
    first = text.index("Bisa kirim 1 ton")
    assert first < text.index("Balasan pertama") < text.index("Balasan kedua")
    # 02:00 UTC is 09:00 in Jakarta.
    assert "2026-12-01T09:00:00+07:00" in text
    assert "1 Des 2026, 09.00 WIB" in text


def test_reply_recipient(client, ani, producer, inquiry):
    client.force_login(ani)
    response = client.post(_detail_url(inquiry), {"body": "Bisa, Bu Citra."})
    reply = InquiryReply.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail_url(inquiry)
    assert reply.author == ani
    assert reply.author_cooperative == producer
    assert _messages(response) == ["Balasan Anda sudah terkirim."]


def test_reply_sender(client, citra, consumer, inquiry):
    client.force_login(citra)
    client.post(_detail_url(inquiry), {"body": "Ditunggu jawabannya."})
    assert InquiryReply.objects.get().author_cooperative == consumer


def test_reply_empty(client, ani, inquiry):
    client.force_login(ani)
    response = client.post(_detail_url(inquiry), {"body": "   "})
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert InquiryReply.objects.count() == 0


def test_reply_outsider_not_found(client, outsider, inquiry):
    client.force_login(outsider)
    response = client.post(_detail_url(inquiry), {"body": "Saya ikut."})
    assert response.status_code == 404
    assert InquiryReply.objects.count() == 0


def test_reply_anonymous(client, inquiry):
    response = client.post(_detail_url(inquiry), {"body": "Halo"})
    assert response.status_code == 302
    assert InquiryReply.objects.count() == 0


def test_detail_missing(client, ani):
    client.force_login(ani)
    assert (
        client.get(reverse("marketplace:inquiry-detail", args=[77777])).status_code
        == 404
    )
