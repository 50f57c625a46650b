package load

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"go.yaml.in/yaml/v3"
)

// An Insertion is a key and value to add to a mapping of a source file:
// At is where the mapping's first key stands, as the loader records it
// (bulletin.Point.Pos, bulletin.Site.Pos, ...).
type Insertion struct {
	At    bulletin.Pos
	Key   string
	Value string
}

// Insert returns data, the text of one YAML file, with each insertion
// written as the first key of its mapping, on a line of its own at the
// mapping's indentation: every other byte stays as it was, comments and
// layout with it. A list item's dash moves to the new first line:
//
//	points:                   →    points:
//	  - region: africa                 - id: africa-1
//	    kind: praise                     region: africa
//	                                     kind: praise
//
// It refuses a mapping written on one line, in braces.
func Insert(data []byte, ins []Insertion) ([]byte, error) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	// Last line first, so that the earlier lines stay where they were.
	ins = slices.Clone(ins)
	slices.SortStableFunc(ins, func(a, b Insertion) int { return b.At.Line - a.At.Line })
	for _, in := range ins {
		if in.At.Line < 1 || in.At.Line > len(lines) {
			return nil, fmt.Errorf("%s: no line %d", in.At.File, in.At.Line)
		}
		line := lines[in.At.Line-1]
		col := in.At.Col - 1
		if col < 0 || col >= len(line) || strings.TrimLeft(string(line[:col]), " -") != "" {
			return nil, fmt.Errorf("%s: no mapping at column %d", in.At, in.At.Col)
		}
		if line[col] == '{' {
			return nil, fmt.Errorf("%s: the mapping is written on one line, in braces: add %s: %s to it by hand", in.At, in.Key, in.Value)
		}
		added := string(line[:col]) + in.Key + ": " + quote(in.Value) + eol + strings.Repeat(" ", col) + string(line[col:])
		lines[in.At.Line-1] = []byte(added)
	}
	return bytes.Join(lines, nil), nil
}

// quote returns s as a YAML scalar, quoted only when YAML needs it.
func quote(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		// Marshalling a string fails only on invalid UTF-8, which the
		// loader never lets through.
		panic(err)
	}
	return string(bytes.TrimSuffix(out, []byte("\n")))
}
