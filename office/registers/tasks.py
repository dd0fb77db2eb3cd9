"""Tasks of the registers: thin wrappers."""

from office.kit.tasks import background_task
from office.registers import services


@background_task(retries=3)
def send_agreement_reminders() -> int:
    return services.send_end_reminders()
