from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("beranda/", views.dashboard, name="dashboard"),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    path("akun/", include("accounts.urls")),
    path("akun/", include("allauth.urls")),
    path("koperasi/", include("cooperatives.urls")),
    path("pasar/", include("marketplace.urls")),
    path("pemantauan/", include("monitoring.urls")),
    path(
        "media/<path:path>",
        serve,
        {"document_root": settings.MEDIA_ROOT},
        name="media",
    ),
]
