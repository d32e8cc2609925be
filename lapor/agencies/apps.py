from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.agencies"
    label = "agencies"
    default_auto_field = "django.db.models.BigAutoField"
