package build

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// A Slot is when an event takes place, as the manifest keeps it: enough to
// write the event into a calendar as cancelled once no bulletin holds it.
type Slot struct {
	Kind string `json:"kind"`
	// Zone is a timed event's zone; an all-day event has none.
	Zone string `json:"zone,omitempty"`
	// Start and End are the first occurrence's, as "2006-01-02T15:04:05"
	// in the zone; an all-day event's are its first and last days.
	Start string `json:"start"`
	End   string `json:"end"`
	// Listed is the last day, where the event happens, that the
	// calendars list it (see ical.ListedUntil): its last occurrence's,
	// and the window after it.
	Listed string `json:"listed"`
}

const slotLayout = "2006-01-02T15:04:05"

// slotOf returns when the event t takes place.
func slotOf(s *bulletin.Site, t *bulletin.Tracked) *Slot {
	e := t.Event
	listed := ical.ListedUntil(s, t).String()
	if e.AllDay {
		until := e.Until
		if until.IsZero() {
			until = e.Date
		}
		return &Slot{Kind: string(e.Kind), Start: e.Date.String(), End: until.String(), Listed: listed}
	}
	return &Slot{Kind: string(e.Kind), Zone: e.Zone.String(), Start: e.Start.Format(slotLayout), End: e.End.Format(slotLayout), Listed: listed}
}

// over reports whether the calendars no longer list the event at now, as
// ical.Listed would say, or whether the slot cannot be read. A slot
// written before it said so is listed for pastDays after its end.
func (sl *Slot) over(now time.Time, pastDays int) bool {
	g := sl.cancelled("", 0, now)
	if g == nil {
		return true
	}
	loc := time.UTC
	if sl.Zone != "" {
		loc = g.Start.Location()
	}
	last, err := time.Parse(time.DateOnly, sl.Listed)
	if sl.Listed == "" {
		end := g.End
		if g.AllDay {
			end = g.Until.In(time.UTC)
		}
		last, err = bulletin.DateOf(end).AddDays(pastDays).In(time.UTC), nil
	}
	return err != nil || last.Before(bulletin.DateOf(now.In(loc)).In(time.UTC))
}

// cancelled returns the slot as an event that left a calendar, or nil
// when the slot cannot be read (a manifest edited by hand).
func (sl *Slot) cancelled(uid string, seq int, left time.Time) *ical.Cancelled {
	if sl == nil {
		return nil
	}
	g := &ical.Cancelled{UID: uid, Kind: bulletin.EventKind(sl.Kind), Sequence: seq, Left: left}
	if g.Kind != bulletin.Hearing && g.Kind != bulletin.Gathering {
		return nil
	}
	if sl.Zone == "" {
		start, err1 := time.Parse(time.DateOnly, sl.Start)
		end, err2 := time.Parse(time.DateOnly, sl.End)
		if err1 != nil || err2 != nil || end.Before(start) {
			return nil
		}
		g.AllDay, g.Date, g.Until = true, bulletin.DateOf(start), bulletin.DateOf(end)
		return g
	}
	loc, err := time.LoadLocation(sl.Zone)
	if err != nil {
		return nil
	}
	start, err1 := time.ParseInLocation(slotLayout, sl.Start, loc)
	end, err2 := time.ParseInLocation(slotLayout, sl.End, loc)
	if err1 != nil || err2 != nil || !end.After(start) {
		return nil
	}
	g.Start, g.End = start, end
	return g
}

// settle settles the model's events against what the previous manifest
// says the calendars published, and returns the records of the next
// manifest and what the writer should know of events that left a
// calendar.
//
// An event that leaves a subscription calendar while still to come, or
// within calendar_past_days, stays in it as cancelled for cancelled_days
// from the day the build first saw it leave: moved to another region,
// its kind changed, its point made private or removed, its bulletin
// deleted, made a draft or put back under embargo. Without that, the
// subscribers' apps would keep their copy for good. Events of the past
// that age out of the calendars leave them without a trace, as they
// should.
//
// An event's SEQUENCE is the same in every calendar file and never goes
// below what was published: it grows by one, at most once a build, when
// the event changed (bulletin.Event.Revision), when it first left a
// calendar, and when it comes back after it left them all.
// maxSequence bounds SEQUENCE, an iCalendar INTEGER, against a manifest
// edited by hand.
const maxSequence = 1<<31 - 2

func (m *Model) settle(prev *Manifest) (map[string]Record, bulletin.ErrorList) {
	s := m.Site
	today := bulletin.DateOf(m.Now.In(s.Location))
	records := map[string]Record{}
	var notes bulletin.ErrorList
	if prev == nil {
		prev = &Manifest{}
	}

	cals := map[string]*ical.Calendar{}
	lists := map[string]map[string]bool{} // calendar path → UIDs it lists
	for _, c := range m.Calendars {
		cals[c.Path] = c
		lists[c.Path] = map[string]bool{}
		for _, t := range c.Events {
			lists[c.Path][s.UID(t.Event)] = true
		}
	}

	// A calendar no longer published (its region left site.yaml) can
	// cancel nothing: its subscribers keep what it listed.
	// Its events remember it until they are over, so that it cancels
	// them if it comes back.
	dropped := map[string]int{} // path → events it listed, still to come

	// leave works out the calendars an event is kept in as cancelled:
	// those it left in this build, unless it aged out of them, and those
	// it left within cancelled_days. It returns them, by path, with the
	// day it left each, and the calendars it left in this build.
	leave := func(uid string, p Record, aged bool) (map[string]string, []string) {
		kept := map[string]string{}
		var first []string
		for _, path := range slices.Sorted(maps.Keys(p.Calendars)) {
			day := p.Calendars[path]
			if cals[path] == nil && !aged {
				kept[path] = day
				dropped[path]++
				continue
			}
			if cals[path] == nil || lists[path][uid] {
				continue
			}
			if day == "" {
				if aged {
					continue
				}
				day = today.String()
				first = append(first, path)
			}
			if d, err := time.Parse(time.DateOnly, day); err == nil && !bulletin.DateOf(d).AddDays(s.CancelledDays).Before(today) {
				kept[path] = day
			}
		}
		return kept, first
	}
	// keep puts an event's cancelled copies into their calendars.
	keep := func(uid string, r Record, sl *Slot) {
		for _, path := range slices.Sorted(maps.Keys(r.Calendars)) {
			day := r.Calendars[path]
			if day == "" || cals[path] == nil {
				continue
			}
			d, _ := time.Parse(time.DateOnly, day)
			if g := sl.cancelled(uid, r.Sequence, bulletin.DateOf(d).In(s.Location)); g != nil {
				cals[path].Cancelled = append(cals[path].Cancelled, g)
			}
		}
	}
	until := today.AddDays(s.CancelledDays).String()

	for _, t := range m.Events {
		uid := s.UID(t.Event)
		p, had := prev.Events[uid]
		r := Record{File: t.Point.Bulletin.Pos.File, Title: t.Title, Revisions: t.Sequence, State: state(t.Event), Time: slotOf(s, t)}
		kept, first := leave(uid, p, !ical.Listed(s, t, m.Now))
		r.Calendars = kept
		for path, uids := range lists {
			if uids[uid] {
				r.Calendars[path] = ""
			}
		}
		// A change since: of its state, in the bulletins' count of its
		// revisions (a correction), or its coming back.
		p.Sequence = min(p.Sequence, maxSequence)
		// (A record from before the manifest kept Time kept no count.)
		changed := had && (p.State != "" && p.State != r.State || p.Time != nil && p.Revisions != t.Sequence || p.Gone != "")
		r.Sequence = max(t.Sequence, p.Sequence)
		if (changed || len(first) > 0) && r.Sequence <= p.Sequence {
			r.Sequence = p.Sequence + 1
		}
		t.Sequence = r.Sequence
		if len(r.Calendars) == 0 {
			r.Calendars = nil
		}
		records[uid] = r
		keep(uid, r, r.Time)
		if len(first) > 0 {
			notes.Add(t.Pos, "this %s was in %s: it is kept there as cancelled until %s, so that subscribers' calendars drop it",
				strings.ToLower(t.Kind.Label(words.English)), strings.Join(first, ", "), until)
		}
	}

	// The events no published bulletin holds any more.
	for _, uid := range slices.Sorted(maps.Keys(prev.Events)) {
		if _, ok := records[uid]; ok {
			continue
		}
		// Its record keeps no more than its cancelled copies need, and
		// its SEQUENCE and when it went, should it come back.
		p := prev.Events[uid]
		kept, first := leave(uid, p, p.Time == nil || p.Time.over(m.Now, s.PastDays))
		r := Record{File: p.File, Sequence: min(p.Sequence, maxSequence), Gone: p.Gone}
		if len(first) > 0 && r.Gone == "" {
			r.Sequence++
		}
		if r.Gone == "" {
			r.Gone = today.String()
		}
		if len(kept) > 0 {
			r.Calendars, r.Time = kept, p.Time
		}
		records[uid] = r
		keep(uid, r, r.Time)
		if len(first) > 0 {
			what := "event"
			if sl := p.Time; sl != nil && (sl.Kind == string(bulletin.Hearing) || sl.Kind == string(bulletin.Gathering)) {
				what = strings.ToLower(bulletin.EventKind(sl.Kind).Label(words.English))
			}
			notes.Add(bulletin.Pos{File: p.File}, "the %s %q is no longer published: %s keep it as cancelled until %s, so that subscribers' calendars drop it",
				what, p.Title, strings.Join(first, ", "), until)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(dropped)) {
		notes.Add(bulletin.Pos{File: s.Pos.File}, "%s is no longer published, as its region is gone from site.yaml, and its subscribers' apps keep the %s it listed; to cancel them, put the region back until they are over, with no points",
			path, plural(dropped[path], "event", "events"))
	}
	for _, c := range m.Calendars {
		slices.SortFunc(c.Cancelled, func(a, b *ical.Cancelled) int { return strings.Compare(a.UID, b.UID) })
	}
	notes.Sort()
	return records, notes
}
