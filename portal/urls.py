from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from portal import views

# The admin signs in through allauth, so its rate limits cover it too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


portal_patterns = [
    path("", views.home, name="home"),
    path("accounts/profile/", views.profile_update, name="profile"),
    path("healthz", views.healthz, name="healthz"),
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("accounts/", include("allauth.urls")),
    # Choosing a language only sets a preference cookie: nothing a forged
    # request could abuse. Without a CSRF token in the footer form, anonymous
    # pages set no cookie at all, so a shared cache can keep them.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("practices/", include("practices.urls")),
    path("forums/", include("forums.urls")),
    path("indicators/", include("indicators.urls")),
    path("reports/", include("portal.reports.urls")),
    path("admin/", admin.site.urls),
]
