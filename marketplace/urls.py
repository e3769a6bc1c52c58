from django.urls import path

from . import views

app_name = "marketplace"

urlpatterns = [
    path("produk/", views.product_list, name="product-list"),
    path("produk/baru/", views.product_create, name="product-create"),
    path("produk/<int:pk>/", views.product_detail, name="product-detail"),
    path("produk/<int:pk>/ubah/", views.product_edit, name="product-edit"),
    path("kebutuhan/", views.demand_list, name="demand-list"),
    path("kebutuhan/baru/", views.demand_create, name="demand-create"),
    path("kebutuhan/<int:pk>/", views.demand_detail, name="demand-detail"),
    path("kebutuhan/<int:pk>/ubah/", views.demand_edit, name="demand-edit"),
    path("pesan/", views.inbox, name="inbox"),
    path("pesan/<int:pk>/", views.inquiry_detail, name="inquiry-detail"),
    path("pesan/baru/<slug:slug>/", views.inquiry_create, name="inquiry-create"),
]
