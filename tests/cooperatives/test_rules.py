import pytest
from django.contrib.auth.models import AnonymousUser

PERMISSIONS_BY_PERSONA = [
    # permission, persona, expected
    ("cooperatives.view_cooperative", "anonymous", True),
    ("cooperatives.view_cooperative", "citra", True),
    ("cooperatives.change_cooperative", "ani", True),
    ("cooperatives.change_cooperative", "fajar", True),
    ("cooperatives.change_cooperative", "budi", False),
    ("cooperatives.change_cooperative", "citra", False),
    ("cooperatives.change_cooperative", "dewi", False),
    ("cooperatives.change_cooperative", "anonymous", False),
    ("cooperatives.change_cooperative", "admin_user", True),
    ("cooperatives.invite_member", "ani", True),
    ("cooperatives.invite_member", "fajar", True),
    ("cooperatives.invite_member", "budi", False),
    ("cooperatives.invite_member", "citra", False),
    ("cooperatives.invite_owner", "ani", True),
    ("cooperatives.invite_owner", "fajar", False),
    ("cooperatives.invite_owner", "budi", False),
    ("cooperatives.invite_owner", "admin_user", True),
    ("cooperatives.view_members", "ani", True),
    ("cooperatives.view_members", "budi", True),
    ("cooperatives.view_members", "citra", False),
    ("cooperatives.view_members", "dewi", False),
    ("cooperatives.view_members", "eko", False),
    ("cooperatives.view_members", "admin_user", True),
    ("cooperatives.verify_cooperative", "dewi", True),
    ("cooperatives.verify_cooperative", "admin_user", True),
    ("cooperatives.verify_cooperative", "ani", False),
    ("cooperatives.verify_cooperative", "budi", False),
    ("cooperatives.verify_cooperative", "citra", False),
    ("cooperatives.verify_cooperative", "eko", False),
    ("cooperatives.verify_cooperative", "anonymous", False),
]


@pytest.mark.parametrize(("permission", "persona", "expected"), PERMISSIONS_BY_PERSONA)
def test_permission_on_producer(request, producer, permission, persona, expected):
    if persona == "anonymous":
        user = AnonymousUser()
    else:
        user = request.getfixturevalue(persona)
    assert user.has_perm(permission, producer) is expected


def test_manager_rights_end_at_own_cooperative(fajar, consumer):
    assert not fajar.has_perm("cooperatives.change_cooperative", consumer)
