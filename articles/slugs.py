"""Free slugs for many new rows: "base", else "base-2", "base-3" …, in batches.

One query checks a batch of candidates; the next number to try for each base is
remembered for the run, so the thousandth "same headline" costs no more than the
second.
"""

from django.utils.text import slugify

BATCH = 10


class SlugPicker:
    def __init__(self):
        self.hints = {}
        self.reserved = set()  # picked in the current transaction, not yet saved

    def release(self):
        """Forget the slugs picked so far: call after each transaction."""
        self.reserved.clear()

    def candidates(self, model, text, *, fallback, after=0):
        """Return the next batch of slugs to try for ``text``, mapped to their number."""
        limit = model._meta.get_field("slug").max_length
        base = slugify(text)[:limit].strip("-") or fallback
        n = max(self.hints.get((model, base), 1), after + 1)
        return {_suffixed(base, i, limit): (base, i) for i in range(n, n + BATCH)}

    def pick_many(self, model, texts, *, fallback):
        """Return a free slug for each of ``texts``: one query for all, not one each."""
        slugs = []
        for i in range(0, len(texts), 50):  # at most 500 query parameters
            chunk = texts[i : i + 50]
            batches = [self.candidates(model, t, fallback=fallback) for t in chunk]
            taken = model.objects.filter(slug__in=set().union(*batches)).order_by()
            taken = set(taken.values_list("slug", flat=True))
            slugs += [
                self.pick(model, text, fallback=fallback, candidates=batch, taken=taken)
                for text, batch in zip(chunk, batches, strict=True)
            ]
        return slugs

    def pick(self, model, text, *, fallback, candidates=None, taken=None):
        """Return a free slug for ``text``.

        ``candidates`` and the ``taken`` ones among them may come from a query
        already made.
        """
        candidates = candidates or self.candidates(model, text, fallback=fallback)
        while True:
            if taken is None:
                taken = model.objects.filter(slug__in=candidates).order_by()
                taken = set(taken.values_list("slug", flat=True))
            for slug, (base, i) in candidates.items():
                if slug not in taken and slug not in self.reserved:
                    self.reserved.add(slug)
                    if len(self.hints) > 50_000:
                        self.hints.clear()  # keep memory flat on huge runs
                    self.hints[model, base] = i + 1
                    return slug
            candidates = self.candidates(model, text, fallback=fallback, after=i)
            taken = None


def _suffixed(base, i, limit):
    if i == 1:
        return base
    suffix = f"-{i}"
    return base[: limit - len(suffix)].rstrip("-") + suffix
