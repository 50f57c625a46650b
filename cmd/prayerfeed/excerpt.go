package main

import (
	"bytes"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"golang.org/x/text/width"
)

// A source shows the lines of the source folder's files that problems
// point at, each with a caret under the column, so that a writer sees
// the mistake without counting lines: the folder as fsys, named name in
// positions.
type source struct {
	fsys  fs.FS
	name  string
	lines map[string][][]byte // by position's file, read once
}

func newSource(fsys fs.FS, name string) *source {
	return &source{fsys: fsys, name: name, lines: map[string][][]byte{}}
}

// excerptWidth is the most characters of a line an excerpt shows.
const excerptWidth = 100

// excerpt returns the line p points at and a caret under its column,
// both indented by four spaces, or "" when there is no such line.
func (s *source) excerpt(p bulletin.Pos) string {
	if s == nil || p.Line < 1 {
		return ""
	}
	lines, ok := s.lines[p.File]
	if !ok {
		rel, inside := strings.CutPrefix(p.File, s.name+"/")
		if data, err := fs.ReadFile(s.fsys, rel); inside && err == nil {
			lines = bytes.Split(data, []byte("\n"))
		}
		s.lines[p.File] = lines
	}
	if p.Line > len(lines) {
		return ""
	}
	// The line as runes a terminal shows safely, one column each: what
	// would reverse the terminal's text or could not be shown is "�", and
	// what looks like a space and is not, "·".
	var runes []rune
	line := bytes.TrimSuffix(lines[p.Line-1], []byte("\r"))
	if p.Line == 1 {
		line = bytes.TrimPrefix(line, []byte("\ufeff")) // a byte-order mark, no column
	}
	for len(line) > 0 {
		r, size := utf8.DecodeRune(line)
		switch {
		case r == utf8.RuneError || bulletin.Refused(r) && r != '\t' || unicode.Is(unicode.Bidi_Control, r):
			r = '\uFFFD'
		case unicode.IsSpace(r) && r != ' ' && r != '\t' || r == '\u200b' || r == '\ufeff':
			r = '·'
		}
		runes = append(runes, r)
		line = line[size:]
	}
	if bad := strings.Count(string(runes), "\uFFFD"); bad > 3 {
		return "" // not text: a file in another encoding, say
	}
	col := min(max(p.Col, 1), len(runes)+1) - 1
	from := max(0, col-excerptWidth/2)
	to := min(len(runes), from+excerptWidth)
	var b strings.Builder
	b.WriteString("    ")
	if from > 0 {
		b.WriteString("…")
	}
	b.WriteString(string(runes[from:to]))
	if to < len(runes) {
		b.WriteString("…")
	}
	b.WriteString("\n    ")
	if from > 0 {
		b.WriteString(" ")
	}
	for _, r := range runes[from:col] {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			b.WriteString("  ") // a character two columns wide
		default:
			if r == '\t' {
				b.WriteRune('\t')
			} else {
				b.WriteByte(' ')
			}
		}
	}
	b.WriteString("^")
	return b.String()
}

// explain returns how prayerfeed prints a problem: its message, then the
// line it points at with a caret under the column.
func (s *source) explain(e *bulletin.Error) string {
	if x := s.excerpt(e.Pos); x != "" {
		return e.Error() + "\n" + x
	}
	return e.Error()
}
