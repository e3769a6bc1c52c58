from django.db import migrations

GROUP_NAME = "Fasilitator"
# Model permissions for the admin; object rules live in each app's rules.py.
PERMISSIONS = [
    ("cooperatives", "view_cooperative"),
    ("cooperatives", "verify_cooperative"),
    ("cooperatives", "view_membership"),
    ("marketplace", "view_product"),
    ("marketplace", "view_demand"),
    ("monitoring", "view_interactionevent"),
    ("monitoring", "view_dailymetric"),
]


def add_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; create them now
    # so that the group can reference them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cooperatives", "0001_initial"),
        ("marketplace", "0001_initial"),
        ("monitoring", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
