"""The identifiers of the JSON Schemas mcvalidate publishes, in one place (this directory also
holds the copy of the course schema shipped for editors: ``mcvalidate schema --path``).

Each ``$id`` is a versioned URN rather than a web address: there is no public host for the
schemas yet, and an id must not change once editors and catalogues know it. A URN is a valid
``$id`` (RFC 8141; JSON Schema 2020-12 allows any absolute URI), and every ``$ref`` inside
the schemas is local (``#/$defs/...``), so nothing is ever fetched from it. The number is the
version of the format the schema describes: a new format version gets a new id.
"""

COURSE_SCHEMA_ID = "urn:mcvalidate:schema:course:1"
CONFIG_SCHEMA_ID = "urn:mcvalidate:schema:config:1"
