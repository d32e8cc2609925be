"""The search vocabulary was built from the published text before masking: the local parts of
e-mail addresses and other words of masked data were in it, and a typo could be "corrected"
towards them. It is emptied here; the worker's next refresh finds it empty and rebuilds it
from the masked text (lapor.public.vocabulary.refresh_words), or run
``manage.py remask_reports``."""

from django.db import migrations


def _clear(apps, schema_editor):
    apps.get_model("public", "SearchWord").objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0002_search_words"),
        ("reports", "0009_masked_text_and_public_address"),
    ]

    operations = [migrations.RunPython(_clear, migrations.RunPython.noop)]
