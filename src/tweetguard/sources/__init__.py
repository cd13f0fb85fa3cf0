"""Where drafts come from: one module per source, and the registry that knows them all.

A source reads drafts (a draft file, JSON Lines, a YAML collection, standard input,
``--text``), says whether its drafts can be fixed, and places a fix in its own format.
collect, fix and the outputs ask :mod:`tweetguard.sources.registry`, never a source by name.
"""
