from django.db import migrations, models


def fill_disability(apps, schema_editor):
    """The facts' disability status from the identities (one UPDATE … FROM, PostgreSQL and
    SQLite alike), then the coded rollup rows remade from the facts as a full rebuild makes
    them (the rollup code of this release; nothing to do on an empty database)."""
    from lapor.stats.rollup import DISABILITY_IDS, rebuild_coded_dims

    keys = [key for key in DISABILITY_IDS if key]
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE stats_reportfact SET disability = i.disability "
            "FROM reports_reporteridentity AS i "
            "WHERE i.report_id = stats_reportfact.report_id "
            f"AND i.disability IN ({', '.join(['%s'] * len(keys))})",
            keys,
        )
    rebuild_coded_dims(("d",))


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0006_channel_kind_rollups"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportfact",
            name="disability",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        migrations.RunPython(fill_disability, migrations.RunPython.noop, elidable=True),
    ]
