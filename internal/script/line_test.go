package script

import (
	"strings"
	"testing"
)

// FuzzOneLine checks oneLine against what it stands for.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\nb", "é\u00a0x", "\xff \xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
