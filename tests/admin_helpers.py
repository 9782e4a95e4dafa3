"""Post admin forms the way a browser would: start from what the page rendered."""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME


def form_data(response, **changes):
    """Return the POST data of the admin change form in ``response``, with ``changes``."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _add_form(data, form):
    for name in form.fields:
        value = form[name].value()
        if value is False:
            continue
        if value is True:
            value = "on"
        data[form.add_prefix(name)] = value


def action_data(action, objects, **extra):
    return {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra}
