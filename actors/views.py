from django.shortcuts import get_object_or_404, render

from .models import Actor


def actor_list(request):
    return render(
        request, "actors/actor_list.html", {"actors": Actor.objects.all()[:50]}
    )


def actor_detail(request, slug):
    actor = get_object_or_404(Actor, slug=slug)
    return render(request, "actors/actor_detail.html", {"actor": actor})
