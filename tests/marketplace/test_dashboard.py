from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from cooperatives.models import Cooperative
from marketplace.dashboard import member_dashboard

from ..factories import (
    CooperativeFactory,
    DemandFactory,
    InquiryFactory,
    ProductFactory,
)
from .helpers import count_queries, jpeg_upload

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("dashboard")


ANSWER_STEP = "Answer the inquiries waiting for you"


def _steps(context) -> dict[str, bool]:
    # The labels are lazy, so they are read in English to match the source strings.
    with translation.override("en"):
        return {str(step.label): step.done for step in context["checklist"]}


def _answer_step(context):
    with translation.override("en"):
        (step,) = [
            step for step in context["checklist"] if str(step.label) == ANSWER_STEP
        ]
    return step


def _complete_profile(cooperative) -> None:
    cooperative.description = "Petani padi Ciparay."
    cooperative.logo = jpeg_upload(200, 200, "logo.jpg")
    cooperative.save()


def test_checklist_new_producer(producer):
    producer.description = ""
    producer.save()
    context = member_dashboard(producer)
    assert _steps(context) == {
        "Complete your profile: description and phone number": False,
        "Add your logo": False,
        "List your first product": False,
        ANSWER_STEP: False,
    }
    assert context["checklist_done"] == 0
    assert context["checklist_width_class"] == ""


def test_checklist_no_inquiry_not_applicable(producer):
    step = _answer_step(member_dashboard(producer))
    assert step.done is False
    assert step.applicable is False
    assert step.note


def test_checklist_sent_inquiry_not_applicable(consumer, inquiry):
    # Sending an inquiry leaves nothing to answer.
    step = _answer_step(member_dashboard(consumer))
    assert step.done is False
    assert step.applicable is False


def test_checklist_answered_inquiry_done(producer, ani, inquiry):
    inquiry.replies.create(author=ani, author_cooperative=producer, body="Bisa.")
    step = _answer_step(member_dashboard(producer))
    assert step.done is True
    assert step.applicable is True


def test_checklist_count_skips_not_applicable(producer, product):
    # Three steps done and the fourth waiting for a first inquiry: 3 of 4.
    _complete_profile(producer)
    context = member_dashboard(producer)
    assert context["checklist_done"] == 3
    assert context["checklist_total"] == 4
    assert context["checklist_width_class"] == "w-75"


def test_checklist_all_done(producer, ani, product, inquiry):
    _complete_profile(producer)
    inquiry.replies.create(author=ani, author_cooperative=producer, body="Bisa.")
    context = member_dashboard(producer)
    assert all(_steps(context).values())
    assert context["checklist_percent"] == 100
    assert context["checklist_width_class"] == "w-100"


def test_checklist_profile_needs_phone(producer):
    producer.description = "Petani padi."
    producer.phone = ""
    producer.save()
    steps = _steps(member_dashboard(producer))
    assert steps["Complete your profile: description and phone number"] is False


def test_checklist_consumer_demand(consumer, demand):
    steps = _steps(member_dashboard(consumer))
    assert steps["Share your first demand"] is True


def test_checklist_both_kinds(db):
    both = CooperativeFactory(kind=Cooperative.Kind.BOTH)
    DemandFactory(cooperative=both)
    steps = _steps(member_dashboard(both))
    assert steps["List your first product or share your first demand"] is True


def test_checklist_waiting_inquiry(producer, inquiry):
    context = member_dashboard(producer)
    assert _steps(context)[ANSWER_STEP] is False
    assert _answer_step(context).applicable is True
    assert context["waiting_count"] == 1


def test_matches_both_sides(producer, consumer, product, demand):
    producer_view = member_dashboard(producer)
    consumer_view = member_dashboard(consumer)
    assert producer_view["match_pairs"] == [(demand, product)]
    assert consumer_view["match_pairs"] == [(demand, product)]
    assert producer_view["match_count"] == 1
    assert consumer_view["match_count"] == 1


def test_latest_inquiries(producer, inquiry):
    assert member_dashboard(producer)["latest_inquiries"] == [inquiry]


def test_page_anonymous(client):
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 302


def test_page_without_cooperative(client, eko):
    client.force_login(eko)
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    assert "Daftarkan koperasi" in response.text


@pytest.fixture
def english(ani, citra):
    """Ani and Citra with English pages, so new text matches the source."""
    for user in (ani, citra):
        user.language = "en"
        user.save()


def test_page_producer(client, ani, product, demand, inquiry):
    client.force_login(ani)
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    assert "Produk Anda, Beras Pandan Wangi, cocok" in response.text
    assert "Tentang Beras Pandan Wangi" in response.text
    assert 'class="progress-bar' in response.text


def test_page_producer_names_item(client, english, ani, product, demand):
    client.force_login(ani)
    response = client.get(DASHBOARD_URL)
    assert (
        "Koperasi Konsumen Sejahtera needs 1,000 kg of Beras medium per month"
        in response.text
    )


def test_page_consumer(client, citra, product, demand):
    client.force_login(citra)
    response = client.get(DASHBOARD_URL)
    assert "Penawaran terbaik: Beras Pandan Wangi, Rp\u00a012.500/kg" in response.text


def test_page_consumer_names_item(client, english, citra, product, demand):
    client.force_login(citra)
    response = client.get(DASHBOARD_URL)
    assert "Your demand: Beras medium, 1,000 kg per month" in response.text


def test_page_step_not_applicable(client, english, ani, producer):
    client.force_login(ani)
    response = client.get(DASHBOARD_URL)
    assert "Not yet applicable:" in response.text
    assert "No inquiry has reached you yet." in response.text
    assert "0 of 4 steps done" in response.text


def test_page_staff_no_manage_buttons(client, budi, producer):
    client.force_login(budi)
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    assert reverse("marketplace:product-create") not in response.text


def test_page_query_count(
    client, ani, producer, consumer, django_assert_max_num_queries
):
    def add_rows(count: int) -> None:
        for _ in range(count):
            ProductFactory(cooperative=producer, monthly_capacity=Decimal("5000"))
            DemandFactory()
            InquiryFactory(sender_cooperative=consumer, recipient_cooperative=producer)

    add_rows(10)
    client.force_login(ani)
    with_ten = count_queries(client, DASHBOARD_URL)
    add_rows(40)
    with django_assert_max_num_queries(with_ten):
        response = client.get(DASHBOARD_URL)
    assert response.context["match_count"] == 50 * 50
    assert len(response.context["match_pairs"]) == 10
