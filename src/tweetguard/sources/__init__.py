"""Where drafts come from: one module per source, and the registry that knows them all.

A source reads drafts (a draft file, JSON Lines, a YAML collection, standard input,
``--text``), says whether its drafts can be fixed, and places a fix in its own format.
collect, fix and the outputs ask :mod:`tweetguard.sources.registry`, never a source by name.

Adding a source (a CSV, say) is one module and one line: subclass ``FileSource``
(sources/base.py) with ``reads`` (and ``found_in_folder`` if folders should pick its files
up) and ``read``, yielding a Draft per draft or a DraftError naming ``FILE:LINE``, with
fields from ``fields.draft_fields``; to be fixable, give it a ``fix_label`` and implement
``reread`` and ``place``. Then add an instance to ``registry.SOURCES``. tests/test_sources.py
does exactly this with a made-up format.
"""
