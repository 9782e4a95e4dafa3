"""Write many small transactions fast: what the seed import needs, file after file.

``insert_rows()`` is bulk_create() without its per-call query compilation, which
cost more than the database's own work per file; ``pipelined()`` sends a
transaction's statements to PostgreSQL without waiting for each answer;
``quick_commits()`` lets each commit skip the wait for the disk flush.
"""

import functools
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models.constants import OnConflict
from django.utils import timezone


@functools.cache
def _insert_fields(model, with_pk=False):
    return tuple(f for f in model._meta.concrete_fields if with_pk or not f.primary_key)


@functools.cache
def _insert_sql(model, vendor, rows, *, with_pk, returning, ignore_conflicts):
    qn = connection.ops.quote_name
    fields = _insert_fields(model, with_pk)
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    row = "({})".format(", ".join(["%s"] * len(fields)))
    sql = "{}{} ({}) VALUES {}".format(
        connection.ops.insert_statement(on_conflict=on_conflict),
        qn(model._meta.db_table),
        ", ".join(qn(f.column) for f in fields),
        ", ".join([row] * rows),
    )
    if ignore_conflicts:
        sql += " " + connection.ops.on_conflict_suffix_sql(fields, on_conflict, [], [])
    if returning:
        sql += f" RETURNING {qn(model._meta.pk.column)}"
    return sql


def insert_rows(model, rows, *, keys=None, ignore_conflicts=False):
    """INSERT ``rows`` (dicts of field name → value) as bulk_create() would.

    Fields left out get their default, ``auto_now`` fields the current time. Plain
    values (str, int, bool, None) go to the driver as they are; others through the
    field's get_db_prep_save(). Sends no signals, like bulk_create(). Given a
    KeyPool as ``keys``, returns the new primary keys, in the order of ``rows``.
    """
    rows = list(rows)
    if not rows:
        return []
    db = connections[DEFAULT_DB_ALIAS]  # not the per-attribute proxy: hot loop
    pks = keys.take(len(rows)) if keys else None
    if pks:
        rows = [
            {**row, model._meta.pk.attname: pk}
            for row, pk in zip(rows, pks, strict=True)
        ]
    fields = _insert_fields(model, with_pk=bool(pks))
    now = timezone.now()
    # Each default is prepared once per call, not once per row.
    defaults = [
        (f, f.get_db_prep_save(now if _is_auto_now(f) else f.get_default(), db))
        for f in fields
    ]
    params = []
    for row in rows:
        for f, default in defaults:
            v = row.get(f.attname, default)
            params.append(
                v if v is default or type(v) in _PLAIN else f.get_db_prep_save(v, db)
            )
    width = len(fields)
    batch = max(db.ops.bulk_batch_size(fields, rows), 1)
    returning = keys is not None and not pks
    new = []
    with db.cursor() as cursor:
        for i in range(0, len(rows), batch):
            n = min(batch, len(rows) - i)
            sql = _insert_sql(
                model,
                db.vendor,
                n,
                with_pk=bool(pks),
                returning=returning,
                ignore_conflicts=ignore_conflicts,
            )
            cursor.execute(sql, params[i * width : (i + n) * width])
            if returning:
                new += [pk for (pk,) in cursor.fetchall()]
    return pks or new


_PLAIN = frozenset({str, int, bool, type(None)})


def _is_auto_now(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


class KeyPool:
    """Primary keys for new rows of ``model``, taken ahead from its sequence.

    On PostgreSQL an INSERT that gives its own key needs no RETURNING, so a file's
    statements go out in one pipelined batch instead of waiting for each new id.
    Keys come in batches (1, 2, 4 … up to 256): one query per batch, and few left
    unused at the end of a run. Elsewhere ``take()`` returns None and insert_rows()
    reads the keys back with RETURNING, which costs no round trip in-process.
    Keep one pool per import run: a sequence reset (tests) makes old keys stale.
    """

    def __init__(self, model):
        self.model = model
        self.free = []
        self.batch = 1

    def take(self, n):
        if connection.vendor != "postgresql":
            return None
        if len(self.free) < n:
            count = max(n - len(self.free), self.batch)
            self.batch = min(self.batch * 2, 256)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s))"
                    " FROM generate_series(1, %s)",
                    [self.model._meta.db_table, self.model._meta.pk.column, count],
                )
                self.free += [pk for (pk,) in cursor.fetchall()]
        taken, self.free = self.free[:n], self.free[n:]
        return taken


@contextmanager
def pipelined():
    """On PostgreSQL, send a file's statements without waiting for each answer.

    psycopg's pipeline mode waits only where a result is read (the lookup of
    existing articles) and where the pipeline ends. Open it inside the
    transaction: changing autocommit within a pipeline costs a round trip each.
    Other databases run in-process and have no round trips.
    """
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    # Errors of pipelined statements surface on exit: give them Django's classes.
    with connection.wrap_database_errors, connection.connection.pipeline():
        yield


@contextmanager
def quick_commits():
    """Let each file's commit skip the wait for the disk flush, for this run only.

    Neither setting risks corruption (SQLite in WAL mode, PostgreSQL): a crash can
    only lose the last few files committed, and rerunning the import redoes them.
    SQLite also gets a 32 MiB page cache, so index pages stay in memory as the
    tables grow.
    """
    if connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")
            restore = ["RESET synchronous_commit"]
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            wal = cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            restore = [f"PRAGMA synchronous = {int(cursor.fetchone()[0])}"]
            cursor.execute("PRAGMA cache_size")
            restore.append(f"PRAGMA cache_size = {int(cursor.fetchone()[0])}")
            cursor.execute("PRAGMA cache_size = -32768")
            if wal:
                cursor.execute("PRAGMA synchronous = NORMAL")
        else:
            restore = []
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in restore:
                cursor.execute(statement)
