package bulletin

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var refusedSamples = []string{
	"plain\ttext\r\nwith é and ☺", "bell\x07", "del\x7f", "c1 \u0085", "nbsp \u00a0 ©", "\ufffd", "\ufffe", "\uffff",
	"\ufeffbom", "ＡＢ", "a long line of text\x7f, and \x1b and\n\tmore", "0123456789abcdef\x00", "1234567\xc2\x9f",
}

// FuzzIndexRefused checks the byte loop against the rune-by-rune rule.
func FuzzIndexRefused(f *testing.F) {
	for _, s := range refusedSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		want := strings.IndexFunc(s, Refused)
		if got := IndexRefused(s); got != want {
			t.Errorf("IndexRefused(%q) = %d, want %d", s, got, want)
		}
		if got := IndexRefused([]byte(s)); got != want {
			t.Errorf("IndexRefused([]byte(%q)) = %d, want %d", s, got, want)
		}
	})
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\r\nwith é and ☺", "plain\ttext\r\nwith é and ☺"},
		{"bell\x07 and del\x7f and nul\x00 and c1\u0085", "bell and del and nul and c1"},
		{"bad \xff byte and \ufffd lost", "bad  byte and  lost"},
		{"\x1b[31mred \ufffe\uffff", "[31mred "},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(Clean([]byte(tt.in))); got != tt.want {
			t.Errorf("Clean([]byte(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range refusedSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) || strings.IndexFunc(c, Refused) >= 0 {
			t.Errorf("Clean(%q) = %q", s, c)
		}
		if utf8.ValidString(s) && strings.IndexFunc(s, Refused) < 0 && c != s {
			t.Errorf("Clean(%q) = %q, changed a clean text", s, c)
		}
	})
}

// BenchmarkIndexRefused reads a page's worth of HTML, as every output is
// read: short lines, some typographic punctuation, now and then a ©.
func BenchmarkIndexRefused(b *testing.B) {
	text := []byte(strings.Repeat("<p>Pray for the team in Santo Domingo — “hearings”,\n\tand for the court.</p>\n", 2000) + "© 2026")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if IndexRefused(text) >= 0 {
			b.Fatal("refused")
		}
	}
}

// FuzzHasOpener checks the byte search against the runes it looks for.
func FuzzHasOpener(f *testing.F) {
	for _, s := range []string{"", "plain", "“quoted” — dash", "\u202eevil", "\u202cpop", "x\u2068isolate", "\u2069", "\xe2\x80", "é\u202a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasOpener(s), strings.ContainsAny(s, "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"); got != want {
			t.Errorf("hasOpener(%q) = %v, want %v", s, got, want)
		}
	})
}
