// Package script writes a bulletin as it is read aloud, for the people who
// record it as a podcast episode: an opening, the scripture with its
// reference spoken as people say it, each region's points in order with
// their events in words, and the site's closing text.
//
// No address is read out: a link keeps its words, a bare URL is left out,
// and every address is listed at the end, under a heading that says it is
// not to be read. The Markdown version keeps the ID of every point and
// event in an HTML comment, so that a correction to a recording can be
// matched to what it corrects.
package script

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// LinksHeading heads the list of addresses that ends every English
// script; a script in another language heads it in that language's words.
const LinksHeading = "Links (not read aloud)"

// A Script is a bulletin in the words of its reading, before it is laid
// out as text or Markdown.
type Script struct {
	lang       *language
	bulletinID string
	title      string   // the bulletin's title
	date       string   // "Friday the 20th of November 2026", "Viernes 20 de noviembre de 2026"
	opening    string   // "This is … for Friday the 20th of November 2026."
	reading    string   // "Our scripture is from Jeremiah, chapter 20, verse 13, in the NIV."
	scripture  []string // paragraphs
	intro      []string
	sections   []section
	closing    []string
	links      []markdown.Link
}

type section struct {
	name   string
	points []point
}

type point struct {
	id      string
	heading string // "Praise: Police workshop in Gulu, Uganda"
	body    []string
	events  []event
}

type event struct {
	id   string
	text string
}

// Text returns the script of b as plain text, paragraphs separated by a
// blank line. Its Markdown is rendered through c, or a cache of its own
// when c is nil.
func Text(s *bulletin.Site, b *bulletin.Bulletin, c *markdown.Cache) []byte {
	var w bytes.Buffer
	New(s, b, c, nil).WriteText(&w)
	return w.Bytes()
}

// Text returns the script as plain text, paragraphs separated by a blank
// line.
func (sc *Script) WriteText(w *bytes.Buffer) {
	para := func(lines ...string) {
		for _, l := range lines {
			w.WriteString(l)
			w.WriteByte('\n')
		}
		w.WriteByte('\n')
	}
	para(sc.title, sc.date)
	para(sc.opening)
	para(sc.reading)
	for _, p := range sc.scripture {
		para(p)
	}
	for _, p := range sc.intro {
		para(p)
	}
	for _, sec := range sc.sections {
		para(sec.name)
		for _, pt := range sec.points {
			para(sentence(pt.heading))
			for _, p := range pt.body {
				para(p)
			}
			for _, e := range pt.events {
				para(e.text)
			}
		}
	}
	for _, p := range sc.closing {
		para(p)
	}
	w.WriteString("* * *\n\n" + sc.lang.links + "\n\n")
	for _, l := range sc.links {
		if l.Text != "" {
			w.WriteString("- " + l.Text + ": " + l.URL + "\n")
		} else {
			w.WriteString("- " + l.URL + "\n")
		}
	}
}

// Markdown returns the script of b as CommonMark: the same words as Text,
// with headings, and the IDs of the bulletin, its points and their events
// in HTML comments ("<!-- id: latin-america-1 -->"). Its Markdown is
// rendered as Text's is.
func Markdown(s *bulletin.Site, b *bulletin.Bulletin, c *markdown.Cache) []byte {
	var w bytes.Buffer
	New(s, b, c, nil).WriteMarkdown(&w)
	return w.Bytes()
}

// Markdown returns the script as CommonMark, as the function Markdown
// does.
func (sc *Script) WriteMarkdown(w *bytes.Buffer) {
	para := func(text string) {
		w.WriteString(text)
		w.WriteString("\n\n")
	}
	para("<!-- bulletin: " + sc.bulletinID + " -->")
	para("# " + escape(sc.title))
	para("*" + escape(sc.date) + "*")
	para(escape(sc.opening))
	para("## " + escape(sc.lang.scripture))
	para(escape(sc.reading))
	for _, p := range sc.scripture {
		para("> " + escape(p))
	}
	for _, p := range sc.intro {
		para(escape(p))
	}
	for _, sec := range sc.sections {
		para("## " + escape(sec.name))
		for _, pt := range sec.points {
			para("<!-- id: " + pt.id + " -->")
			para("### " + escape(pt.heading))
			for _, p := range pt.body {
				para(escape(p))
			}
			for _, e := range pt.events {
				para("<!-- event: " + e.id + " -->")
				para(escape(e.text))
			}
		}
	}
	if len(sc.closing) > 0 {
		para("## " + escape(sc.lang.closing))
		for _, p := range sc.closing {
			para(escape(p))
		}
	}
	para("---")
	para("## " + escape(sc.lang.links))
	for _, l := range sc.links {
		if l.Text != "" {
			w.WriteString("- " + escape(l.Text) + ": <" + l.URL + ">\n")
		} else {
			w.WriteString("- <" + l.URL + ">\n")
		}
	}
}

// New gathers the words of b's script, its Markdown rendered through c,
// or a cache of its own when c is nil. The script speaks the language of
// b, or of s when b does not say, by its base language: English,
// Spanish, French or Portuguese, and English for any other.
//
// Tracked are the site's events by ID (bulletin.ByID), or nil: an event
// that an earlier bulletin gave another time is read as moved.
func New(s *bulletin.Site, b *bulletin.Bulletin, c *markdown.Cache, tracked map[string]*bulletin.Tracked) *Script {
	if c == nil {
		c = markdown.NewCache(s.BaseURL)
	}
	tag := b.Language
	if tag == "" {
		tag = s.Language
	}
	l := languageFor(tag)
	year := b.Date.Year()
	date := l.day(bulletin.DateOf(b.Date), 0)
	sc := &Script{
		lang:       l,
		bulletinID: b.ID,
		title:      b.Title,
		date:       upperFirst(date),
	}
	opening := l.introduce(s.Title)
	if s.Org.Name != "" && !strings.Contains(s.Title, s.Org.Name) {
		opening += l.de(l.from, s.Org.Name)
	}
	sc.opening = opening + fmt.Sprintf(l.forDate, date)

	var links linkList
	spoken := func(src spool.Text) []string {
		text, ls := c.Spoken(src)
		links.add(ls...)
		return paragraphs(text)
	}

	reading := fmt.Sprintf(l.reading, l.reference(b.Scripture.Reference))
	if v := b.Scripture.Version; v != "" {
		if !strings.HasPrefix(strings.ToLower(v), strings.ToLower(l.versionArticle)) {
			v = l.versionArticle + v
		}
		reading += fmt.Sprintf(l.in, v)
	}
	sc.reading = sentence(reading)
	sc.scripture = spoken(spool.Of(b.Scripture.Text))
	sc.intro = spoken(b.Intro)

	for _, r := range s.Regions {
		sec := section{name: r.Name}
		for _, pt := range b.Points {
			if pt.Region != r.ID {
				continue
			}
			said := point{id: pt.ID, heading: pt.Kind.Label(l.words)}
			if !pt.TitleAuto {
				// A title taken from the body would be read twice.
				said.heading = fmt.Sprintf(l.labelled, said.heading, pt.Title)
			}
			said.body = spoken(pt.Body)
			for _, e := range pt.Events {
				said.events = append(said.events, event{id: e.ID, text: l.eventWords(e, earlier(tracked, e), year)})
				if e.URL != "" {
					links.add(markdown.Link{Text: e.Title, URL: e.URL})
				}
			}
			sec.points = append(sec.points, said)
		}
		if len(sec.points) > 0 {
			sc.sections = append(sc.sections, sec)
		}
	}
	sc.closing = spoken(spool.Of(s.About))
	links.add(markdown.Link{Text: l.thisBulletin, URL: s.URL(bulletin.BulletinPath(b))})
	sc.links = links
	return sc
}

// eventWords says an event in sentences, as it now is: "Court hearing:
// Trafficking trial. Monday the 30th of November at 9 in the morning,
// Dominican Republic time. Palacio de Justicia, Santo Domingo." A title
// that says its kind is not given the label ("Sex trafficking case
// hearing"); a postponed or cancelled event is read as one, with when it
// was to be; and one that an earlier bulletin gave another time, as
// moved. Earlier is that version, or nil.
func (l *language) eventWords(e, earlier *bulletin.Event, year int) string {
	head := e.Title
	if !containsWord(e.Title, l.kindWord[e.Kind]) {
		head = fmt.Sprintf(l.labelled, e.Kind.Label(l.words), e.Title)
	}
	if e.Status == bulletin.Tentative {
		if head == e.Title {
			head += l.tentative
		} else {
			head = fmt.Sprintf(l.labelled, e.Kind.Label(l.words)+l.tentative, e.Title)
		}
	}
	words := []string{sentence(upperFirst(head))}
	now := l.when(e, year)
	switch {
	case e.Status == bulletin.Postponed:
		words = append(words, fmt.Sprintf(l.postponed[e.Kind], l.onDay(now)))
	case e.Status == bulletin.Cancelled:
		words = append(words, fmt.Sprintf(l.cancelled[e.Kind], l.onDay(now)))
	case earlier != nil && !earlier.SameTime(e):
		words = append(words, fmt.Sprintf(l.moved[e.Kind], l.onDay(l.when(earlier, year)), l.onDay(now)))
	default:
		words = append(words, sentence(upperFirst(now)))
	}
	if e.Location != "" {
		words = append(words, sentence(e.Location))
	}
	return strings.Join(words, " ")
}

// containsWord reports whether text has word, in any case, as a word of
// its own.
func containsWord(text, word string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == word {
			return true
		}
	}
	return false
}

// introduce says the site's title as the opening names it: "This is the
// IJM Prayer Bulletin", "This is Prayer Partners UK", "Este es el Boletín
// de Oración de IJM", "Esta es la Carta de Oración", "Voici le Bulletin
// de prière".
func (l *language) introduce(title string) string {
	article, own := "", false
	if f := strings.Fields(strings.ToLower(title)); len(f) > 0 {
		head := f[0]
		if l.headLast {
			head = f[len(f)-1]
		}
		article = l.articles[head]
		for _, d := range l.determiners {
			switch {
			case f[0] == d:
				article, own = d+" ", true
			case strings.ContainsAny(d, "'’") && strings.HasPrefix(f[0], d): // "l’"
				article, own = d, true
			}
		}
	}
	opening, ok := l.opening[article]
	if !ok {
		opening = l.opening[""]
	}
	if own {
		return fmt.Sprintf(opening, title)
	}
	return fmt.Sprintf(opening, article+title)
}

// earlier returns the version of e that the bulletin before e's gave, or
// nil.
func earlier(tracked map[string]*bulletin.Tracked, e *bulletin.Event) *bulletin.Event {
	t := tracked[e.ID]
	if t == nil {
		return nil
	}
	for i, m := range t.Mentions {
		if m.Point.Bulletin.ID == e.Point.Bulletin.ID && i > 0 {
			return t.Mentions[i-1]
		}
	}
	return nil
}

// linkList gathers the links of a script, each address once.
type linkList []markdown.Link

func (l *linkList) add(links ...markdown.Link) {
	for _, link := range links {
		link.Text = strings.TrimRight(link.Text, " .,;:")
		i := -1
		for j, have := range *l {
			if have.URL == link.URL {
				i = j
			}
		}
		switch {
		case i < 0:
			*l = append(*l, link)
		case (*l)[i].Text == "":
			(*l)[i].Text = link.Text
		}
	}
}

// paragraphs splits plain text at its blank lines and joins the lines of
// each paragraph, so that each is one line of the script.
func paragraphs(text string) []string {
	var out []string
	for p := range strings.SplitSeq(text, "\n\n") {
		if p = oneLine(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// oneLine returns s with each run of white space one space, and none at
// either end, as strings.Join(strings.Fields(s), " ") does, copying s
// only when it must: the paragraphs of a script almost never need it. It
// reads bytes, and decodes only what is not ASCII, as it reads every
// paragraph of every script.
func oneLine(s string) string {
	space := true // the last character was a space, or none came yet
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf {
			space = false
			continue
		}
		switch {
		case c == ' ' && !space:
			space = true
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += size - 1
			space = false
		default: // a second space, another white space or a control
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return strings.Join(strings.Fields(s), " ")
			}
			space = false
		}
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// sentence ends s with a full stop unless it ends a sentence already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	trimmed := strings.TrimRight(s, `"'”’)»`)
	if trimmed == "" || strings.ContainsRune(".!?…", []rune(trimmed)[len([]rune(trimmed))-1]) {
		return s
	}
	return s + "."
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

var (
	// mdSpecial are the characters that would make plain text Markdown:
	// emphasis, code, links, HTML and escapes.
	mdSpecial = regexp.MustCompile("[\\\\`*_\\[\\]<>]|&(#?[0-9A-Za-z]+;)")
	// mdLineStart are the starts of a line that would make it a heading,
	// a quote, a list item or a rule.
	mdLineStart = regexp.MustCompile(`^(#|>|[-+=]|\d+[.)])`)
)

// escape makes one line of plain text read as itself in CommonMark.
func escape(s string) string {
	if strings.ContainsAny(s, "\\`*_[]<>&") { // rare in plain text: the regexp only then
		s = mdSpecial.ReplaceAllStringFunc(s, func(m string) string { return `\` + m })
	}
	if loc := mdLineStart.FindStringIndex(s); loc != nil {
		end := loc[1] - 1
		s = s[:end] + `\` + s[end:]
	}
	return s
}
