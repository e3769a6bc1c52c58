from django.contrib import admin

from .models import Category, Demand, Inquiry, InquiryReply, Product, Unit


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name_id", "name_en", "code", "position"]
    list_editable = ["position"]
    list_filter = ["position"]
    search_fields = ["name_id", "name_en", "code"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name_id", "name_en", "code", "dimension", "factor"]
    list_filter = ["dimension"]
    search_fields = ["name_id", "name_en", "code"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "cooperative",
        "category",
        "price",
        "unit",
        "monthly_capacity",
        "is_active",
        "created_at",
    ]
    list_filter = ["is_active", "category", "unit", "cooperative__region"]
    search_fields = ["name", "cooperative__name"]
    list_select_related = ["cooperative", "category", "unit"]
    autocomplete_fields = ["cooperative"]
    date_hierarchy = "created_at"


@admin.register(Demand)
class DemandAdmin(admin.ModelAdmin):
    list_display = [
        "item",
        "category",
        "monthly_quantity",
        "unit",
        "cooperative",
        "max_price",
        "delivery_region",
        "valid_until",
        "is_active",
    ]
    list_filter = ["is_active", "category", "unit", "delivery_region"]
    search_fields = ["item", "cooperative__name", "note"]
    list_select_related = ["cooperative", "category", "unit", "delivery_region"]
    autocomplete_fields = ["cooperative"]
    date_hierarchy = "valid_until"


class InquiryReplyInline(admin.TabularInline):
    model = InquiryReply
    extra = 0
    fields = ["author", "author_cooperative", "body", "created_at"]
    readonly_fields = ["author", "author_cooperative", "created_at"]


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "sender_cooperative",
        "recipient_cooperative",
        "created_at",
        "last_message_at",
        "recipient_read_at",
    ]
    list_filter = ["created_at", "last_message_at"]
    search_fields = [
        "subject",
        "sender_cooperative__name",
        "recipient_cooperative__name",
    ]
    list_select_related = ["sender_cooperative", "recipient_cooperative"]
    raw_id_fields = ["sender", "product", "demand"]
    autocomplete_fields = ["sender_cooperative", "recipient_cooperative"]
    date_hierarchy = "last_message_at"
    inlines = [InquiryReplyInline]
