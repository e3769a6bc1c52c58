"""Fill the item of demands shared before it existed with their category's name.

The Indonesian name is used, as the interface and most listings are in
Indonesian. Going back clears only the items that still equal that name.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def _category_name(apps):
    Category = apps.get_model("marketplace", "Category")
    return Subquery(
        Category.objects.filter(pk=OuterRef("category_id")).values("name_id")[:1]
    )


def fill_item(apps, schema_editor):
    Demand = apps.get_model("marketplace", "Demand")
    Demand.objects.filter(item="").update(item=_category_name(apps))


def clear_item(apps, schema_editor):
    Demand = apps.get_model("marketplace", "Demand")
    Demand.objects.filter(item=_category_name(apps)).update(item="")


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0003_demand_item"),
    ]

    operations = [migrations.RunPython(fill_item, clear_item)]
