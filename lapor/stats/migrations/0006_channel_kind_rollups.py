from django.db import migrations


def add_channel_and_kind_rows(apps, schema_editor):
    """The channel ("h") and kind ("k") rows of ``DimPeriod`` that the public breakdowns now
    read for whole months and years, made from the facts as a full rebuild makes them (the
    rollup code of this release; nothing to do on an empty database)."""
    from lapor.stats.rollup import rebuild_coded_dims

    rebuild_coded_dims(("h", "k"))


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0005_facts_region_day_indexes"),
    ]

    operations = [
        migrations.RunPython(add_channel_and_kind_rows, migrations.RunPython.noop, elidable=True),
    ]
