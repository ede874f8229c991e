"""Names of the company's collection settings (JSON values in the `setting` table), read by the
collections service and by the forecast, which does not import that service."""

LADDER_KEY = "ladder.{cls}"                     # a credit class's ladder, when the company changed it
GRACE_KEY = "collections.grace_days"
WORKING_DAYS_KEY = "collections.working_days"   # the ladder counts working days (services.ladder_days)
