"""tweetguard: checks a school's draft tweets against its social-media policy."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "weighted_length"]


def weighted_length(text: str) -> int:
    """Length of ``text`` as the platform counts it (twitter-text v3, limit 280)."""
    # Imported here so `import tweetguard` stays cheap for the CLI's cold start.
    from tweetguard.text.twitter_text import weighted_length as _weighted_length

    return _weighted_length(text)
