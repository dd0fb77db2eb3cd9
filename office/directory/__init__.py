"""Directory login (Active Directory / OpenLDAP): ``conf`` reads the settings, ``backend`` logs in."""
