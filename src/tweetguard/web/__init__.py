"""``tweetguard serve``: a local web page for checking one draft, for the head teacher.

``desk`` turns a request's JSON into a draft and checks it (the same JSON document as
``check --format json``, plus what the page shows: the count, the corrected text, when the
draft may go out); ``server`` is the HTTP handling on loopback, with its safety checks;
``static/`` holds the page itself (HTML, CSS, JS), served from the package.
"""
