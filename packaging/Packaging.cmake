# Filled in by the packaging work (issue 8).
