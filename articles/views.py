from django.shortcuts import get_object_or_404, render

from .models import Article, Tag


def article_list(request):
    articles = Article.objects.published().select_related("source")[:20]
    return render(request, "articles/article_list.html", {"articles": articles})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = (
        Article.objects.published().filter(tags=tag).select_related("source")[:20]
    )
    return render(
        request, "articles/article_list.html", {"articles": articles, "tag": tag}
    )


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return render(request, "articles/article_detail.html", {"article": article})
