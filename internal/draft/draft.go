// Package draft makes draft bulletins for their writers to finish: the
// skeleton of a new one (prayerfeed new), and one imported from the text
// of a bulletin written as an email or a document (prayerfeed import).
// A draft loads as it is and, being a draft, is never published; every
// guess it holds is marked with a comment on its line.
package draft
