from django.urls import path

from . import views

app_name = "cooperatives"

urlpatterns = [
    path("", views.directory, name="list"),
    path("daftar/", views.register, name="register"),
    path("pilih/", views.switch, name="switch"),
    path("undangan/<slug:token>/", views.invitation_accept, name="invitation-accept"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/ubah/", views.edit, name="edit"),
    path("<slug:slug>/verifikasi/", views.verify, name="verify"),
    path("<slug:slug>/anggota/", views.members, name="members"),
]
