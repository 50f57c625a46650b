package bulletin

import (
	"strings"
	"unicode/utf8"
)

// Refused reports whether the character r may appear in no text of a
// site: the loader refuses a file that holds one, and every output drops
// any that reach it by another way. They are the control characters but
// tab, newline and carriage return (C0, DEL and C1), which XML 1.0 and
// iCalendar cannot carry or which mean nothing in a text; the
// non-characters U+FFFE and U+FFFF; and U+FFFD, which marks a character
// lost when the text was converted, and so a text to save again.
func Refused(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	}
	return r == 0xfffd || r == 0xfffe || r == 0xffff
}

// IndexRefused returns the index in s, which must be valid UTF-8, of the
// first character Refused refuses, or -1. It reads bytes rather than
// runes, eight at a time, as it reads every byte of every input and
// output: a refused character is an ASCII control, a C1 control (0xC2
// then 0x80 to 0x9F) or U+FFFD to U+FFFF (0xEF 0xBF then 0xBD to 0xBF).
func IndexRefused[T string | []byte](s T) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // one bounds check for the eight bytes
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// A byte below 0x20, or equal to 0x7f, 0xc2 or 0xef: a word of
		// none, as most are, is passed over whole; one whose only such
		// bytes are tabs and line ends, as a tenth are, nearly so.
		below := (x - 0x20*ones) &^ x & highs
		if below|zeroByte(x^0x7f*ones)|zeroByte(x^0xc2*ones)|zeroByte(x^0xef*ones) == 0 {
			continue
		}
		below = ^((x&lows + 0x60*ones) | x) & highs
		below &^= byteIs(x, '\t') | byteIs(x, '\n') | byteIs(x, '\r')
		if below|byteIs(x, 0x7f)|byteIs(x, 0xc2)|byteIs(x, 0xef) == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if refusedAt(s, j) {
				return j
			}
		}
	}
	for ; i < len(s); i++ {
		if refusedAt(s, i) {
			return i
		}
	}
	return -1
}

// Words of eight bytes, each byte 0x01, 0x80 or 0x7f.
const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f

// zeroByte has the high bit of each byte of x that is zero set, and
// perhaps others': a word with none is free of them.
func zeroByte(x uint64) uint64 {
	return (x - ones) &^ x & highs
}

// byteIs has the high bit of each byte of x that is c set, and no other
// bit: no carry crosses from one byte to the next.
func byteIs(x uint64, c byte) uint64 {
	y := x ^ ones*uint64(c)
	return ^((y&lows + lows) | y) & highs
}

// refusedAt reports whether a refused character starts at s[i].
func refusedAt[T string | []byte](s T, i int) bool {
	switch c := s[i]; {
	case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
		return true
	case c == 0xc2:
		return i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f
	case c == 0xef:
		return i+2 < len(s) && s[i+1] == 0xbf && s[i+2] >= 0xbd
	}
	return false
}

// Clean returns s as valid UTF-8 without the characters Refused refuses:
// the last line of defence of every output, which the loader's checks
// should leave with nothing to do.
func Clean[T string | []byte](s T) T {
	if valid(s) && IndexRefused(s) < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune([]byte(s[i:min(i+utf8.UTFMax, len(s))]))
		if !(r == utf8.RuneError && size <= 1) && !Refused(r) {
			for j := range size {
				out = append(out, s[i+j])
			}
		}
		i += size
	}
	return T(out)
}

func valid[T string | []byte](s T) bool {
	switch s := any(s).(type) {
	case string:
		return utf8.ValidString(s)
	case []byte:
		return utf8.Valid(s)
	}
	return false
}

// UnclosedBidi returns the first character of s that starts a run of
// text in another direction (an embedding, override or isolate, such as
// U+202E RIGHT-TO-LEFT OVERRIDE) and is not closed within s, or 0. Such a
// character is invisible, and it turns backwards the text outputs put
// after the value: the date after a bulletin's title, say.
func UnclosedBidi(s string) rune {
	if !hasOpener(s) {
		return 0
	}
	var open []rune // the openers not yet closed, innermost last
	for _, r := range s {
		switch r {
		case '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068':
			open = append(open, r)
		case '\u202c': // POP DIRECTIONAL FORMATTING closes an embedding or override
			if n := len(open); n > 0 && open[n-1] < '\u2066' {
				open = open[:n-1]
			}
		case '\u2069': // POP DIRECTIONAL ISOLATE closes the innermost isolate and all within it
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] >= '\u2066' {
					open = open[:i]
					break
				}
			}
		}
	}
	if len(open) == 0 {
		return 0
	}
	return open[0]
}

// hasOpener reports whether s holds a character that opens a run of text
// in another direction, as strings.ContainsAny would, but finding each
// candidate by its first byte, as it reads every text a site holds: the
// openers are U+202A, U+202B, U+202D, U+202E (0xE2 0x80 0xAA to 0xAE but
// 0xAC) and U+2066 to U+2068 (0xE2 0x81 0xA6 to 0xA8).
func hasOpener(s string) bool {
	for i := strings.IndexByte(s, 0xe2); i >= 0 && i+2 < len(s); {
		switch b1, b2 := s[i+1], s[i+2]; {
		case b1 == 0x80 && 0xaa <= b2 && b2 <= 0xae && b2 != 0xac, b1 == 0x81 && 0xa6 <= b2 && b2 <= 0xa8:
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xe2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
