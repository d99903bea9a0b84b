"""rasd (رصد): Arabic news articles in, conflict-event records with evidence out."""

__version__ = "0.1.0"
