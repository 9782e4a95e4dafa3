import django_filters
from django import forms
from django.db.models import Q

from articles.filters import DATE_INPUT, QuickSelect, QuickTextInput
from articles.models import Tag

from .models import Actor, Alias, Quote


class ActorDirectoryForm(forms.Form):
    q = forms.CharField(
        label="Name", max_length=200, required=False, widget=QuickTextInput
    )
    kind = forms.ChoiceField(
        choices=[("", "Everyone"), *Actor.Kind.choices],
        required=False,
        widget=QuickSelect,
    )
    sort = forms.ChoiceField(
        choices=[("name", "Name"), ("quotes", "Most quoted")],
        required=False,
        label="Sort by",
        widget=QuickSelect,
    )

    def entries(self):
        """The directory's entries (``Actor.directory()``) these filters select, in
        the order asked for; none when the filters are not valid."""
        if not self.is_valid():
            return []
        data = self.cleaned_data
        entries = Actor.directory()
        if data["kind"]:
            entries = [e for e in entries if e.kind == data["kind"]]
        if data["q"]:
            aliases = Alias.objects.filter(name__icontains=data["q"]).values("actor")
            named = Actor.objects.filter(
                Q(name__icontains=data["q"]) | Q(pk__in=aliases)
            )
            ids = set(named.values_list("pk", flat=True))
            entries = [e for e in entries if e.id in ids]
        if data["sort"] == "quotes":  # a stable sort: by name among equals
            entries = sorted(entries, key=lambda e: -e.quote_count)
        return entries


class QuoteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="text",
        lookup_expr="icontains",
        label="Words",
        max_length=200,
        widget=QuickTextInput,
    )
    # A text box for the speaker's slug (the actor pages link here with it), not a
    # <select> of every quoted actor: the choices would be a whole-table query and
    # thousands of <option>s on every page. Unknown slugs are a form error.
    speaker = django_filters.ModelChoiceFilter(
        to_field_name="slug",
        queryset=Actor.objects.quoted(),
        widget=QuickTextInput(attrs={"placeholder": "e.g. jane-doe"}),
        label="Speaker",
    )
    tag = django_filters.ChoiceFilter(
        field_name="article__tags__slug",
        empty_label="All topics",
        label="Topic",
        widget=QuickSelect,
    )
    date_after = django_filters.DateFilter(
        field_name="article__published_at",
        lookup_expr="date__gte",
        label="From",
        widget=DATE_INPUT,
    )
    date_before = django_filters.DateFilter(
        field_name="article__published_at",
        lookup_expr="date__lte",
        label="To",
        widget=DATE_INPUT,
    )
    status = django_filters.ChoiceFilter(
        choices=[
            (Quote.Status.VERIFIED, "Verified"),
            (Quote.Status.UNVERIFIED, "Not yet verified"),
        ],
        empty_label="Any",
        label="Checked",
        widget=QuickSelect,
    )

    class Meta:
        model = Quote
        fields = ["q", "speaker", "tag", "date_after", "date_before", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices as plain pairs: a model queryset would be queried on every page.
        self.filters["tag"].extra["choices"] = Tag.public_choices()
