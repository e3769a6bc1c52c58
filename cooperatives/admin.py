from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Cooperative, Invitation, Membership, Province, Region


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["bps_code", "name"]
    search_fields = ["name", "bps_code"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["bps_code", "name", "kind", "province", "capital"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "bps_code", "kemendagri_code"]
    list_select_related = ["province"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "sector",
        "region",
        "is_verified",
        "verified_at",
        "created_at",
    ]
    list_filter = ["is_verified", "kind", "sector", "region"]
    search_fields = ["name", "cooperative_number", "nib", "email"]
    list_select_related = ["region"]
    prepopulated_fields = {"slug": ["name"]}
    # Verification goes through the action, so that the facilitator and the
    # date are always recorded.
    readonly_fields = ["is_verified", "verified_by", "verified_at", "created_at"]
    autocomplete_fields = ["region"]
    inlines = [MembershipInline]
    actions = ["verify_selected"]
    date_hierarchy = "created_at"

    def has_verify_permission(self, request) -> bool:
        return request.user.has_perm("cooperatives.verify_cooperative")

    @admin.action(description=_("Verify selected cooperatives"), permissions=["verify"])
    def verify_selected(self, request, queryset):
        verified = 0
        for cooperative in queryset.filter(is_verified=False):
            if services.cooperative_verify(
                cooperative=cooperative, verified_by=request.user
            ):
                verified += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d cooperative was verified.",
                "%(count)d cooperatives were verified.",
                verified,
            )
            % {"count": verified},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        # The service saves the row and also rebuilds the search columns and
        # shrinks a new logo, which a plain save would skip.
        services.cooperative_update(
            cooperative=obj, logo_changed="logo" in form.changed_data
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "cooperative", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name", "cooperative__name"]
    list_select_related = ["user", "cooperative"]
    autocomplete_fields = ["user", "cooperative"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "cooperative",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["role"]
    search_fields = ["email", "cooperative__name"]
    list_select_related = ["cooperative", "invited_by"]
    readonly_fields = [
        "cooperative",
        "email",
        "role",
        "invited_by",
        "created_at",
        "accepted_at",
        "accepted_by",
    ]

    def has_add_permission(self, request) -> bool:
        # Invitations are created on the members page, which emails the link.
        return False
