from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.opendata"
    label = "opendata"
    default_auto_field = "django.db.models.BigAutoField"
