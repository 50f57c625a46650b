package load

import (
	"testing"
	"unicode/utf8"

	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

// FuzzHasBadRune checks the byte loop against the rune-by-rune rule.
func FuzzHasBadRune(f *testing.F) {
	for _, s := range []string{"plain\ttext\r\n", "bell\x07", "c1 \u0085", "nbsp \u00a0", "\ufffd", "\ufffe", "\uffff", "\ufeffbom", "é☺"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return
		}
		want := false
		for _, r := range string(data) {
			want = want || badRune(r)
		}
		if got := hasBadRune(data); got != want {
			t.Errorf("hasBadRune(%q) = %v, want %v", data, got, want)
		}
	})
}
