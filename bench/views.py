from django.shortcuts import render


def ceiling(request):
    """The practical ceiling: a bare view rendering a fixed ~10 KB template."""
    return render(request, "bench/ceiling.html")
