from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.reports"
    label = "reports"
    default_auto_field = "django.db.models.BigAutoField"
