"""Celery tasks of the cooperatives app."""

import logging

from celery import shared_task

from .emails import send_invitation_email, send_verified_email

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_invitation(invitation_id: int) -> None:
    """Email an invitation link; SMTP failures are retried with backoff."""
    send_invitation_email(invitation_id=invitation_id)
    logger.info("Invitation %s emailed", invitation_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_verified_notice(cooperative_id: int, user_id: int) -> None:
    """Email one owner that their cooperative is verified, retrying SMTP failures.

    Each owner gets a task of their own, so a retry never emails an owner
    who already received the notice.
    """
    if send_verified_email(cooperative_id=cooperative_id, user_id=user_id):
        logger.info(
            "Verification of cooperative %s emailed to user %s", cooperative_id, user_id
        )
