"""Checking drafts: the compiled rules and one draft's check (checker), and a run over many
drafts, streamed to a reporter, in worker processes when there are many (runner)."""
