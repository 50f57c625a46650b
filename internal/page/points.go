package page

import (
	"html/template"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markup"
)

// The points and their events are written by hand rather than by
// html/template, which spends about two microseconds on every action: a
// site of ten thousand bulletins has sixty thousand points. markup
// escapes as html/template does, so the bytes are the same.

// bulletinHTML writes a whole bulletin: its scripture, its intro and its
// points by region.
func bulletinHTML(b *bulletinView) template.HTML {
	var w markup.Writer
	w.Grow(len(b.Scripture.Text) + len(b.Intro) + 3072*len(b.Points)) // a guess that saves growing
	w.Scripture(`<blockquote class="scripture">`, b.Scripture)
	w.Raw(string(b.Intro))
	for _, sec := range b.Sections {
		w.Raw("\n<section class=\"region\" id=\"region-")
		w.Text(sec.Region.ID)
		w.Raw(`" aria-labelledby="region-`)
		w.Text(sec.Region.ID)
		w.Raw("-title\">\n<h2 id=\"region-")
		w.Text(sec.Region.ID)
		w.Raw(`-title">`)
		w.Text(sec.Region.Name)
		w.Raw("</h2>")
		for _, p := range sec.Points {
			w.Raw("\n")
			writePoint(&w, p)
		}
		w.Raw("\n</section>")
	}
	return template.HTML(w.String())
}

// pointHTML writes a point as an article.
func pointHTML(p *point) template.HTML {
	var w markup.Writer
	w.Grow(3072)
	writePoint(&w, p)
	return template.HTML(w.String())
}

func writePoint(w *markup.Writer, p *point) {
	w.Raw(`<article class="point" id="`)
	w.Text(p.Anchor)
	w.Raw("\">\n<h3>")
	w.Text(p.Title)
	w.Raw(` <a class="anchor" href="#`)
	w.URLPart(p.Anchor)
	w.Raw("\" aria-label=\"Link to this point\">#</a></h3>\n<p class=\"kind\">")
	w.Text(p.Kind.Label())
	w.Raw("</p>\n")
	w.Raw(string(p.Body))
	if len(p.Events) > 0 {
		w.Raw("\n")
		writeEvents(w, p.Events)
	}
	w.Raw("\n</article>")
}

// eventsHTML writes events as a list.
func eventsHTML(events []*event) template.HTML {
	var w markup.Writer
	writeEvents(&w, events)
	return template.HTML(w.String())
}

func writeEvents(w *markup.Writer, events []*event) {
	w.Raw(`<ul class="events">`)
	for _, e := range events {
		cancelled := e.Status == bulletin.Cancelled
		w.Raw("\n<li class=\"event")
		if cancelled {
			w.Raw(` cancelled">` + "<del>")
		} else {
			w.Raw(`">`)
		}
		w.Raw("\n<strong>")
		w.Text(e.Kind.Label())
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
		if l := e.Latest; l != nil {
			w.Raw("\n<br><em class=\"update\">Since updated: ")
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
		if !cancelled {
			w.Raw("\n<br><span class=\"add\">Add to calendar: <a href=\"")
			w.URL(e.Google)
			w.Raw(`" rel="nofollow">Google</a> · <a href="`)
			w.URL(e.Outlook)
			w.Raw(`" rel="nofollow">Outlook</a> · <a href="`)
			w.URL(e.ICS)
			w.Raw(`" download>Apple and others (.ics)</a></span>`)
		}
		w.Raw("\n</li>")
	}
	w.Raw("\n</ul>")
}
