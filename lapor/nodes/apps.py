from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.nodes"
    label = "nodes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.nodes.outbox import node_event_created
        from lapor.notifications.outbox import subscribe

        subscribe(node_event_created)
