from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.voice"
    label = "voice"
    default_auto_field = "django.db.models.BigAutoField"
