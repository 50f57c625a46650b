package bulletin

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Pos is a place in a source file: the file's path as the user named it
// and a 1-based line and column.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns the position as "file:line:col", or "file" when it has
// no line.
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// compare orders positions by file, line and column.
func (p Pos) compare(q Pos) int {
	return cmp.Or(
		strings.Compare(p.File, q.File),
		cmp.Compare(p.Line, q.Line),
		cmp.Compare(p.Col, q.Col),
	)
}

// An Error is one problem found in the input, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Error returns the message in the form "file:line:col: message", or the
// message alone when it has no position.
func (e *Error) Error() string {
	if e.Pos == (Pos{}) {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// An ErrorList is a list of problems. The zero value is an empty list ready
// to use. Load and validation collect every problem they find in one list
// rather than stopping at the first.
type ErrorList []*Error

// Add appends a problem at pos, its message formatted as by fmt.Sprintf.
func (l *ErrorList) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Append appends every problem of m.
func (l *ErrorList) Append(m ErrorList) {
	*l = append(*l, m...)
}

// Sort sorts the list by position, then message, and drops exact repeats.
func (l *ErrorList) Sort() {
	slices.SortStableFunc(*l, func(a, b *Error) int {
		return cmp.Or(a.Pos.compare(b.Pos), strings.Compare(a.Msg, b.Msg))
	})
	*l = slices.CompactFunc(*l, func(a, b *Error) bool {
		return a.Pos == b.Pos && a.Msg == b.Msg
	})
}

// Error returns the problems one to a line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Files returns how many files the problems are in.
func (l ErrorList) Files() int {
	files := map[string]bool{}
	for _, e := range l {
		files[e.Pos.File] = true
	}
	return len(files)
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
