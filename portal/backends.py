"""Authentication backends."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend


class StaffPermissionsMixin:
    """Django's model permissions, which here serve the admin alone.

    The portal's own permissions are rules (portal/rules.py). A person without
    staff status holds no model permission, so the answer for them is known
    without the two queries Django would otherwise run on every page that asks.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_staff:
            return set()
        return super().get_all_permissions(user_obj, obj)


class StaffModelBackend(StaffPermissionsMixin, ModelBackend):
    pass


class StaffAuthenticationBackend(StaffPermissionsMixin, AuthenticationBackend):
    """allauth's sign-in backend, which inherits the model permissions too."""
