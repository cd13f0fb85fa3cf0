"""Text analysis: the normalised view of a draft, words and phrases, sentences, people's
names, and twitter-text's counting. Imports only tweetguard.core."""
