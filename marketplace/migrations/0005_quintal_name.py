"""Rename the kuintal's English name from "quintal (100 kg)" to "quintal".

Pages show quantities as "100 quintal (100 kg)", which read as if 100
quintals were 100 kg. The unit forms now state the conversion in help text.
"""

from django.db import migrations

OLD_NAME = "quintal (100 kg)"
NEW_NAME = "quintal"


def rename(apps, schema_editor):
    Unit = apps.get_model("marketplace", "Unit")
    Unit.objects.filter(code="kuintal", name_en=OLD_NAME).update(name_en=NEW_NAME)


def rename_back(apps, schema_editor):
    Unit = apps.get_model("marketplace", "Unit")
    Unit.objects.filter(code="kuintal", name_en=NEW_NAME).update(name_en=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_fill_demand_item"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
