import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from actors.models import Actor

from .models import Article, Source, Tag

DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class QuickSelect(forms.Select):
    """A ``<select>`` built in Python: rendering a template per ``<option>`` made the
    list of topics cost several milliseconds on every filtered page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (o["value"], " selected" if o["selected"] else "", o["label"])
                for _group, options, _index in widget["optgroups"]
                for o in options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            options,
        )


class SearchForm(forms.Form):
    q = forms.CharField(label="Search stories", max_length=200, required=False)


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Words", max_length=200)
    tag = django_filters.ChoiceFilter(
        field_name="tags__slug",
        empty_label="All topics",
        label="Topic",
        widget=QuickSelect,
    )
    actor = django_filters.ModelChoiceFilter(
        method="filter_actor",
        to_field_name="slug",
        queryset=Actor.objects.public(),
        widget=forms.HiddenInput,
        label="Person",
    )
    source = django_filters.ChoiceFilter(
        field_name="source__slug", empty_label="All sources", widget=QuickSelect
    )
    date_after = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__gte",
        label="From",
        widget=DATE_INPUT,
    )
    date_before = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__lte",
        label="To",
        widget=DATE_INPUT,
    )

    class Meta:
        model = Article
        fields = ["q", "tag", "actor", "source", "date_after", "date_before"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices as plain pairs: a model queryset would be queried on every page.
        self.filters["tag"].extra["choices"] = Tag.public_choices()
        self.filters["source"].extra["choices"] = Source.public_choices()

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_actor(self, queryset, name, value):
        return queryset.featuring(value)
