"""What can be exported (services/exports.py): a module of its own so that the command line can
list the choices without importing the exporters and what they import."""

WHATS = ("customers", "invoices", "payments", "aging", "collections", "charges")
AS_OF_WHATS = ("aging", "collections", "charges")  # reports as of a date
