from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class Config(AppConfig):
    name = "lapor.regions"
    label = "regions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lapor.regions.models import Region
        from lapor.regions.selectors import forget_chains

        # A region edited in this process is seen at once (other processes: within
        # selectors.CHAIN_CACHE_SECONDS).
        post_save.connect(forget_chains, sender=Region, dispatch_uid="regions.forget_chains")
        post_delete.connect(forget_chains, sender=Region, dispatch_uid="regions.forget_chains_d")
