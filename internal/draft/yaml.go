package draft

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// width is the column where writeBlock wraps a paragraph.
const width = 76

// writeText writes key: text, plain when YAML reads it back as it is,
// and otherwise as a block: never in quotes, which an apostrophe or a
// quotation mark typed over the text would break.
func writeText(b *bytes.Buffer, indent, key, text string) {
	if plain(text) {
		b.WriteString(indent + key + ": " + text + "\n")
		return
	}
	writeBlock(b, indent, key, text, false)
}

// plain reports whether text can be written as a plain YAML scalar.
func plain(text string) bool {
	out, err := yaml.Marshal(text)
	return err == nil && string(out) == text+"\n" && !strings.Contains(text, "\n")
}

// writeBlock writes key: and text as a block scalar under it: folded and
// wrapped when text is one line (a paragraph), literal when its line
// breaks count.
func writeBlock(b *bytes.Buffer, indent, key, text string, lines bool) {
	inner := indent + "  "
	if lines || strings.Contains(text, "\n") {
		b.WriteString(indent + key + ": |-\n")
		for _, line := range strings.Split(text, "\n") {
			if line != "" {
				b.WriteString(inner + line)
			}
			b.WriteString("\n")
		}
		return
	}
	b.WriteString(indent + key + ": >-\n")
	col := 0
	for i, w := range strings.Fields(text) {
		switch {
		case i == 0:
			b.WriteString(inner)
			col = len(inner)
		case col+1+utf8.RuneCountInString(w) > width:
			b.WriteString("\n" + inner)
			col = len(inner)
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += utf8.RuneCountInString(w)
	}
	b.WriteString("\n")
}

// oneLine returns s on one line, for a comment.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
