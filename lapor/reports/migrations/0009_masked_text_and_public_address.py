"""Search only what the public reads (issue 10, item 4), and the verifier's public address
(item 9).

- ``title_masked`` / ``body_masked``: the published text with NIK, phone numbers and e-mail
  addresses masked (``lapor.reports.scrub``), filled here for existing rows and kept by
  ``Report.save()`` from now on.
- PostgreSQL: ``search_vector`` was generated from the published text *before* masking, so a
  search for the digits of a masked phone number found the report. It is dropped and generated
  again from the masked columns, and the trigram index of the title moves to the masked title.
  The old column is dropped before the backfill so the updates do not recompute it row by row;
  adding the generated column afterwards rewrites the table once.
- ``address_public``: the address the verifier chose to publish (lapor.reports.location).
"""

from django.db import migrations, models

DROP_OLD = [
    "DROP INDEX IF EXISTS report_title_trgm_idx",
    "DROP INDEX IF EXISTS report_search_vector_idx",
    "ALTER TABLE reports_report DROP COLUMN IF EXISTS search_vector",
]
ADD_NEW = [
    """ALTER TABLE reports_report ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
         setweight(to_tsvector('indonesian'::regconfig, coalesce(title_masked, '')), 'A')
         || setweight(to_tsvector('indonesian'::regconfig, coalesce(body_masked, '')), 'B')
       ) STORED""",
    "CREATE INDEX report_search_vector_idx ON reports_report USING gin (search_vector)",
    "CREATE INDEX report_title_trgm_idx ON reports_report USING gin (title_masked gin_trgm_ops)",
]
# Backwards: the vector and the trigram index of reports/0004, over the published text.
DROP_NEW = DROP_OLD
ADD_OLD = [
    """ALTER TABLE reports_report ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (
         setweight(to_tsvector('indonesian'::regconfig, coalesce(title_published, '')), 'A')
         || setweight(to_tsvector('indonesian'::regconfig, coalesce(body_published, '')), 'B')
       ) STORED""",
    "CREATE INDEX report_search_vector_idx ON reports_report USING gin (search_vector)",
    "CREATE INDEX report_title_trgm_idx ON reports_report USING gin (title_published gin_trgm_ops)",
]


def _sql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


def _backfill(apps, schema_editor):
    from lapor.reports.remask import remask

    remask(apps.get_model("reports", "Report"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("reports", "0008_information_request_statuses_clocks_events")]

    operations = [
        migrations.RunPython(_sql(DROP_OLD), _sql(ADD_OLD)),
        migrations.AddField(
            model_name="report",
            name="title_masked",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="report",
            name="body_masked",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="report",
            name="address_public",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.RunPython(_backfill, migrations.RunPython.noop),
        migrations.RunPython(_sql(ADD_NEW), _sql(DROP_NEW)),
        migrations.AlterField(
            model_name="reportevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("submitted", "Report submitted"),
                    ("status_changed", "Status changed"),
                    ("reporter_info", "Reporter added information"),
                    ("disposed", "Verified and dispositioned"),
                    ("postponed", "Postponed: clarification asked from the reporter"),
                    ("resumed", "Reporter clarified; back to verification"),
                    ("not_authority", "Not our authority"),
                    ("archived", "Archived"),
                    ("follow_up", "Follow-up by the agency"),
                    ("question", "The agency asks for more information"),
                    ("transferred", "Transferred to another agency"),
                    ("agency_involved", "Another agency involved"),
                    ("reporter_reply", "Reply from the reporter"),
                    ("closed", "Closed"),
                    ("disputed", "Closure disputed; reopened"),
                    ("escalated", "Deadline missed; escalated"),
                    ("extended", "Deadline extended"),
                    ("complexity_set", "Resolution time set"),
                    ("deadline_moved", "Deadline recomputed after a calendar change"),
                    ("privacy_raised", "Privacy raised"),
                    ("text_edited", "Published text edited"),
                    ("public_address_set", "Public address set"),
                    ("category_set", "Category set"),
                    ("note", "Internal note"),
                ],
                max_length=24,
            ),
        ),
    ]
