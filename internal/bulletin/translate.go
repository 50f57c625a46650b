package bulletin

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// A site publishes in its Languages: the first is its own, in which the
// bulletins are written; each other one has a translation of site.yaml's
// texts (site.<lang>.yaml) and of any bulletin it publishes in that
// language (<bulletin>.<lang>.yaml). A translation holds only texts.
// Dates, times, zones, regions, kinds, statuses and places are the
// bulletin's, in every language.

// SiteText is site.yaml's texts in another language.
type SiteText struct {
	Pos      Pos
	Fields   *Fields
	Language string

	Title       string
	Description string
	About       string // Markdown
	// Regions are the regions' names and descriptions, by region id.
	Regions map[string]RegionText
	// PodcastTitle is the podcast's title in the language, or "".
	PodcastTitle string
	// PodcastGUID is the language's podcast's GUID: made from the site
	// language's, so that it is fixed as long as that one is.
	PodcastGUID string
}

// RegionText is a region's name and description in another language.
type RegionText struct {
	Pos         Pos
	Name        string
	Description string // Markdown
}

// A Translation is a bulletin's texts in another language.
type Translation struct {
	Pos    Pos
	Fields *Fields
	File   string // its file, within the source folder
	// Of is the file of the bulletin it translates: "2026/2026-11-27.yaml"
	// for "2026/2026-11-27.es.yaml".
	Of       string
	Language string
	Source   string // SHA-256 of the file
	Notes    ErrorList
	Draft    bool // the translation is not finished: the bulletin is not published in its language

	Title     string
	Scripture Scripture
	Intro     spool.Text // Markdown
	Audio     *Audio     // a recording in the language, or nil
	// Points are the points' titles and bodies, and Events the events'
	// titles, by their ids in the bulletin.
	Points map[string]*PointText
	Events map[string]*EventText
}

// PointText is a point's texts in another language.
type PointText struct {
	Pos   Pos
	Title string     // "" when the point's title is made from its body
	Body  spool.Text // Markdown
	// Sketch is the Body's, worked out where it is loaded.
	Sketch Sketch
	Auto   bool // Title was made from Body
}

// EventText is an event's title in another language.
type EventText struct {
	Pos   Pos
	Title string
}

// Translations says which bulletin each translation is of: the bulletin
// in its Of file. A translation of no bulletin, or of one in a language
// site.yaml does not list, is a problem; so is one that names a point or
// event its bulletin lacks, or a point that has no id of its own (its
// made-up id changes as points are added before it). What a translation
// leaves untranslated is warned of: that text's point or event is not
// published in the language.
func Translations(s *Site, bulletins []*Bulletin) (errs, warns ErrorList) {
	byFile := map[string]*Bulletin{}
	for _, b := range bulletins {
		byFile[b.File] = b
	}
	for _, t := range s.Translations {
		warns.Append(t.Notes)
		b := byFile[t.Of]
		switch {
		case b == nil:
			errs.Add(t.Pos, "this is a translation of %s, which is not in this folder: delete a translation with its bulletin, or name it after its bulletin's file with the language before .yaml (2026-11-20.es.yaml translates 2026-11-20.yaml)", path.Base(t.Of))
			continue
		case !slices.Contains(s.Languages, t.Language) || t.Language == s.Language:
			errs.Add(t.Pos, "this is a translation into %s, which is not one of the languages site.yaml lists (%s); add it to languages: there",
				t.Language, strings.Join(s.Languages, ", "))
			continue
		}
		if t.Audio != nil && s.Podcast == nil {
			errs.Add(t.Audio.Pos, "audio needs the podcast settings of site.yaml: add podcast: to it, with image: and category:")
		}
		t.check(b, &errs, &warns)
	}
	for _, lang := range s.Languages[min(1, len(s.Languages)):] {
		if s.Texts[lang] == nil {
			errs.Add(s.Fields.at("languages", s.Pos), "languages lists %s, but there is no site.%s.yaml with the site's texts in it: write one beside site.yaml (its title, description, about and the regions' names)", lang, lang)
		}
	}
	errs.Sort()
	warns.Sort()
	return errs, warns
}

func (t *Translation) check(b *Bulletin, errs, warns *ErrorList) {
	of := path.Base(b.File)
	if t.Draft {
		return
	}
	at := func(key string) Pos { return t.Fields.at(key, t.Pos) }
	todo := func(pos Pos, what string) {
		errs.Add(pos, "%s still holds the placeholder %q; translate it, or keep draft: true", what, Placeholder)
	}
	for _, c := range []struct{ key, what, text string }{
		{"title", "title", t.Title}, {"scripture", "the scripture", t.Scripture.Text + t.Scripture.Reference}, {"intro", "intro", t.Intro.String()},
	} {
		if strings.Contains(c.text, Placeholder) {
			todo(at(c.key), c.what)
		}
	}
	if b.Intro.Len() > 0 && t.Intro.Len() == 0 {
		warns.Add(at("title"), "the intro is not translated, so the %s bulletin has none", t.Language)
	}
	points := map[string]bool{}
	events := map[string]bool{}
	for _, pt := range b.Points {
		points[pt.ID] = true
		for _, e := range pt.Events {
			events[e.ID] = true
		}
		if pt.Private {
			continue
		}
		tp := t.Points[pt.ID]
		if tp == nil {
			warns.Add(at("items"), "point %s is not translated, so the %s bulletin leaves it out; add it under items:", pt.ID, t.Language)
			continue
		}
		if pt.IDAuto {
			errs.Add(tp.Pos, "point %s has no id of its own in %s, so which point this names changes when points are added or moved there: write id: %s on that point (prayerfeed ids writes every point's)",
				pt.ID, of, pt.ID)
		}
		if !pt.TitleAuto && tp.Auto {
			warns.Add(tp.Pos, "point %s has a title in %s but none here, so its title is made from the body's first sentence", pt.ID, of)
		}
		if strings.Contains(tp.Title+tp.Body.String(), Placeholder) {
			todo(tp.Pos, "point "+pt.ID)
		}
		for _, e := range pt.Events {
			if e.Private {
				continue
			}
			if te := t.Events[e.ID]; te == nil {
				warns.Add(at("events"), "event %s is not translated, so the %s calendars leave it out; add its title under events:", e.ID, t.Language)
			} else if strings.Contains(te.Title, Placeholder) {
				todo(te.Pos, "event "+e.ID)
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(t.Points)) {
		if !points[id] {
			errs.Add(t.Points[id].Pos, "%s has no point %s; its points are %s", of, id, strings.Join(slices.Sorted(maps.Keys(points)), ", "))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(t.Events)) {
		if !events[id] {
			errs.Add(t.Events[id].Pos, "%s has no event %s%s", of, id, eventList(slices.Sorted(maps.Keys(events))))
		}
	}
}

func eventList(ids []string) string {
	if len(ids) == 0 {
		return ": it announces none"
	}
	return "; its events are " + strings.Join(ids, ", ")
}

// Language returns the site in another of its languages: its texts from
// site.<lang>.yaml (a region without a translated name keeps its own),
// its address under /<lang>/, and IDs of its own (see IDLanguage).
func (s *Site) In(lang string) *Site {
	tx := s.Texts[lang]
	c := *s
	c.Language = lang
	c.IDLanguage = lang
	c.BaseURL = s.BaseURL.JoinPath(lang + "/")
	c.Title, c.Description, c.About = tx.Title, tx.Description, tx.About
	c.Regions = nil
	for _, r := range s.Regions {
		cr := *r
		if rt, ok := tx.Regions[r.ID]; ok {
			cr.Name = rt.Name
			cr.Description = rt.Description
		}
		c.Regions = append(c.Regions, &cr)
	}
	if s.Podcast != nil {
		p := *s.Podcast
		p.Title = tx.PodcastTitle
		if p.Title == "" {
			p.Title = c.Title
		}
		p.GUID = tx.PodcastGUID
		c.Podcast = &p
	}
	c.Texts, c.Translations = nil, nil
	return &c
}

// Translate returns the bulletins of bulletins (as Public returns them)
// that have a translation into lang, each in that language: its texts
// from the translation, all else its own. A point or event left
// untranslated is left out, and a bulletin with no point left is.
func Translate(s *Site, bulletins []*Bulletin, lang string) []*Bulletin {
	tr := map[string]*Translation{}
	for _, t := range s.Translations {
		if t.Language == lang && !t.Draft {
			tr[t.Of] = t
		}
	}
	var out []*Bulletin
	for _, b := range bulletins {
		t := tr[b.File]
		if t == nil {
			continue
		}
		c := *b
		c.Language = lang
		c.Title = t.Title
		c.Scripture = t.Scripture
		c.Intro = t.Intro
		c.Audio = t.Audio
		c.Points = nil
		for _, pt := range b.Points {
			tp := t.Points[pt.ID]
			if tp == nil {
				continue
			}
			cp := *pt
			cp.Bulletin = &c
			cp.Title, cp.Body, cp.TitleAuto = tp.Title, tp.Body, tp.Auto
			cp.Sketch = tp.Sketch
			cp.Events = nil
			for _, e := range pt.Events {
				te := t.Events[e.ID]
				if te == nil {
					continue
				}
				ce := *e
				ce.Point = &cp
				ce.Title = te.Title
				cp.Events = append(cp.Events, &ce)
			}
			c.Points = append(c.Points, &cp)
		}
		if len(c.Points) > 0 {
			out = append(out, &c)
		}
	}
	return out
}
