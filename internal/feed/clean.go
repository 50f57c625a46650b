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
		ce := *e
		for _, p := range []*string{&ce.ID, &ce.Title, &ce.URL, &ce.Content, &ce.Summary} {
			*p = xmlText(*p)
		}
		ce.Author = ce.Author.clean()
		ce.Categories = make([]Category, len(e.Categories))
		for j, cat := range e.Categories {
			ce.Categories[j] = Category{Term: xmlText(cat.Term), Label: xmlText(cat.Label)}
		}
		c.Entries[i] = &ce
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
	if utf8.ValidString(s) && strings.IndexFunc(s, notXMLChar) < 0 {
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
