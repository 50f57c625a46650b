package feed

import (
	"strings"
	"unicode/utf8"
)

// clean returns a copy of f whose every string is text XML 1.0 can carry:
// valid UTF-8 without the control characters and non-characters XML
// forbids. The loader already refuses those; this is the last line, since
// gorilla/feeds writes CDATA without looking, and one stray byte would
// make a feed unreadable for every subscriber.
func (f *Feed) clean() *Feed {
	c := *f
	for _, p := range []*string{&c.ID, &c.Title, &c.Description, &c.Language, &c.HomeURL, &c.BaseURL, &c.Icon, &c.Logo, &c.Hub} {
		*p = xmlText(*p)
	}
	c.Author = c.Author.clean()
	c.Entries = make([]*Entry, len(f.Entries))
	for i, e := range f.Entries {
		c.Entries[i] = e.clean()
	}
	return &c
}

func (e *Entry) clean() *Entry {
	c := *e
	for _, p := range []*string{&c.ID, &c.Title, &c.URL, &c.Content, &c.Summary} {
		*p = xmlText(*p)
	}
	c.Author = c.Author.clean()
	c.Categories = make([]Category, len(e.Categories))
	for j, cat := range e.Categories {
		c.Categories[j] = Category{Term: xmlText(cat.Term), Label: xmlText(cat.Label)}
	}
	return &c
}

// clean returns a copy of p whose every string XML 1.0 can carry, as
// (*Feed).clean does.
func (p *Podcast) clean() *Podcast {
	c := *p
	for _, s := range []*string{&c.Title, &c.Description, &c.Language, &c.HomeURL, &c.SelfURL, &c.Hub,
		&c.Author, &c.Image, &c.Category, &c.Subcategory, &c.GUID} {
		*s = xmlText(*s)
	}
	c.Owner = c.Owner.clean()
	c.Episodes = make([]*Episode, len(p.Episodes))
	for i, e := range p.Episodes {
		ce := *e
		ce.Entry = e.Entry.clean()
		ce.Audio.URL, ce.Audio.Type = xmlText(e.Audio.URL), xmlText(e.Audio.Type)
		ce.Transcripts = make([]Transcript, len(e.Transcripts))
		for j, t := range e.Transcripts {
			ce.Transcripts[j] = Transcript{URL: xmlText(t.URL), Type: xmlText(t.Type)}
		}
		c.Episodes[i] = &ce
	}
	return &c
}

func (p Person) clean() Person {
	return Person{Name: xmlText(p.Name), Email: xmlText(p.Email), URI: xmlText(p.URI)}
}

// xmlText returns s as valid UTF-8 without the characters XML 1.0 does not
// allow (§2.2): C0 controls but tab, newline and carriage return, and
// U+FFFE, U+FFFF. Invalid bytes become U+FFFD.
func xmlText(s string) string {
	if utf8.ValidString(s) && !hasNotXMLChar(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if notXMLChar(r) {
			return -1
		}
		return r
	}, s)
}

// hasNotXMLChar reports whether the valid UTF-8 s holds a rune notXMLChar
// refuses. It looks at bytes rather than decoding runes, as it reads every
// byte of every feed: those runes are an ASCII control, a C1 control
// (0xC2 0x80–0x9F) or U+FFFE and U+FFFF (0xEF 0xBF 0xBE–0xBF).
func hasNotXMLChar(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7F:
			return true
		case c == 0xC2 && i+1 < len(s) && s[i+1] <= 0x9F:
			return true
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] >= 0xBE:
			return true
		}
	}
	return false
}

func notXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF:
		return true
	case r >= 0x7F && r <= 0x9F:
		return true // allowed by XML, but "discouraged" (§2.2) and never meant
	}
	return false
}
