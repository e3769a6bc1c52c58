from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from . import views

admin.site.site_header = _("EcoBiz administration")
admin.site.site_title = _("EcoBiz admin")
admin.site.index_title = _("Manage EcoBiz")

urlpatterns = [
    path("", views.home, name="home"),
    path("beranda/", views.dashboard, name="dashboard"),
    path("beranda/fasilitator/", views.facilitator_home, name="facilitator-home"),
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
