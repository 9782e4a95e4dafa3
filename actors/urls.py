from django.urls import path

from newsroom.caching import public_page

from . import feeds, views

app_name = "actors"
urlpatterns = [
    path("actors/", views.actor_list, name="list"),
    path("actors/<slug:slug>/", views.actor_detail, name="detail"),
    path("actors/<slug:slug>/rss/", public_page(feeds.ActorQuotesFeed()), name="rss"),
    path(
        "actors/<slug:slug>/atom/",
        public_page(feeds.ActorQuotesAtomFeed()),
        name="atom",
    ),
    path("quotes/", views.quote_list, name="quotes"),
]
