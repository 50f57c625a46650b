package bulletin

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ValidateAll runs every rule over the site and its bulletins and returns
// the problems and the warnings, each sorted. Now is the build's clock.
func ValidateAll(s *Site, bulletins []*Bulletin, now time.Time) (errs, warns ErrorList) {
	errs.Append(s.Validate())
	warns.Append(s.Warn())
	if s.Podcast != nil {
		errs.Append(s.Podcast.Validate())
	}
	errs.Append(CheckAudio(s, bulletins))
	// Each bulletin's own rules on every core; the lists are sorted after.
	each := make([]struct{ errs, warns ErrorList }, len(bulletins))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(bulletins)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(bulletins); i = int(next.Add(1) - 1) {
				each[i].errs, each[i].warns = bulletins[i].Validate(), bulletins[i].Warn(now)
			}
		})
	}
	wg.Wait()
	for _, e := range each {
		errs.Append(e.errs)
		warns.Append(e.warns)
	}
	errs.Append(Check(bulletins))
	terrs, twarns := Translations(s, bulletins)
	errs.Append(terrs)
	warns.Append(twarns)
	warns.Append(stillPostponed(bulletins))
	errs.Sort()
	warns.Sort()
	return errs, warns
}

// Public returns what may be published at now: the bulletins that are
// neither drafts nor embargoed, newest first, each without its private
// points and private events. It copies what it filters, leaving the
// bulletins it was given as they were. The copies carry no field
// positions (Fields), which only validation reads, so that a large site
// holds no more than it renders.
//
// Every renderer works from Public's result alone, so that nothing held
// back can reach an output by any path.
func Public(bulletins []*Bulletin, now time.Time) []*Bulletin {
	return public(bulletins, now, false)
}

// Preview returns what Public returns, and the drafts and the bulletins
// held back until later as if they were published: what the preview
// server shows their writers, and nothing else ever may.
func Preview(bulletins []*Bulletin, now time.Time) []*Bulletin {
	return public(bulletins, now, true)
}

func public(bulletins []*Bulletin, now time.Time, preview bool) []*Bulletin {
	var out []*Bulletin
	for _, b := range bulletins {
		if !preview && (b.Draft || b.Published().After(now)) {
			continue
		}
		c := *b
		c.Fields = nil
		if c.Updated.After(now) {
			c.Updated = time.Time{} // a correction dated later shows from then
		}
		c.Points = nil
		for _, pt := range b.Points {
			if pt.Private {
				continue
			}
			cp := *pt
			cp.Fields = nil
			cp.Bulletin = &c
			cp.Events = nil
			for _, e := range pt.Events {
				if e.Private {
					continue
				}
				ce := *e
				ce.Fields = nil
				ce.Point = &cp
				cp.Events = append(cp.Events, &ce)
			}
			c.Points = append(c.Points, &cp)
		}
		if len(c.Points) == 0 {
			continue
		}
		out = append(out, &c)
	}
	SortNewestFirst(out)
	return out
}

// Held reports each bulletin that is not published at now, at the line
// that holds it back: a draft, or one whose publication is to come.
func Held(bulletins []*Bulletin, now time.Time) ErrorList {
	var notes ErrorList
	for _, b := range bulletins {
		switch at := b.Published(); {
		case b.Draft:
			var todo ErrorList
			b.checkPlaceholders(&todo)
			todo.Sort()
			if len(todo) > 0 {
				notes.Add(b.Fields.at("draft", b.Pos), "a draft, not published, with %d %s still to write (the first at line %d); then delete \"draft: true\" to publish it",
					len(todo), map[bool]string{true: "placeholder (TODO)", false: "placeholders (TODO)"}[len(todo) == 1], todo[0].Pos.Line)
				continue
			}
			notes.Add(b.Fields.at("draft", b.Pos), "a draft, not published; delete \"draft: true\" to publish it")
		case at.After(now) && !b.Publish.IsZero():
			notes.Add(b.Fields.at("publish", b.Pos), "held back until its publish time, %s", longTime(at))
		case at.After(now):
			notes.Add(b.Fields.at("date", b.Pos), "dated in the future without publish, so held back until %s", longTime(at))
		}
	}
	notes.Sort()
	return notes
}

// longTime writes t as a writer reads it: "Friday 4 December 2026 at
// 06:00 in America/New_York".
func longTime(t time.Time) string {
	return t.Format("Monday 2 January 2006 at 15:04") + " in " + t.Location().String()
}

// SortNewestFirst sorts bulletins by publication, newest first, then by ID.
func SortNewestFirst(bs []*Bulletin) {
	slices.SortFunc(bs, func(a, b *Bulletin) int {
		return cmp.Or(b.Published().Compare(a.Published()), b.Date.Compare(a.Date), strings.Compare(a.ID, b.ID))
	})
}

// stillPostponed warns of an event marked postponed again in a bulletin
// that gives it a new time: "postponed" then reads in calendars as "until
// a new date is given", which it was.
func stillPostponed(bulletins []*Bulletin) ErrorList {
	var warns ErrorList
	for _, t := range Track(bulletins) {
		for i := 1; i < len(t.Mentions); i++ {
			prev, e := t.Mentions[i-1], t.Mentions[i]
			if e.Status == Postponed && prev.Status == Postponed && !prev.SameTime(e) {
				warns.Add(e.Fields.at("status", e.Pos), "event %q has a new time but is still marked postponed; set status: confirmed or tentative", e.ID)
			}
		}
	}
	return warns
}

// SameTime reports whether e and f happen at the same time: the same
// start and end, or the same days.
func (e *Event) SameTime(f *Event) bool {
	return e.AllDay == f.AllDay && e.Start.Equal(f.Start) && e.End.Equal(f.End) && e.Date == f.Date && e.Until == f.Until
}
