"""What ``extract()`` finds in a made-up text, in the shapes the rule tests compare."""

from actors.extraction import extract


def kinds(body: str) -> dict[str, str]:
    return {a.name: a.kind for a in extract(body).actors}


def people(body: str) -> set[str]:
    return {name for name, kind in kinds(body).items() if kind == "person"}


def organizations(body: str) -> set[str]:
    return {name for name, kind in kinds(body).items() if kind == "organization"}


def speakers(body: str) -> list[str | None]:
    return [q.speaker for q in extract(body).quotes]


def texts(body: str) -> list[str]:
    return [q.text for q in extract(body).quotes]


def pairs(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(body).quotes]
