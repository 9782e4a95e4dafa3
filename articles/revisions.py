"""Revisions in the admin: a history with "compare two revisions", and restore.

django-reversion keeps the revisions and restores them; it has no diff view, so
``RevisionAdmin`` adds one: a field-by-field comparison, word-level for text,
with every value escaped.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version

_WORDS = re.compile(r"(\s+)")


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    diff: str  # escaped HTML with <del>/<ins>


def inline_diff(old, new):
    """Return escaped HTML marking removed words with <del> and added ones with <ins>."""
    a, b = _WORDS.split(old), _WORDS.split(new)
    parts = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
    return mark_safe("".join(parts))  # each part is escaped above


def field_changes(model, old, new):
    """Return a FieldChange for each field that differs between two versions."""
    changes = []
    old_fields, new_fields = old.field_dict, new.field_dict
    for field in model._meta.get_fields():
        if not field.concrete or field.auto_created or not field.editable:
            continue
        name = field.attname
        if name not in old_fields and name not in new_fields:
            continue
        before = _display(field, old_fields.get(name))
        after = _display(field, new_fields.get(name))
        if before != after:
            changes.append(
                FieldChange(
                    str(field.verbose_name), before, after, inline_diff(before, after)
                )
            )
    return changes


def _display(field, value):
    if value is None or value == "":
        return ""
    if isinstance(field, models.ManyToManyField):
        names = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in names))
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


class RevisionAdmin(VersionAdmin):
    """A VersionAdmin whose history page can compare any two revisions."""

    object_history_template = "admin/revision_history.html"
    history_latest_first = True

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            )
        ]
        return urls + super().get_urls()

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        rows = []
        if obj is not None:
            name = f"admin:{self.opts.app_label}_{self.opts.model_name}_revision"
            versions = Version.objects.get_for_object(obj).select_related(
                "revision__user"
            )
            rows = [
                (v, reverse(name, args=(quote(v.object_id), v.pk))) for v in versions
            ]
        context = {"versions": rows, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            old = versions.get(pk=request.GET.get("from"))
            new = versions.get(pk=request.GET.get("to"))
        except (Version.DoesNotExist, ValueError) as error:
            raise Http404("Choose two revisions of this object.") from error
        if old.pk > new.pk:
            old, new = new, old
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"Compare revisions of “{obj}”",
            "old": old,
            "new": new,
            "changes": field_changes(self.model, old, new),
        }
        return TemplateResponse(request, "admin/revision_compare.html", context)
