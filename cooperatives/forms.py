"""Forms to register and edit a cooperative and to invite members."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from . import selectors
from .models import Cooperative, Membership, Region
from .validators import validate_cooperative_number, validate_image_upload, validate_nib

# People copy identification numbers from certificates with these separators.
_NUMBER_SEPARATORS = re.compile(r"[\s.\-/]+")

# The lower bound of Cooperative.founded_year, repeated on the form field so
# that -1 and 1800 get the same message.
EARLIEST_FOUNDED_YEAR = 1896


class IdentificationNumberField(forms.CharField):
    """A number such as the NIK or NIB, typed with or without separators.

    Spaces, dots, dashes and slashes are removed before the validator checks
    that only digits of the right count remain.
    """

    def __init__(self, *, validator, **kwargs):
        super().__init__(validators=[validator], **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        return _NUMBER_SEPARATORS.sub("", super().to_python(value))


class LogoField(forms.FileField):
    """An uploaded logo, checked by content rather than by file name.

    Django's ImageField would reject an SVG with a generic message before
    validate_image_upload could name the accepted formats.
    """

    default_validators = [validate_image_upload]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput)
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = "image/jpeg,image/png,image/webp"


class CooperativeForm(forms.ModelForm):
    """The profile of a cooperative, used both to register and to edit it."""

    cooperative_number = IdentificationNumberField(
        validator=validate_cooperative_number,
        required=False,
        label=capfirst(Cooperative._meta.get_field("cooperative_number").verbose_name),
        help_text=Cooperative._meta.get_field("cooperative_number").help_text,
    )
    nib = IdentificationNumberField(
        validator=validate_nib,
        required=False,
        label=capfirst(Cooperative._meta.get_field("nib").verbose_name),
        help_text=Cooperative._meta.get_field("nib").help_text,
    )
    phone = PhoneNumberField(
        region="ID",
        required=False,
        label=_("Phone or WhatsApp number"),
        help_text=_("For example 0812-3456-7890 or +62 812 3456 7890."),
        error_messages={
            "invalid": _(
                "Enter a valid Indonesian phone number, for example 0812-3456-7890."
            )
        },
    )
    # Declared here rather than taken from the model, whose default of 0 would
    # fill the box: a cooperative has at least one member.
    member_count = forms.IntegerField(
        min_value=1,
        label=capfirst(Cooperative._meta.get_field("member_count").verbose_name),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    founded_year = forms.IntegerField(
        required=False,
        min_value=EARLIEST_FOUNDED_YEAR,
        label=capfirst(Cooperative._meta.get_field("founded_year").verbose_name),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    logo = LogoField(
        required=False,
        label=_("Logo"),
        help_text=_("JPG, PNG or WebP, up to 5 MB. It is shrunk to 512 pixels."),
    )

    class Meta:
        model = Cooperative
        fields = [
            "name",
            "kind",
            "sector",
            "legal_entity_number",
            "cooperative_number",
            "nib",
            "founded_year",
            "member_count",
            "region",
            "address",
            "phone",
            "email",
            "website",
            "description",
            "logo",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("Choose the kind of cooperative")),
            *Cooperative.Kind.choices,
        ]
        self.fields["sector"].choices = [
            ("", _("Choose a sector")),
            *Cooperative.Sector.choices,
        ]
        self.fields["region"].queryset = Region.objects.order_by("name")
        self.fields["region"].empty_label = _("Choose a regency or city")
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["founded_year"].widget.attrs["max"] = timezone.localdate().year
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(_("Cooperative"), "name", "kind", "sector"),
            Fieldset(
                _("Legal details"),
                "legal_entity_number",
                "cooperative_number",
                "nib",
                "founded_year",
                "member_count",
            ),
            Fieldset(
                _("Location and contact"),
                "region",
                "address",
                "phone",
                "email",
                "website",
            ),
            Fieldset(_("About the cooperative"), "description", "logo"),
        )

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        this_year = timezone.localdate().year
        if year is not None and year > this_year:
            raise forms.ValidationError(
                _("The year founded cannot be later than %(year)d."),
                code="future",
                params={"year": this_year},
            )
        return year


class InvitationForm(forms.Form):
    """An email address and the role the invited person will get."""

    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)

    def __init__(
        self, *args, cooperative: Cooperative, can_invite_owner: bool, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.cooperative = cooperative
        choices = Membership.Role.choices
        if not can_invite_owner:
            choices = [
                choice for choice in choices if choice[0] != Membership.Role.OWNER
            ]
        self.fields["role"].choices = choices
        self.fields["role"].initial = Membership.Role.STAFF
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if selectors.is_member_email(self.cooperative, email):
            raise forms.ValidationError(
                _("%(email)s is already a member of this cooperative."),
                code="member",
                params={"email": email},
            )
        if selectors.has_pending_invitation(self.cooperative, email):
            raise forms.ValidationError(
                _(
                    "%(email)s already has an invitation that has not expired. "
                    "Ask them to check their inbox."
                ),
                code="pending",
                params={"email": email},
            )
        return email
