from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.open311"
    label = "open311"
    default_auto_field = "django.db.models.BigAutoField"
