package load

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// didYouMean returns ` (did you mean "x"?)` for the candidate closest to
// word, or "" when none is close enough to be a likely slip.
func didYouMean(word string, candidates []string) string {
	best, bestDist := "", 0
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(strings.ToLower(word), strings.ToLower(c))
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist >= len(word) || bestDist > max(2, len(word)/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// short returns s quoted, cut to a length that reads in one line.
func short(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return strconv.Quote(s)
}

// orList returns the words quoted and joined: "a", "b" or "c".
func orList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	if len(q) <= 1 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// commaList returns the words quoted and joined by commas.
func commaList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return strings.Join(q, ", ")
}
