"""Every table of a company file, gathered so migrations and checks see the whole schema."""

from ar_desktop.storage import orm
from ar_desktop.storage import orm_collections  # noqa: F401  (registers the collections tables)
from ar_desktop.storage import orm_letters  # noqa: F401  (registers the rates, letters and mail tables)
from ar_desktop.storage import orm_audit  # noqa: F401  (registers the audit trail)
from ar_desktop.storage import orm_review  # noqa: F401  (registers the quarterly review's decisions)
from ar_desktop.storage import orm_credit  # noqa: F401  (registers the credit-risk tables)

metadata = orm.Base.metadata
