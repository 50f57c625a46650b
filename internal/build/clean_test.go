package build

import (
	"encoding/json"
	"testing"

	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\r\nwith é and ☺", "plain\ttext\r\nwith é and ☺"},
		{"bell\x07 and del\x7f and nul\x00", "bell and del and nul"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\x1b[31mred", "[31mred"},
	}
	for _, tt := range tests {
		if got := string(cleanText([]byte(tt.in))); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzHasControl checks the byte loop against the rune-by-rune rule.
func FuzzHasControl(f *testing.F) {
	f.Add([]byte("a\x01é"))
	f.Add([]byte("a long line of text\x7f, and \x1b and\n\tmore"))
	f.Add([]byte("0123456789abcdef\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		want := false
		for _, r := range string(data) {
			want = want || badControl(r)
		}
		if got := hasControl(data); got != want {
			t.Errorf("hasControl(%q) = %v, want %v", data, got, want)
		}
	})
}

// FuzzManifestEncode checks the manifest's own encoder against
// json.MarshalIndent.
func FuzzManifestEncode(f *testing.F) {
	f.Add("feeds/all.atom", "tag:x", "Title <&> \u2028 é", "state", 2, 3)
	f.Fuzz(func(t *testing.T, path, id, title, st string, point, seq int) {
		m := &Manifest{Format: 1, Files: map[string]string{path: id, "b": title},
			Entries: map[string]Origin{id: {File: path, Title: title, Point: point}},
			Events:  map[string]Origin{title: {File: id, Title: st, Point: point, Sequence: seq, State: st}}}
		want, _ := json.MarshalIndent(m, "", "  ")
		if got := m.encode(); string(got) != string(want)+"\n" {
			t.Errorf("encode:\n%s\nwant\n%s", got, want)
		}
	})
}
