from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.public"
    label = "public"
    default_auto_field = "django.db.models.BigAutoField"
