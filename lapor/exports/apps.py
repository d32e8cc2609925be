from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.exports"
    label = "exports"
    default_auto_field = "django.db.models.BigAutoField"
