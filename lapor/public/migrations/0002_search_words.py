"""The search vocabulary (lapor.public.vocabulary) and, on PostgreSQL only, its trigram GIN
index for ``word % %s`` (the similar words). GIN rather than GiST: a KNN walk of a GiST index
(``ORDER BY word <-> %s``) took 80–100 ms per word over 314,000 dense synthetic words, ``%``
through GIN 2–60 ms. The table is filled by
the worker (``refresh_words``); SQLite scores its words in Python."""

from django.db import migrations, models

FORWARD = [
    "CREATE INDEX IF NOT EXISTS public_searchword_trgm_idx"
    " ON public_searchword USING gin (word gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS public_searchword_trgm_idx"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0001_initial"),
        # pg_trgm is created there.
        ("reports", "0004_public_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("reports", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
