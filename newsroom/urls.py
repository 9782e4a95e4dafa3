from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path

from articles.sitemaps import NEWS_SITEMAPS, SITEMAPS
from newsroom import views as newsroom_views
from newsroom.caching import public_page

admin.site.site_header = "The Newsroom — editorial"
admin.site.site_title = "The Newsroom admin"
admin.site.index_title = "Editorial desk"

urlpatterns = [
    path("healthz", newsroom_views.healthz, name="healthz"),
    path("readyz", newsroom_views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        public_page(sitemap_view),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "news-sitemap.xml",
        public_page(sitemap_view),
        {"sitemaps": NEWS_SITEMAPS, "template_name": "sitemaps/news.xml"},
        name="news-sitemap",
    ),
    path("", include("actors.urls")),
    path("", include("articles.urls")),
]
