from django.db import migrations, models
from django.db.models.functions import Now


def existing_accounts_count_as_verified(apps, schema_editor):
    # Accounts made before verification existed keep working: they were created by admins
    # (staff) or used for reports already. New registrations must verify.
    User = apps.get_model("accounts", "User")
    User.objects.filter(contact_verified_at__isnull=True).update(contact_verified_at=Now())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="contact_verified_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="contact verified at"),
        ),
        migrations.RunPython(existing_accounts_count_as_verified, migrations.RunPython.noop),
    ]
