package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// The mistakes that text pasted from Word, e-mail or a web page brings,
// which YAML reports far from where they are or in words that say
// nothing of them: characters that look like a space or a hyphen and are
// not. checkPasted finds them before the YAML parser does.

// utf16 reports whether data looks like UTF-16 without a byte-order
// mark: a zero byte beside every character of ASCII text.
func utf16(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	n := min(len(data), 400)
	zeros := bytes.Count(data[:n], []byte{0})
	return zeros*3 > n && (data[0] == 0) != (data[1] == 0)
}

// spaceNames name the characters that look like a space and are not one.
var spaceNames = map[rune]string{
	'\u00a0': "no-break space", '\u2002': "en space", '\u2003': "em space", '\u2007': "figure space",
	'\u2009': "thin space", '\u200a': "hair space", '\u200b': "zero-width space", '\u202f': "narrow no-break space",
	'\u3000': "ideographic space", '\ufeff': "zero-width no-break space",
}

// dashNames name the characters that look like a list's hyphen and are not.
var dashNames = map[rune]string{
	'\u2013': "an en dash (–)", '\u2014': "an em dash (—)", '\u2212': "a minus sign (−)", '\u2022': "a bullet (•)", '\u2010': "a Unicode hyphen (‐)",
}

// keyThen matches the start of a line "key:" or "- key:" and the character
// after the colon.
var keyThen = regexp.MustCompile(`^[ ]*(?:- +)?[A-Za-z_]+:(.)`)

// checkPasted reports, at its line and column, indentation made of
// characters that look like spaces, a list item that begins with a dash
// other than a hyphen, and such a space after a key's colon. It reports
// whether the lines near the line near (1-based), where YAML stopped,
// are free of them. It is asked when YAML cannot read a file, whose
// message would not name them; in a text, where YAML reads them well,
// they may be meant (a Japanese paragraph indented with an ideographic
// space), so only a line that holds YAML's own structure counts.
func (d *decoder) checkPasted(lines [][]byte, near int) bool {
	ok := true
	for i := max(0, near-3); i < min(len(lines), near+1); i++ {
		line := lines[i]
		pos := func(col int) bulletin.Pos { return bulletin.Pos{File: d.file, Line: i + 1, Col: col} }
		s := string(line)
		// The indentation: spaces, and whatever looks like them.
		col, rest := 1, s
		var odd []string
		oddCol := 0
		for rest != "" {
			r, size := utf8.DecodeRuneInString(rest)
			if name, bad := spaceNames[r]; bad {
				if oddCol == 0 {
					oddCol = col
				}
				odd = append(odd, name)
			} else if r != ' ' {
				break
			}
			rest, col = rest[size:], col+1
		}
		if oddCol > 0 && (strings.HasPrefix(rest, "- ") || keyThen.MatchString(rest)) {
			d.errs.Add(pos(oddCol), "the indentation holds %s, invisible characters that look like spaces (pasted from Word or a web page); YAML indents with ordinary spaces only: delete the indentation of this line and type it again with the space bar",
				countNames(odd))
			ok = false
			continue
		}
		if r, size := utf8.DecodeRuneInString(rest); dashNames[r] != "" && strings.HasPrefix(rest[size:], " ") && keyThen.MatchString("- "+rest[size:]) {
			d.errs.Add(pos(col), "this list item begins with %s where YAML needs a hyphen (-): type a hyphen in its place", dashNames[r])
			ok = false
			continue
		}
		if m := keyThen.FindStringSubmatchIndex(s); m != nil {
			r, _ := utf8.DecodeRuneInString(s[m[2]:])
			if name, bad := spaceNames[r]; bad {
				d.errs.Add(pos(utf8.RuneCountInString(s[:m[2]])+1), "%s %s follows the colon, an invisible character that looks like a space (pasted from Word or a web page); YAML needs an ordinary space after \"%s\": delete it and type a space",
					article(name), name, strings.TrimLeft(s[:m[2]], " -"))
				ok = false
			}
		}
	}
	return ok
}

// countNames says how many of each name there are: "2 no-break spaces".
func countNames(names []string) string {
	var parts []string
	seen := map[string]int{}
	for _, n := range names {
		if seen[n] == 0 {
			parts = append(parts, n)
		}
		seen[n]++
	}
	for i, n := range parts {
		if c := seen[n]; c > 1 {
			parts[i] = fmt.Sprintf("%d %ss", c, n)
		} else {
			parts[i] = article(n) + " " + n
		}
	}
	return strings.Join(parts, " and ")
}

// article returns "an" before a name that begins with a vowel, else "a".
func article(name string) string {
	if strings.ContainsRune("aeiou", rune(name[0])) {
		return "an"
	}
	return "a"
}
