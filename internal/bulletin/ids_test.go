package bulletin

import (
	"net/url"
	"testing"
)

// FuzzURL holds Site.URL to what JoinPath makes of a base URL and a path.
func FuzzURL(f *testing.F) {
	for _, s := range [][2]string{
		{"https://prayer.example.org/", "bulletins/2026-11-20/"}, {"https://example.org/prayer/", "feeds/all.atom"},
		{"https://example.org/prayer/", "a/../b"}, {"https://example.org/", "./x"}, {"https://example.org/", "a//b"},
		{"https://example.org:8080/p/", "x y"}, {"https://example.org/p%20q/", "x"}, {"https://u@example.org/", "x"},
		{"https://example.org/?q=1", "x"}, {"https://example.org", "x/"}, {"https://example.org/es/", "/x"}, {"https://example.org/", "ü"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, base, path string) {
		u, err := url.Parse(base)
		if err != nil || path == "" {
			return
		}
		s := &Site{BaseURL: u}
		if got, want := s.URL(path), u.JoinPath(path).String(); got != want {
			t.Errorf("URL of %q at %q = %q, want %q", path, base, got, want)
		}
	})
}
