from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"
