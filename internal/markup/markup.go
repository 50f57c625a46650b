// Package markup writes the HTML of what the pages and the feeds both
// show, once for both: a bulletin, its points and their events. Pages and
// feed entries differ only in how they link within the site (see
// Writer.Root).
//
// The HTML is written by hand rather than by html/template, which spends
// about two microseconds on every action, for what is repeated tens of
// thousands of times in a large site; it escapes exactly as html/template
// does, so that the two can be mixed in one page. Text goes through Text,
// an attribute value through Text too, and a URL attribute value through
// URL, which also refuses a scheme that could run code.
package markup

import (
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// A Writer is HTML being written, with what it needs to know of the site
// whose bulletins, points and events it writes.
type Writer struct {
	strings.Builder
	Site *bulletin.Site
	// Tracked are the site's events as they now stand, by ID: a point
	// whose event a later bulletin changed says so.
	Tracked map[string]*bulletin.Tracked
	// Markdown renders the texts of points and bulletins.
	Markdown *markdown.Cache
	// Root begins every link within the site: the path of the base URL
	// on pages, which then work on any host (the preview server's too),
	// and the base URL itself in feeds, whose readers need absolute
	// links.
	Root string
	// Now is the build's clock: an event over by then, or cancelled,
	// gets no links to add it to a calendar.
	Now time.Time
}

// Raw writes s as it is: fixed markup, or HTML that is already safe.
func (w *Writer) Raw(s string) { w.WriteString(s) }

// Text writes s escaped as text or as a quoted attribute value.
func (w *Writer) Text(s string) { escaper.WriteString(&w.Builder, s) }

// URL writes s as the value of a quoted URL attribute (href, src): as
// html/template does, characters that may not appear in a URL are
// percent-encoded and the rest escaped as Text; a URL with a scheme other
// than http, https or mailto becomes "#ZgotmplZ", as there.
func (w *Writer) URL(s string) {
	if !safeScheme(s) {
		w.WriteString("#ZgotmplZ")
		return
	}
	kept := func(i int) bool { // a '%' only when it starts an escape
		c := s[i]
		return keepInURL(c) || c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	i := 0
	for i < len(s) && kept(i) {
		i++
	}
	if i == len(s) { // as nearly every URL is
		w.Text(s)
		return
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if kept(i) {
			b.WriteByte(s[i])
			continue
		}
		percent(&b, s[i])
	}
	w.Text(b.String())
}

// URLPart writes s as a part of a quoted URL attribute after its start,
// such as the fragment in href="#{{.}}": as html/template does, every
// character but the unreserved ones of RFC 3986 is percent-encoded.
func (w *Writer) URLPart(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			w.WriteByte(c)
		default:
			percent(&w.Builder, c)
		}
	}
}

func percent(b *strings.Builder, c byte) {
	const hex = "0123456789abcdef"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}

// Bulletin writes a whole bulletin in reading order: its scripture, its
// intro, and its points region by region, each an article whose id is
// the point's.
func (w *Writer) Bulletin(b *bulletin.Bulletin) {
	intro := w.Markdown.HTML(b.Intro)
	w.Grow(len(b.Scripture.Text) + len(intro) + 1024*len(b.Points))
	w.Scripture(b.Scripture)
	w.Raw(intro)
	for _, r := range w.Site.Regions {
		heading := false
		for _, pt := range b.Points {
			if pt.Region != r.ID {
				continue
			}
			if !heading {
				// The page's own ids begin with "_", which no point's
				// id can: the point anchors stay unique.
				w.Raw("\n<section class=\"region\" id=\"_region-")
				w.Text(r.ID)
				w.Raw(`" aria-labelledby="_region-`)
				w.Text(r.ID)
				w.Raw("-title\">\n<h2 id=\"_region-")
				w.Text(r.ID)
				w.Raw(`-title">`)
				w.Text(r.Name)
				w.Raw("</h2>")
				heading = true
			}
			w.Raw("\n")
			w.Point(pt, pt.ID)
		}
		if heading {
			w.Raw("\n</section>")
		}
	}
}

// Scripture writes a bulletin's scripture as a quotation: the text, then
// "—", the reference and the version in brackets.
func (w *Writer) Scripture(sc bulletin.Scripture) {
	w.Raw(`<blockquote class="scripture"><p>`)
	w.Text(sc.Text)
	w.Raw("</p><footer>— ")
	w.Text(sc.Reference)
	if sc.Version != "" {
		w.Raw(" (")
		w.Text(sc.Version)
		w.Raw(")")
	}
	w.Raw("</footer></blockquote>\n")
}

// Point writes a point as an article whose id is anchor: its title, with
// a link to the point, its kind, its text and its events.
func (w *Writer) Point(pt *bulletin.Point, anchor string) {
	body := w.Markdown.HTML(pt.Body)
	w.Grow(len(body) + 256 + 1024*len(pt.Events))
	w.Raw(`<article class="point" id="`)
	w.Text(anchor)
	w.Raw("\">\n<h3>")
	w.Text(pt.Title)
	w.Raw(` <a class="anchor" href="`)
	if w.absolute() {
		w.URL(w.Site.PointURL(pt))
	} else {
		w.Raw("#")
		w.URLPart(anchor)
	}
	w.Raw("\" aria-label=\"")
	w.Text(w.words().T("Link to this point"))
	w.Raw("\">#</a></h3>\n<p class=\"kind\">")
	w.Text(pt.Kind.Label(w.words()))
	w.Raw("</p>\n")
	w.Raw(body)
	if len(pt.Events) > 0 {
		w.Raw("\n")
		w.events(pt.Events, true)
	}
	w.Raw("\n</article>")
}

// Events writes a list of events as they now stand: the lists of coming
// and recent events.
func (w *Writer) Events(events []*bulletin.Event) { w.events(events, false) }

// events writes events as a list. With mentions, they are the versions a
// point gave, each followed by what a later bulletin changed of it.
func (w *Writer) events(events []*bulletin.Event, mentions bool) {
	w.Raw(`<ul class="events">`)
	for _, e := range events {
		latest := e
		if t := w.Tracked[e.ID]; t != nil {
			latest = t.Event
		}
		cancelled := e.Status == bulletin.Cancelled
		w.Raw("\n<li class=\"event")
		if cancelled {
			w.Raw(` cancelled">` + "<del>")
		} else {
			w.Raw(`">`)
		}
		w.Raw("\n<strong>")
		w.Text(e.Kind.Label(w.words()))
		if l := e.StatusLabel(); l != "" {
			w.Raw(` <span class="status">(`)
			w.Text(l)
			w.Raw(")</span>")
		}
		w.Raw(":</strong> ")
		w.Text(e.Title)
		if cancelled {
			w.Raw("</del>")
		}
		w.Raw("\n<br><time>")
		w.Text(e.When())
		w.Raw("</time>")
		if e.Location != "" {
			w.Raw("<br>")
			w.Text(e.Location)
		}
		if l := latest; mentions && l != e && l.Point.Bulletin.ID != e.Point.Bulletin.ID {
			w.Raw("\n<br><em class=\"update\">")
			w.Text(w.words().T("Since updated:"))
			w.Raw(" ")
			if sl := l.StatusLabel(); sl != "" {
				w.Text(sl)
				w.Raw(", ")
			}
			w.Text(l.When())
			if l.Location != "" {
				w.Raw(", ")
				w.Text(l.Location)
			}
			w.Raw(".</em>")
		}
		if e.URL != "" {
			w.Raw("\n<br><a href=\"")
			w.URL(e.URL)
			w.Raw("\">")
			w.Text(w.words().T("More about it"))
			w.Raw("</a>")
		}
		if !mentions {
			// Listed apart from its point: a link to the point that
			// says why to pray.
			w.Raw("\n<br><a href=\"")
			w.pointURL(latest.Point)
			w.Raw("\">")
			w.Text(w.words().F("Why we pray: %s", latest.Point.Title))
			w.Raw("</a>")
		}
		if latest.Status != bulletin.Cancelled && !latest.LastDay().Before(latest.Today(w.Now)) {
			details := Details(w.Site, latest, w.Markdown.Text(latest.Point.Body))
			w.Raw("\n<br><span class=\"add\">")
			w.Text(w.words().T("Add to calendar:"))
			w.Raw(" ")
			if googleAdds(latest) {
				w.Raw(`<a href="`)
				w.URL(googleEvent(latest, details))
				w.Raw(`" rel="nofollow">Google</a> · `)
			}
			if outlookAdds(latest) {
				w.Raw(`<a href="`)
				w.URL(outlookEvent(latest, details))
				w.Raw(`" rel="nofollow">Outlook</a> · `)
			}
			w.Raw(`<a href="`)
			w.URL(w.Root + bulletin.EventPath(latest))
			w.Raw(`" download>`)
			w.Text(icsLabel(w.words(), latest))
			w.Raw(`</a></span>`)
		}
		w.Raw("\n</li>")
	}
	w.Raw("\n</ul>")
}

// Coming writes events as a short dated list, each linking to the point
// that explains it: what a home page shows of what is coming up.
func (w *Writer) Coming(events []*bulletin.Event) {
	w.Raw(`<ul class="coming">`)
	for _, e := range events {
		w.Raw("\n<li><a href=\"")
		w.pointURL(e.Point)
		w.Raw("\">")
		w.Text(summary(w.words(), e))
		w.Raw("</a>")
		if l := e.StatusLabel(); l != "" {
			w.Raw(` <span class="status">(`)
			w.Text(l)
			w.Raw(")</span>")
		}
		w.Raw("<br><time>")
		w.Text(e.When())
		w.Raw("</time></li>")
	}
	w.Raw("\n</ul>")
}

// words returns the words of the site's language.
func (w *Writer) words() *words.Words { return w.Site.Words() }

// pointURL writes the address of a point on its bulletin's page.
func (w *Writer) pointURL(pt *bulletin.Point) {
	w.URL(w.Root + bulletin.BulletinPath(pt.Bulletin) + "#" + pt.ID)
}

// absolute reports whether the writer writes absolute links, as in feeds.
func (w *Writer) absolute() bool {
	return strings.HasPrefix(w.Root, "https://") || strings.HasPrefix(w.Root, "http://")
}

// escaper is html/template's escaping of text and attribute values.
var escaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// keepInURL reports whether html/template's URL normalizer keeps c as it
// is: an unreserved or reserved character of RFC 3986.
func keepInURL(c byte) bool { return urlKept[c] }

var urlKept = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$&*+,/:;=?@[]-._~", byte(c)) >= 0
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// safeScheme reports whether s is a relative URL or one of the schemes
// html/template lets through.
func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.ContainsRune(scheme, '/') {
		return true // no scheme: relative
	}
	// EqualFold, as html/template: it folds "ſ" to "s" as well.
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}
