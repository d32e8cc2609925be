from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.notifications.outbox import report_event_created
        from lapor.reports import events

        # The domain publishes its events; the outbox writes its rows for each of them.
        events.subscribe(report_event_created)
