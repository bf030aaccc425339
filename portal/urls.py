from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

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
    path("i18n/", include("django.conf.urls.i18n")),
    path("practices/", include("practices.urls")),
    path("forums/", include("forums.urls")),
    path("indicators/", include("indicators.urls")),
    path("reports/", include("portal.reports.urls")),
    path("admin/", admin.site.urls),
]
