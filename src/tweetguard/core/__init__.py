"""The core every layer stands on: drafts, rules and results (model), errors, settings, the
roster, the reporting contract and posting-window clock helpers. It imports nothing else of
tweetguard."""
