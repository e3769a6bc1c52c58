from django.contrib import admin

from .models import DailyMetric, InteractionEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that shows rows without add, change or delete.

    Events are a record of what happened and daily metrics are recomputed
    from them, so an edit here would falsify the figures.
    """

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InteractionEvent)
class InteractionEventAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "kind", "cooperative", "target", "user"]
    list_filter = ["kind", "occurred_at"]
    search_fields = ["cooperative__name", "target__name"]
    date_hierarchy = "occurred_at"
    list_select_related = ["cooperative", "target", "user"]


@admin.register(DailyMetric)
class DailyMetricAdmin(ReadOnlyAdmin):
    list_display = [
        "day",
        "active_cooperatives",
        "inquiries_sent",
        "replies",
        "cross_type_interactions",
        "computed_at",
    ]
    date_hierarchy = "day"
