"""Pages of the mayor's reports: the reports (``reports``), their sections (``sections``) and
ad-hoc activity reports (``activity``)."""
