package markdown

import (
	"net/url"
	"sync"

	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// A Cache renders each text once in every form (HTML, Text and Spoken)
// for the several outputs that show it: a point is on its bulletin's page,
// in two feeds and in two scripts. A Cache is safe for concurrent use.
//
// It holds what it renders for as long as it lives, so a build keeps one
// for a part of the site (a year of bulletins) and drops it after. A text
// in a spool is read from it once, when first rendered.
type Cache struct {
	base *url.URL
	mu   sync.Mutex
	m    map[spool.Text]*forms
}

// forms are one text's renderings.
type forms struct {
	once   sync.Once
	html   string
	text   string
	spoken string
	links  []Link
}

// NewCache returns an empty cache whose HTML and Spoken resolve links
// against base, which may be nil.
func NewCache(base *url.URL) *Cache {
	return &Cache{base: base, m: map[spool.Text]*forms{}}
}

// HTML returns HTML(src, base) for the cache's base.
func (c *Cache) HTML(src spool.Text) string {
	return c.get(src).html
}

// Text returns Text(src).
func (c *Cache) Text(src spool.Text) string {
	return c.get(src).text
}

// Spoken returns Spoken(src, base) for the cache's base. The links are
// shared: the caller must not change them.
func (c *Cache) Spoken(src spool.Text) (string, []Link) {
	f := c.get(src)
	return f.spoken, f.links
}

func (c *Cache) get(src spool.Text) *forms {
	c.mu.Lock()
	f, ok := c.m[src]
	if !ok {
		f = new(forms)
		c.m[src] = f
	}
	c.mu.Unlock()
	f.once.Do(func() {
		// One parse for every form: the plain walks leave the tree as
		// it is, so they go before the HTML renderer, which changes it.
		source := []byte(src.String())
		doc := parse(source)
		var w plainWalk
		f.text, _ = walkPlain(doc, source, nil, false, &w)
		if w.linked {
			f.spoken, f.links = walkPlain(doc, source, c.base, true, nil)
		} else {
			f.spoken = spokenParagraphs(w.paras) // the same words, without a second walk
		}
		f.html = renderHTML(doc, source, c.base)
	})
	return f
}
