"""Step 1's acknowledgement composer: drafts built from one's own log, sent copies, answers."""
