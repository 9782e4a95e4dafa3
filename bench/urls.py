from django.urls import path

from bench.views import ceiling
from newsroom.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling/", ceiling, name="bench-ceiling"), *site_urlpatterns]
