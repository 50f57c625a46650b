package script

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Scripture references as they are read aloud: "Jeremiah 20:13" is
// "Jeremiah, chapter 20, verse 13"; "1 John 3:16" is "First John, chapter
// 3, verse 16"; "Psalm 23" stays "Psalm 23". In Spanish "1 Juan 3:16" is
// "Primera de Juan, capítulo 3, versículo 16", in French "Jean 3.16" is
// "Jean, chapitre 3, verset 16". A reference that is not understood is
// read as it is written.

var (
	// bookRE splits a reference into the number of a numbered book
	// (1, 1st, 1er, 1ª, I, First …), the book's name and the chapters
	// and verses. Roman numerals and words need a space after them, so
	// that "Isaiah" keeps its I.
	bookRE = regexp.MustCompile(`(?i)^(?:(iii|ii|i|first|second|third|[1-3](?:st|nd|rd|ère|er|re|e|ª|º))\s+|([1-3])\s*)?(\pL[\pL.'’ ]*?\pL\.?)\s*(\d.*)$`)
	// itemRE is one item of a list of chapters and verses: "20", "20:13",
	// "10:29-31", "3:16-4:2", "58-59"; French writes "20.13". A verse may
	// carry a letter (13a).
	itemRE = regexp.MustCompile(`^(\d+)(?:[:.](\d+[a-z]?))?(?:\s*[-–—]\s*(?:(\d+)[:.])?(\d+[a-z]?))?$`)
)

// bookNumber returns the number of a numbered book as bookRE finds it
// written, "2", "2nd", "II" or "second", or 0 for none.
func bookNumber(written string) int {
	if written == "" {
		return 0
	}
	if c := written[0]; c >= '1' && c <= '3' {
		return int(c - '0')
	}
	return map[string]int{"i": 1, "first": 1, "ii": 2, "second": 2, "iii": 3, "third": 3}[strings.ToLower(written)]
}

// singleChapter lists the books of one chapter, whose references name
// verses only: "Jude 3" is verse 3. A numbered book is listed with its
// number in digits ("2 john"), and in the words of a language that
// bookRE does not read ("segunda de juan").
var singleChapter = map[string]bool{
	"obadiah": true, "philemon": true, "jude": true, "2 john": true, "3 john": true,
	"abdías": true, "abdias": true, "filemón": true, "filemon": true, "judas": true,
	"2 juan": true, "3 juan": true, "segunda de juan": true, "tercera de juan": true,
	"philémon": true, "2 jean": true, "3 jean": true, "deuxième jean": true, "troisième jean": true,
	"obadias": true, "filemom": true, "2 joão": true, "3 joão": true, "2 joao": true, "3 joao": true,
	"segunda joão": true, "terceira joão": true,
}

// psalms are the ways of writing the book of Psalms, whose chapters are
// each called a psalm.
var psalms = map[string]bool{
	"psalm": true, "psalms": true, "ps": true, "ps.": true, "psa": true, "psa.": true, "pss": true, "pss.": true,
	"salmo": true, "salmos": true, "sal": true, "sal.": true, "sl": true, "sl.": true,
	"psaume": true, "psaumes": true,
}

// reference says a scripture reference aloud. References are separated by
// semicolons, and a later one may leave out its book: "Matthew 5:3-12; 6:9"
// is "Matthew, chapter 5, verses 3 to 12, and chapter 6, verse 9".
func (l *language) reference(ref string) string {
	var said []string
	book, key := "", "" // the book as said, and as the lists above know it
	for i, part := range strings.Split(ref, ";") {
		part = strings.TrimSpace(part)
		sameBook := i > 0 && part != "" && part[0] >= '0' && part[0] <= '9'
		rest := part
		if !sameBook {
			m := bookRE.FindStringSubmatch(part)
			if m == nil {
				return ref
			}
			book = strings.TrimSpace(m[3])
			key = strings.ToLower(book)
			if n := bookNumber(m[1] + m[2]); n > 0 {
				numbers := l.numbers
				if histories[key] {
					numbers = l.bookNumbers
				}
				book = fmt.Sprintf(l.numbered, numbers[n-1], book)
				key = strconv.Itoa(n) + " " + key
			}
			rest = m[4]
		}
		groups, ok := l.passage(psalms[key], singleChapter[key], rest)
		if !ok {
			return ref
		}
		switch {
		case psalms[key] || sameBook:
			said = append(said, l.commaAnd(groups))
		default:
			said = append(said, book+", "+l.commaAnd(groups))
		}
	}
	return l.commaAnd(said)
}

// A span is one item of a list of chapters and verses, each number as
// written; a verse of "" means a whole chapter.
type span struct{ chapter, verse, toChapter, toVerse string }

// passage says the chapters and verses of one book, rest being a list such
// as "20:13", "10:29-31", "8:28, 31" or "58-59", in groups by chapter:
// "chapter 8, verses 28 and 31". The groups of the Psalms (psalm) name
// their psalm: "Psalm 23, verse 1"; those of a book of one chapter
// (single) name verses only.
func (l *language) passage(psalm, single bool, rest string) ([]string, bool) {
	var spans []span
	chapter := "" // the chapter of the verses before, for "8:28, 31"
	for _, s := range strings.Split(rest, ",") {
		m := itemRE.FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			return nil, false
		}
		sp := span{chapter: m[1], verse: m[2], toChapter: m[3], toVerse: m[4]}
		switch {
		case sp.verse != "":
		case single:
			sp = span{chapter: "1", verse: sp.chapter, toVerse: sp.toVerse} // "Jude 3-5"
		case chapter != "":
			sp = span{chapter: chapter, verse: sp.chapter, toVerse: sp.toVerse} // the 31 of "8:28, 31"
		case sp.toVerse != "":
			sp = span{chapter: sp.chapter, toChapter: sp.toVerse} // "58-59"
		}
		if sp.verse != "" && sp.toChapter == "" {
			chapter = sp.chapter
		} else {
			chapter = ""
		}
		spans = append(spans, sp)
	}

	chapterWords := func(c string) string {
		if psalm {
			return l.psalm + " " + c
		}
		return l.chapter + " " + c
	}
	var groups []string
	for i := 0; i < len(spans); {
		sp := spans[i]
		switch {
		case sp.verse == "" && sp.toChapter == "":
			// A run of whole chapters: "chapters 58 and 61", "Psalms 23 and 24".
			var cs []string
			for ; i < len(spans) && spans[i].verse == "" && spans[i].toChapter == ""; i++ {
				cs = append(cs, spans[i].chapter)
			}
			word := map[bool]map[bool]string{false: {false: l.chapter, true: l.chapters}, true: {false: l.psalm, true: l.psalms}}[psalm][len(cs) > 1]
			groups = append(groups, word+" "+l.list(cs))
		case sp.verse == "":
			// A range of chapters: "chapters 58 to 59", "Psalms 120 to 134".
			word := l.chapters
			if psalm {
				word = l.psalms
			}
			groups = append(groups, word+" "+fmt.Sprintf(l.span, sp.chapter, sp.toChapter))
			i++
		case sp.toChapter != "":
			// Across chapters: "chapter 3, verse 16, to chapter 4, verse 2".
			groups = append(groups, fmt.Sprintf(l.across, chapterWords(sp.chapter)+", "+l.verse+" "+sp.verse+",", chapterWords(sp.toChapter)+", "+l.verse+" "+sp.toVerse))
			i++
		default:
			// Verses of one chapter: "chapter 10, verses 29 to 31".
			var vs []string
			for ; i < len(spans) && spans[i].verse != "" && spans[i].toChapter == "" && spans[i].chapter == sp.chapter; i++ {
				v := spans[i].verse
				if spans[i].toVerse != "" {
					v = fmt.Sprintf(l.span, v, spans[i].toVerse)
				}
				vs = append(vs, v)
			}
			words := l.verse + " " + vs[0]
			if len(vs) > 1 || sp.toVerse != "" { // sp is the first of them
				words = l.verses + " " + l.list(vs)
			}
			if !single {
				words = chapterWords(sp.chapter) + ", " + words
			}
			groups = append(groups, words)
		}
	}
	return groups, true
}

// commaAnd joins clauses that hold commas of their own: "a", "a, and b",
// "a, b, and c".
func (l *language) commaAnd(clauses []string) string {
	if len(clauses) <= 1 {
		return strings.Join(clauses, "")
	}
	return fmt.Sprintf(l.clauses, strings.Join(clauses[:len(clauses)-1], ", "), clauses[len(clauses)-1])
}
