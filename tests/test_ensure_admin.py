import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_creates_an_admin_once_and_prints_a_working_password():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)

    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "exists" in again.getvalue()
    assert get_user_model().objects.count() == 1
