package main

import (
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 60) + "MISTAKE" + strings.Repeat(" word", 60)
	src := newSource(fstest.MapFS{
		"a.yaml": {Data: []byte("date: 2026-11-20\ntitle: \u202eevil\n\tbody: x\n" + long + "\nkind:\u00a0praise\ntitle: 祈祷会 x\n")},
		"b.yaml": {Data: []byte("\ufeffdate: x\n")},
	}, "bulletins")
	tests := []struct {
		pos  bulletin.Pos
		want string
	}{
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 1, Col: 7}, "    date: 2026-11-20\n          ^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 2, Col: 8}, "    title: \uFFFDevil\n           ^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 3, Col: 2}, "    \tbody: x\n    \t^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 4, Col: 301}, "    …" + long[250:350] + "…\n     " + strings.Repeat(" ", 50) + "^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 5, Col: 6}, "    kind:·praise\n         ^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 6, Col: 12}, "    title: 祈祷会 x\n                  ^"},
		{bulletin.Pos{File: "bulletins/b.yaml", Line: 1, Col: 7}, "    date: x\n          ^"},
		{bulletin.Pos{File: "bulletins/a.yaml", Line: 9, Col: 1}, ""},
		{bulletin.Pos{File: "elsewhere/a.yaml", Line: 1, Col: 1}, ""},
		{bulletin.Pos{File: "bulletins/a.yaml"}, ""},
	}
	for _, tt := range tests {
		if got := src.excerpt(tt.pos); got != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.pos, got, tt.want)
		}
	}
}

// TestServeShowsExcerpts checks that the preview's page of problems shows
// each with its line and a caret, as the terminal does.
func TestServeShowsExcerpts(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	os.WriteFile(filepath.Join(dir, "bulletins", "2026", "2026-12-04.yaml"), []byte("date: 2026-12-04\ntitle: *Urgent* news\n"), 0o644)
	s := newServer(filepath.Join(dir, "bulletins"), func() moment { return moment{t: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)} }, io.Discard)
	s.Rebuild()
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "http://localhost/", nil))
	if body := w.Body.String(); !strings.Contains(body, "title: *Urgent* news\n           ^") {
		t.Errorf("the page of problems shows no excerpt:\n%s", body)
	}
}

// FuzzExcerpt shows a line of any file at any position: it must never
// panic, and print only valid UTF-8 that a terminal shows as it is, with
// nothing that would reverse its text, in two lines or none.
func FuzzExcerpt(f *testing.F) {
	f.Add([]byte("date: 2026-11-20\ntitle: \u202eevil\n"), 2, 8)
	f.Add([]byte("\xff\xfe\x00d\x00a"), 1, 1)
	f.Add([]byte(strings.Repeat("é", 500)), 1, 400)
	f.Add([]byte("a\tb\r\n"), 1, 3)
	f.Fuzz(func(t *testing.T, data []byte, line, col int) {
		src := newSource(fstest.MapFS{"a.yaml": {Data: data}}, "bulletins")
		x := src.excerpt(bulletin.Pos{File: "bulletins/a.yaml", Line: line, Col: col})
		if x == "" {
			return
		}
		if !utf8.ValidString(x) || strings.Count(x, "\n") != 1 || !strings.HasSuffix(x, "^") {
			t.Fatalf("excerpt %q", x)
		}
		for _, r := range x {
			if r != '\n' && r != '\t' && r != '\uFFFD' && (bulletin.Refused(r) || unicode.Is(unicode.Bidi_Control, r)) {
				t.Fatalf("excerpt %q holds %U", x, r)
			}
		}
	})
}
