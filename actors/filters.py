import django_filters
from django.db.models import Q

from articles.filters import DATE_INPUT, QuickSelect, QuickTextInput
from articles.models import Tag

from .models import Actor, Alias, Quote


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_name", label="Name", max_length=200, widget=QuickTextInput
    )
    kind = django_filters.ChoiceFilter(choices=Actor.Kind, empty_label="Everyone")
    sort = django_filters.ChoiceFilter(
        choices=[("name", "Name"), ("quotes", "Most quoted")],
        method="sort_by",
        empty_label=None,
        label="Sort by",
    )

    class Meta:
        model = Actor
        fields = ["q", "kind", "sort"]

    def sort_by(self, queryset, name, value):
        if value == "quotes":
            return queryset.order_by("-quote_count", "name")
        return queryset.order_by("name")

    def filter_name(self, queryset, name, value):
        aliases = Alias.objects.filter(name__icontains=value).values("actor")
        return queryset.filter(Q(name__icontains=value) | Q(pk__in=aliases))


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
