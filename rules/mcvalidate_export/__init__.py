"""The export profiles: what each document ``mcvalidate export`` writes needs of a course file,
beyond the course format, as a pack per target (``ob3-export``, ``ctdl-export``,
``elm-export``).

They are not frameworks: their sources are the targets' specifications, and their scope is a
*profile*, applied to every file when a run asks for it (``mcvalidate check --framework
ob3-export``, or ``mcvalidate export --to ob3``), whatever the file's ``frameworks:`` list.
An error here is what would make the exported document invalid, so ``export`` refuses the
file; a warning is what the target's documentation asks for, without its schema enforcing it.
"""
