package feed

import (
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

// FuzzHasNotXMLChar checks the byte loop against the rune-by-rune rule.
func FuzzHasNotXMLChar(f *testing.F) {
	for _, s := range []string{"plain", "tab\tok", "bell\x07", "del\x7f", "c1 \u0085", "nbsp \u00a0", "\ufffe", "\uffff", "\ufffd", "é☺"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		want := strings.IndexFunc(s, notXMLChar) >= 0
		if got := hasNotXMLChar(s); got != want {
			t.Errorf("hasNotXMLChar(%q) = %v, want %v", s, got, want)
		}
	})
}
