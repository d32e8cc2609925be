from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.skm"
    label = "skm"
    verbose_name = "SKM"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.notifications.outbox import subscribe
        from lapor.skm.actions import invite_on_closure

        subscribe(invite_on_closure)
