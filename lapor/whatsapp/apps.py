from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.whatsapp"
    label = "whatsapp"
    verbose_name = "WhatsApp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.notifications.channels import register_channel
        from lapor.whatsapp import actions  # noqa: F401  (registers the conversation medium)
        from lapor.whatsapp.channel import WhatsAppChannel

        register_channel("whatsapp", WhatsAppChannel())
