"""Search and feed indexes for the public pages (lapor.public.search), PostgreSQL only.

- ``search_vector``: a stored generated tsvector of the published title (weight A) and body
  (weight B) with the ``indonesian`` configuration. Stored, so ranking reads it instead of
  re-parsing the text of every match; generated, so no code path can forget to update it.
  Django does not know the column: it never selects or writes it.
- A GIN index on it for ``@@``; a trigram GIN index on the published title for typos and
  informal spelling (``sekola``, ``jln``), through ``%>`` (word similarity).
- Feed orderings by place and agency (newest first within a region or an agency).

SQLite gets none of this: its fallback is a plain scan (lapor.public.search).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE reports_report ADD COLUMN IF NOT EXISTS search_vector tsvector
       GENERATED ALWAYS AS (
         setweight(to_tsvector('indonesian'::regconfig, coalesce(title_published, '')), 'A')
         || setweight(to_tsvector('indonesian'::regconfig, coalesce(body_published, '')), 'B')
       ) STORED""",
    "CREATE INDEX IF NOT EXISTS report_search_vector_idx ON reports_report USING gin (search_vector)",
    """CREATE INDEX IF NOT EXISTS report_title_trgm_idx ON reports_report
       USING gin (title_published gin_trgm_ops)""",
    """CREATE INDEX IF NOT EXISTS report_province_created_idx
       ON reports_report (province_code, created_at DESC)""",
    """CREATE INDEX IF NOT EXISTS report_regency_created_idx
       ON reports_report (regency_code, created_at DESC)""",
    """CREATE INDEX IF NOT EXISTS report_agency_created_idx
       ON reports_report (agency_id, created_at DESC)""",
]
BACKWARD = [
    "DROP INDEX IF EXISTS report_agency_created_idx",
    "DROP INDEX IF EXISTS report_regency_created_idx",
    "DROP INDEX IF EXISTS report_province_created_idx",
    "DROP INDEX IF EXISTS report_title_trgm_idx",
    "DROP INDEX IF EXISTS report_search_vector_idx",
    "ALTER TABLE reports_report DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_identity_hidden")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
