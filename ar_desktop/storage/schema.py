"""Every table of a company file, gathered so migrations and checks see the whole schema."""

from ar_desktop.storage import orm

metadata = orm.Base.metadata
