from django.apps import AppConfig


class PpidConfig(AppConfig):
    """Information requests under UU 14/2008 (PPID): the second process on the case machinery."""

    name = "lapor.ppid"
    label = "ppid"
    verbose_name = "PPID"

    def ready(self) -> None:
        from lapor.ppid.notify import ppid_event_created
        from lapor.reports.events import subscribe

        # The requester hears about PPID events (receipt, notice, objection, decision, …)
        # through the same outbox, written in the action's transaction.
        subscribe(ppid_event_created)
