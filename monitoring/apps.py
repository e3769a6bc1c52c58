from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from cooperatives.events import interaction

        from .receivers import record_interaction

        interaction.connect(
            record_interaction, dispatch_uid="monitoring.record_interaction"
        )
