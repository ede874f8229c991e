"""The default lengths of the figures' period and of the cash forecast, apart from domain.kpi and
domain.forecast: the command line names them in every command's help, and importing those modules for it
cost each command (`ar-desktop company`, an import...) 10-40 ms it never used."""

DEFAULT_DAYS = 90     # the figures' period (domain.kpi)
DEFAULT_WEEKS = 13    # the cash forecast (domain.forecast)
