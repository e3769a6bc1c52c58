"""Celery tasks of the cooperatives app."""

import logging

from celery import shared_task

from .emails import send_invitation_email

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_invitation(invitation_id: int) -> None:
    """Email an invitation link; SMTP failures are retried with backoff."""
    send_invitation_email(invitation_id=invitation_id)
    logger.info("Invitation %s emailed", invitation_id)
