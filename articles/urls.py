from django.urls import path

from newsroom.caching import public_page

from . import feeds, preview, views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("stories/", views.archive, name="archive"),
    path("stories/<slug:slug>/", views.article_detail, name="detail"),
    path("stories/<slug:slug>/preview/", preview.article_preview, name="preview"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("tags/<slug:slug>/rss/", public_page(feeds.TagFeed()), name="tag_rss"),
    path("tags/<slug:slug>/atom/", public_page(feeds.TagAtomFeed()), name="tag_atom"),
    path("feeds/rss/", public_page(feeds.LatestStoriesFeed()), name="rss"),
    path("feeds/atom/", public_page(feeds.LatestStoriesAtomFeed()), name="atom"),
    path("search/", views.search, name="search"),
    path("corrections/", views.corrections, name="corrections"),
    path("robots.txt", views.robots_txt, name="robots"),
]
