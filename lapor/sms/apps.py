from django.apps import AppConfig


class Config(AppConfig):
    name = "lapor.sms"
    label = "sms"
    verbose_name = "SMS 1708"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.notifications.channels import register_channel
        from lapor.sms.gateway import KannelSmsChannel

        register_channel("sms", KannelSmsChannel())
