from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("bahasa/", views.set_language, name="language"),
    path("profil/", views.profile, name="profile"),
]
