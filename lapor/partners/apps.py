from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.partners"
    label = "partners"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.partners.webhooks import event_created
        from lapor.reports import events

        events.subscribe(event_created)
