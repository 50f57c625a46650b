package feed

import "github.com/prayerfeed/prayerfeed/internal/bulletin"

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

// xmlText returns s as XML 1.0 can carry it (§2.2): valid UTF-8 without
// the characters no text of a site may hold (bulletin.Clean), among them
// every one that XML forbids.
func xmlText(s string) string { return bulletin.Clean(s) }
