package bulletin

import (
	"net/mail"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// Reserved are the names no id may take, because the outputs use them
// beside ids (feeds/all.atom, calendars/hearings.ics, ...).
var Reserved = []string{"all", "archive", "diary", "events", "gatherings", "hearings", "index", "podcast", "regions"}

var (
	slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	hostRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)
)

// maxSlug is the longest ID accepted.
const maxSlug = 64

// checkSlug reports a problem with id, used as what, at pos.
// An empty id is not reported: whatever left it empty already was.
func checkSlug(errs *ErrorList, pos Pos, what, id string) {
	switch {
	case id == "":
	case slices.Contains(Reserved, id):
		errs.Add(pos, "%s %q is reserved; choose another", what, id)
	case !slugRE.MatchString(id):
		errs.Add(pos, "%s %q must be lower-case letters, digits and single hyphens, such as %q", what, id, Slugify(id))
	case len(id) > maxSlug:
		errs.Add(pos, "%s %q is longer than %d characters", what, id, maxSlug)
	}
}

// Slugify returns s made into a slug, as a suggestion: "South Asia" gives
// "south-asia". It returns "my-id" when nothing of s is left.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "my-id"
	}
	return b.String()
}

// Validate reports every problem with the site's settings.
func (s *Site) Validate() ErrorList {
	var errs ErrorList
	at := func(key string) Pos { return s.Fields.at(key, s.Pos) }
	if u := s.BaseURL; u != nil && (u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "") {
		errs.Add(at("base_url"), "base_url %q must be an absolute https URL such as \"https://example.org/prayer/\"", u.String())
	}
	if s.IDDomain != "" && !hostRE.MatchString(s.IDDomain) {
		errs.Add(at("id_domain"), "id_domain %q must be a domain name such as \"prayer.example.org\"", s.IDDomain)
	}
	if s.Org.Email != "" {
		if a, err := mail.ParseAddress(s.Org.Email); err != nil || a.Address != s.Org.Email {
			errs.Add(s.Fields.at("organization.email", s.Pos), "email %q is not an e-mail address such as \"prayer@example.org\"", s.Org.Email)
		}
	}
	for _, key := range []string{"feed_limit", "calendar_past_days"} {
		v := map[string]int{"feed_limit": s.FeedLimit, "calendar_past_days": s.PastDays}[key]
		if v < 1 {
			errs.Add(at(key), "%s must be at least 1, not %d", key, v)
		}
	}
	if s.CancelledDays < 0 {
		errs.Add(at("cancelled_days"), "cancelled_days must not be negative, not %d", s.CancelledDays)
	}
	if s.Refresh < time.Hour {
		errs.Add(at("refresh"), "refresh must be at least 1h, not %s", s.Refresh)
	}
	if s.EventDuration <= 0 || s.EventDuration > 24*time.Hour {
		errs.Add(at("event_duration"), "event_duration must be between 1m and 24h, not %s", s.EventDuration)
	}
	if s.Accent != "" {
		if c, ok := ParseColor(s.Accent); !ok {
			errs.Add(at("accent"), "accent %q is not a colour such as \"#0b5394\" (# and six hexadecimal digits); put it in quotes, as YAML reads # as a comment", s.Accent)
		} else if r := c.Contrast(Color{255, 255, 255}); r < 4.5 {
			errs.Add(at("accent"), "accent %q is too light to read on white (contrast %.1f:1, and links need 4.5:1 or more): choose a darker shade", s.Accent, r)
		}
	}
	if len(s.Regions) == 0 {
		errs.Add(at("regions"), "the site needs at least one region")
	}
	seen := make(map[string]*Region)
	for _, r := range s.Regions {
		pos := r.Fields.at("id", r.Pos)
		checkSlug(&errs, pos, "region id", r.ID)
		if prev, ok := seen[r.ID]; ok {
			errs.Add(pos, "region id %q is also used at %s", r.ID, prev.Fields.at("id", prev.Pos))
			continue
		}
		seen[r.ID] = r
	}
	named := make(map[string]*Region) // by HeadingKey
	for _, r := range s.Regions {
		for _, a := range append([]Alias{{r.Fields.at("name", r.Pos), r.Name}}, r.Aliases...) {
			pos, name := a.Pos, a.Name
			key := HeadingKey(name)
			if prev, ok := named[key]; ok && prev != r {
				errs.Add(pos, "%q names both region %s and region %s; a heading must name one region", name, prev.ID, r.ID)
				continue
			}
			named[key] = r
		}
	}
	return errs
}

// Warn reports what the site's identity rests on that site.yaml does not
// say, and so could change under subscribers: the domain of every feed
// entry ID and calendar UID, and the podcast's GUID, each made from the
// site's address when not given, and so changed if the site moved.
func (s *Site) Warn() ErrorList {
	warns := slices.Clone(s.Notes)
	if _, ok := s.Fields.Get("id_domain"); !ok && s.IDDomain != "" {
		warns.Add(s.Fields.at("base_url", s.Pos), "site.yaml has no id_domain, so every feed entry ID and calendar UID takes base_url's host, %q, and would change if the site moved: add id_domain: %s (prayerfeed ids writes it)",
			s.IDDomain, s.IDDomain)
	}
	if p := s.Podcast; p != nil && p.GUID != "" {
		if _, ok := p.Fields.Get("guid"); !ok {
			warns.Add(p.Pos, "podcast has no guid, so the podcast's GUID is made from the feed's address and would change if the site moved: add guid: %s to podcast (prayerfeed ids writes it)", p.GUID)
		}
	}
	return warns
}

// Validate reports every problem with b on its own.
func (b *Bulletin) Validate() ErrorList {
	var errs ErrorList
	checkSlug(&errs, b.Fields.at("id", b.Fields.at("date", b.Pos)), "bulletin id", b.ID)
	if !b.Publish.IsZero() && b.Publish.Before(b.Date) {
		errs.Add(b.Fields.at("publish", Pos{}), "publish %q is before date %q", formatTime(b.Publish), formatTime(b.Date))
	}
	if !b.Updated.IsZero() && b.Updated.Before(b.Published()) {
		errs.Add(b.Fields.at("updated", Pos{}), "updated %q is before the bulletin is published (%q)", formatTime(b.Updated), formatTime(b.Published()))
	}
	if !b.Draft {
		b.checkPlaceholders(&errs)
	}
	points := make(map[string]*Point)
	events := make(map[string]*Event)
	for _, pt := range b.Points {
		idPos := pt.Fields.at("id", pt.Pos)
		checkSlug(&errs, idPos, "item id", pt.ID)
		if prev, ok := points[pt.ID]; ok && pt.ID != "" {
			errs.Add(idPos, "item id %q is also used at %s", pt.ID, prev.Fields.at("id", prev.Pos))
		} else {
			points[pt.ID] = pt
		}
		for _, e := range pt.Events {
			idPos := e.Fields.at("id", e.Pos)
			checkSlug(&errs, idPos, "event id", e.ID)
			if prev, ok := events[e.ID]; ok && e.ID != "" {
				errs.Add(idPos, "event %q is defined twice in this bulletin; the first is at %s", e.ID, prev.Fields.at("id", prev.Pos))
			} else {
				events[e.ID] = e
			}
			e.validate(&errs)
		}
	}
	return errs
}

func (e *Event) validate(errs *ErrorList) {
	at := func(key string) Pos { return e.Fields.at(key, e.Pos) }
	if e.AllDay {
		if !e.Until.IsZero() && e.Until.Before(e.Date) {
			errs.Add(at("until"), "until %q is before date %q", e.Until, e.Date)
		}
	} else if !e.End.After(e.Start) && !e.Start.IsZero() {
		hint := ""
		if DateOf(e.End) == DateOf(e.Start) {
			hint = "; for an event that ends after midnight, give end as a date and time"
		}
		errs.Add(at("end"), "end %q is not after start %q%s", formatTime(e.End), formatTime(e.Start), hint)
	}
	if r := e.Repeat; r != nil && !r.Until.IsZero() {
		first := e.Date
		if !e.AllDay {
			first = DateOf(e.Start)
		}
		if r.Until.Before(first) {
			errs.Add(r.Pos, "repeat ends on %q, before the event's first day %q", r.Until, first)
		}
	}
}

// Check reports the problems that span bulletins: two bulletins with one ID
// or one date, and an event whose kind differs between bulletins.
// It names both positions.
func Check(bulletins []*Bulletin) ErrorList {
	var errs ErrorList
	byID := make(map[string]*Bulletin)
	byDate := make(map[string]*Bulletin)
	kinds := make(map[string]*Event)
	for _, b := range sortedByPos(bulletins) {
		if b.ID == "" || b.Date.IsZero() {
			continue // already reported: its date or id could not be read
		}
		if prev, ok := byID[b.ID]; ok {
			errs.Add(b.Fields.at("id", b.Fields.at("date", b.Pos)), "bulletin id %q is also used by %s", b.ID, prev.Fields.at("id", prev.Fields.at("date", prev.Pos)))
		} else {
			byID[b.ID] = b
		}
		day := DateOf(b.Date).String()
		if prev, ok := byDate[day]; ok {
			errs.Add(b.Fields.at("date", b.Pos), "another bulletin is dated %s: %s", day, prev.Fields.at("date", prev.Pos))
		} else {
			byDate[day] = b
		}
		for _, pt := range b.Points {
			for _, e := range pt.Events {
				prev, ok := kinds[e.ID]
				if !ok {
					kinds[e.ID] = e
					continue
				}
				if prev.Kind != e.Kind {
					errs.Add(e.Fields.at("kind", e.Pos), "event %q is a %s here but a %s at %s", e.ID, e.Kind, prev.Kind, prev.Fields.at("kind", prev.Pos))
				}
			}
		}
	}
	return errs
}

// Warn reports what is allowed but likely a mistake: a point without a
// title, an event already over when its bulletin is published, and a
// correction dated after now. (A bulletin held back until later is not
// a mistake: Held says so.)
func (b *Bulletin) Warn(now time.Time) ErrorList {
	warns := slices.Clone(b.Notes)
	if !b.Date.IsZero() {
		day := b.Date.Format("2006-01-02")
		name := strings.TrimSuffix(path.Base(b.File), path.Ext(b.File))
		if named, err := time.Parse("2006-01-02", name); err == nil && named.Format("2006-01-02") != day {
			warns.Add(b.Fields.at("date", b.Pos), "the file is named for %s but the bulletin is dated %s: rename it %s.yaml, so that the file and its date agree", name, day, day)
		}
		if b.Date.After(now.AddDate(1, 0, 0)) {
			warns.Add(b.Fields.at("date", b.Pos), "the bulletin is dated %s, more than a year from now: is the year right?", day)
		}
	}
	if b.Updated.After(now) {
		warns.Add(b.Fields.at("updated", b.Pos), "updated %s is in the future; feeds show the correction from then", formatTime(b.Updated))
	}
	for _, pt := range b.Points {
		if pt.TitleAuto {
			warns.Add(pt.Pos, "the point has no title; using %q", pt.Title)
		}
		for _, e := range pt.Events {
			if last := e.LastDay(); !last.IsZero() && last.Before(e.Today(b.Published())) {
				warns.Add(e.Pos, "event %q is over (%s) before the bulletin is published", e.ID, last)
			}
		}
	}
	return warns
}

// LastDay returns the last day of the event's last occurrence, where it
// happens: Last, which the loader sets with the repeat rule expanded. For
// an event made otherwise, without Last, a repeat is read without
// expanding it: its until, or far in the future for a counted one. It
// returns the zero Date for an event whose time could not be read.
func (e *Event) LastDay() Date {
	if !e.Last.IsZero() {
		return e.Last
	}
	if !e.AllDay && e.Start.IsZero() || e.AllDay && e.Date.IsZero() {
		return Date{}
	}
	if r := e.Repeat; r != nil {
		if r.Count > 0 || r.Until.IsZero() {
			return Date{9999, 12, 31}
		}
		return r.Until
	}
	if !e.AllDay {
		return DateOf(e.End)
	}
	if e.Until.IsZero() {
		return e.Date
	}
	return e.Until
}

// Today returns the day it is at now where the event happens.
func (e *Event) Today(now time.Time) Date { return DateOf(now.In(zoneOf(e))) }

func zoneOf(e *Event) *time.Location {
	if e.Zone != nil {
		return e.Zone
	}
	return time.UTC
}

// sortedByPos returns the bulletins in source order, so that cross-file
// problems are reported at the later of two places.
func sortedByPos(bs []*Bulletin) []*Bulletin {
	s := slices.Clone(bs)
	slices.SortFunc(s, func(a, b *Bulletin) int { return a.Pos.compare(b.Pos) })
	return s
}

func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	if t.Second() != 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

// Placeholder starts every text of a new bulletin's skeleton that its
// writer must replace. A bulletin that still holds one cannot be published.
const Placeholder = "TODO"

func (b *Bulletin) checkPlaceholders(errs *ErrorList) {
	check := func(at Pos, what, text, todo string) {
		if strings.Contains(text, Placeholder) {
			errs.Add(at, "%s still holds the placeholder %q; %s, or keep draft: true", what, Placeholder, todo)
		}
	}
	// The long texts are read back only when one holds the placeholder.
	long := func(t spool.Text) string {
		if !b.Placeholders {
			return ""
		}
		return t.String()
	}
	check(b.Fields.at("title", b.Pos), "title", b.Title, "write the text")
	scripture := b.Fields.at("scripture", b.Pos)
	check(b.Fields.at("scripture.text", scripture), "the scripture's text", b.Scripture.Text, "write the verse")
	check(b.Fields.at("scripture.reference", scripture), "the scripture's reference", b.Scripture.Reference, "write where it is from")
	check(b.Fields.at("intro", b.Pos), "intro", long(b.Intro), "write the text")
	for _, pt := range b.Points {
		check(pt.Fields.at("region", pt.Pos), "region", pt.Region, "name the point's region, one of site.yaml's")
		check(pt.Fields.at("title", pt.Pos), "title", pt.Title, "write the text")
		check(pt.Fields.at("body", pt.Pos), "body", long(pt.Body), "write the text")
		for _, e := range pt.Events {
			check(e.Fields.at("title", e.Pos), "title", e.Title, "write the text")
		}
	}
}
