"""The wizard's pages, one module each, and the cards and sections they share."""
