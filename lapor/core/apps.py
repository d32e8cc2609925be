from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the ``in_ids`` lookup (lapor.core.counting).
        from lapor.core import counting  # noqa: F401
