from decimal import Decimal

from django.db import migrations

CATEGORIES = [
    ("beras", "Beras", "Rice"),
    ("sayuran", "Sayuran", "Vegetables"),
    ("buah", "Buah", "Fruit"),
    ("kopi", "Kopi", "Coffee"),
    ("rempah", "Rempah", "Spices"),
    ("kerajinan", "Kerajinan", "Crafts"),
    ("fashion", "Fashion", "Fashion"),
    ("olahan-pangan", "Olahan pangan", "Processed food"),
]

# A kuintal is 100 kg in Indonesian trade usage. An ikat (bundle) has no
# fixed size, so it converts only into itself. The kuintal's English name
# was "quintal (100 kg)" until 0005_quintal_name, which renames existing
# rows. Tests call add_reference_rows to restore these rows, so it writes
# the current name.
UNITS = [
    ("kg", "kg", "kg", "mass", Decimal("1")),
    ("kuintal", "kuintal", "quintal", "mass", Decimal("100")),
    ("ton", "ton", "tonne", "mass", Decimal("1000")),
    ("liter", "liter", "litre", "volume", Decimal("1")),
    ("ikat", "ikat", "bundle", "bundle", Decimal("1")),
    ("pcs", "pcs", "pcs", "count", Decimal("1")),
]


def add_reference_rows(apps, schema_editor):
    Category = apps.get_model("marketplace", "Category")
    Unit = apps.get_model("marketplace", "Unit")
    for position, (code, name_id, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            code=code,
            defaults={"name_id": name_id, "name_en": name_en, "position": position},
        )
    for code, name_id, name_en, dimension, factor in UNITS:
        Unit.objects.update_or_create(
            code=code,
            defaults={
                "name_id": name_id,
                "name_en": name_en,
                "dimension": dimension,
                "factor": factor,
            },
        )


def remove_reference_rows(apps, schema_editor):
    apps.get_model("marketplace", "Category").objects.filter(
        code__in=[row[0] for row in CATEGORIES]
    ).delete()
    apps.get_model("marketplace", "Unit").objects.filter(
        code__in=[row[0] for row in UNITS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("marketplace", "0001_initial")]

    operations = [migrations.RunPython(add_reference_rows, remove_reference_rows)]
