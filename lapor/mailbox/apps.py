from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.mailbox"
    label = "mailbox"
    default_auto_field = "django.db.models.BigAutoField"
