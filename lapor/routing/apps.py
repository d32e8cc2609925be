from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.routing"
    label = "routing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.routing import hooks

        hooks.connect()
