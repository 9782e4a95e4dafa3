from django.urls import path

from . import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("stories/<slug:slug>/", views.article_detail, name="detail"),
]
