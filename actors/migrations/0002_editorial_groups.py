"""Create the Reporter and Editor groups with their permissions.

It lives in `actors` because it needs both apps' permissions and `actors` already
depends on `articles`. Custom permissions (publish_article, verify_quote, merge_actor)
are normally created by post_migrate, after every migration has run, so they are
created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Reporter": {
        "articles": [
            "add_article",
            "change_article",
            "view_article",
            "view_source",
            "view_tag",
            "view_transition",
            "view_correction",
        ],
        "actors": [
            "add_actor",
            "view_actor",
            "add_alias",
            "view_alias",
            "add_mention",
            "change_mention",
            "delete_mention",
            "view_mention",
            "add_quote",
            "change_quote",
            "delete_quote",
            "view_quote",
        ],
    },
    "Editor": {
        "articles": [
            "add_article",
            "change_article",
            "view_article",
            "publish_article",
            "add_source",
            "change_source",
            "view_source",
            "add_tag",
            "change_tag",
            "view_tag",
            "view_transition",
            "add_correction",
            "change_correction",
            "view_correction",
        ],
        "actors": [
            "add_actor",
            "change_actor",
            "view_actor",
            "merge_actor",
            "add_alias",
            "change_alias",
            "delete_alias",
            "view_alias",
            "add_mention",
            "change_mention",
            "delete_mention",
            "view_mention",
            "add_quote",
            "change_quote",
            "delete_quote",
            "view_quote",
            "verify_quote",
        ],
    },
}


def create_groups(apps, schema_editor):
    for label in ("articles", "actors"):
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True  # create_permissions skips apps without it
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codenames in grants.items():
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
