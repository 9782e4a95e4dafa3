"""Write many small transactions fast: what the seed import needs, file after file.

``insert_rows()`` is bulk_create() without its per-call query compilation, which
cost more than the database's own work per file; ``pipelined()`` sends a
transaction's statements to PostgreSQL without waiting for each answer;
``quick_commits()`` lets each commit skip the wait for the disk flush.
"""

import functools
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone


@functools.cache
def _insert_fields(model):
    return tuple(f for f in model._meta.concrete_fields if not f.primary_key)


@functools.cache
def _insert_sql(model, vendor, rows, returning):
    qn = connection.ops.quote_name
    fields = _insert_fields(model)
    row = "({})".format(", ".join(["%s"] * len(fields)))
    sql = "INSERT INTO {} ({}) VALUES {}".format(
        qn(model._meta.db_table),
        ", ".join(qn(f.column) for f in fields),
        ", ".join([row] * rows),
    )
    if returning:
        sql += f" RETURNING {qn(model._meta.pk.column)}"
    return sql


def insert_rows(model, rows):
    """INSERT ``rows`` (dicts of field name → value) as bulk_create() would.

    Fields left out get their default, ``auto_now`` fields the current time. Plain
    values (str, int, bool, None) go to the driver as they are; others through the
    field's get_db_prep_save(). Sends no signals, like bulk_create(). Returns the
    new primary key when given one row.
    """
    rows = list(rows)
    if not rows:
        return None
    db = connections[DEFAULT_DB_ALIAS]  # not the per-attribute proxy: hot loop
    fields = _insert_fields(model)
    now = timezone.now()
    defaults = {f.attname: now if _is_auto_now(f) else f.get_default() for f in fields}
    params = [
        v if type(v) in _PLAIN else f.get_db_prep_save(v, db)
        for row in rows
        for f in fields
        for v in [row.get(f.attname, defaults[f.attname])]
    ]
    width = len(fields)
    batch = max(db.ops.bulk_batch_size(fields, rows), 1)
    returning = len(rows) == 1 and db.features.can_return_columns_from_insert
    with db.cursor() as cursor:
        for i in range(0, len(rows), batch):
            n = min(batch, len(rows) - i)
            sql = _insert_sql(model, db.vendor, n, returning)
            cursor.execute(sql, params[i * width : (i + n) * width])
        if len(rows) == 1:
            return cursor.fetchone()[0] if returning else cursor.lastrowid
    return None


_PLAIN = frozenset({str, int, bool, type(None)})


def _is_auto_now(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


@contextmanager
def pipelined():
    """On PostgreSQL, send a file's statements without waiting for each answer.

    psycopg's pipeline mode waits only where a result is read (the lookup of
    existing articles, a new row's id) and at the commit: three round trips a file
    instead of seven. Other databases run in-process and have no round trips.
    """
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    with connection.connection.pipeline():
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
