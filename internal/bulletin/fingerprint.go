package bulletin

import (
	"encoding/base64"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// A Sketch of a point's text tells whether two versions of it are
// recognisably the same request, whatever the edits between them: the
// manifest keeps one of every published point, so that an ID is never
// given to another request without the writer hearing of it.
//
// It is a b-bit MinHash (Li and König, 2010) of the set of the text's
// words of more than three letters: for each of 64 hash functions, the
// low byte of the least hash of a word. Two texts' sketches agree in a
// share of bytes that estimates the share of words they have in common
// (their Jaccard similarity). Edits that leave a request recognisable
// (a word in four changed, a sentence added or dropped, the paragraphs
// reordered) keep over 0.6 of its words; the points of the sample, all
// different requests, share under 0.25.
type Sketch [64]byte

// SketchOf returns the sketch of a text. It reads every point of every
// build, so it reads bytes rather than runes where it can, and takes the
// words four at a time. (A word said twice is taken twice, which leaves
// the least hashes as they are, and costs less than finding it.)
func SketchOf(text string) Sketch {
	var sk sketcher
	for i := range sk.mins {
		sk.mins[i] = ^uint64(0)
	}
	// The words, lower-cased, each hashed (FNV-1a) as it is read.
	const offset, prime = 14695981039346656037, 1099511628211
	x, n := uint64(offset), 0
	var enc [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if w := wordByte[c]; w != 0 {
				x, n = (x^uint64(w))*prime, n+1
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				for _, c := range enc[:utf8.EncodeRune(enc[:], unicode.ToLower(r))] {
					x, n = (x^uint64(c))*prime, n+1
				}
				continue
			}
		}
		sk.word(x, n)
		x, n = offset, 0
	}
	sk.word(x, n)
	leastHashes(&sk.mins, sk.words[:sk.n])
	var s Sketch
	for i, m := range sk.mins {
		s[i] = byte(m)
	}
	return s
}

// A sketcher holds the least hashes of the words read so far, and up to
// three words more whose hashes it has yet to take.
type sketcher struct {
	mins  [len(Sketch{})]uint64
	words [4]uint64
	n     int
}

// word takes the word whose hash is x, of n bytes: words of three bytes or
// fewer (the, and, for) are shared by every request, and left out.
func (sk *sketcher) word(x uint64, n int) {
	if n <= 3 {
		return
	}
	sk.words[sk.n] = x
	if sk.n++; sk.n == len(sk.words) {
		leastHashes(&sk.mins, sk.words[:])
		sk.n = 0
	}
}

// leastHashes lowers each of mins to the least of the 64 hashes of the
// words, four words at a time: each of mins is then read and written once
// for the four.
func leastHashes(mins *[len(Sketch{})]uint64, words []uint64) {
	// The 64 hash functions of a word are h1 + i·h2, of two independent
	// hashes (Kirsch and Mitzenmacher, 2006): an add each rather than a
	// hash each.
	hashes := func(x uint64) (h1, h2 uint64) { return mix(x), mix(x^0x9e3779b97f4a7c15) | 1 }
	if len(words) == 4 {
		a, da := hashes(words[0])
		b, db := hashes(words[1])
		c, dc := hashes(words[2])
		d, dd := hashes(words[3])
		for i := range mins {
			mins[i] = min(mins[i], a, b, c, d)
			a, b, c, d = a+da, b+db, c+dc, d+dd
		}
		return
	}
	for _, x := range words {
		v, dv := hashes(x)
		for i := range mins {
			mins[i] = min(mins[i], v)
			v += dv
		}
	}
}

// wordByte is what a byte below 0x80 is in a word: a letter, in lower
// case, or a digit, or 0 for a byte that ends a word.
var wordByte = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

// mix is SplitMix64's finalizer: a different hash of x for every i added.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Similarity estimates the share of words the texts of two sketches have
// in common, from 0 to 1.
func (s Sketch) Similarity(t Sketch) float64 {
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	// Two bytes agree by chance once in 256.
	e := float64(same) / float64(len(s))
	return max(0, (e-1.0/256)/(1-1.0/256))
}

// sameText is the least similarity of two versions of one request's text.
const sameText = 0.45

// Same reports whether two sketches are of recognisably the same text.
func (s Sketch) Same(t Sketch) bool { return s.Similarity(t) >= sameText }

// String returns the sketch in 86 characters of unpadded base64url.
func (s Sketch) String() string { return base64.RawURLEncoding.EncodeToString(s[:]) }

// ParseSketch reads a sketch as String writes it.
func ParseSketch(str string) (Sketch, error) {
	var s Sketch
	data, err := base64.RawURLEncoding.DecodeString(str)
	if err != nil || len(data) != len(s) {
		return Sketch{}, fmt.Errorf("sketch %q is not %d bytes of base64url", str, len(s))
	}
	copy(s[:], data)
	return s, nil
}
