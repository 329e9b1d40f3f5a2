// Removed once the index sources exist.
