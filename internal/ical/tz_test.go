package ical

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

// tzZones are the zones the VTIMEZONE tests cover: rules in both
// hemispheres, zones without DST, zones that dropped it, Ramadan changes
// (Casablanca), negative DST (Dublin) and a 30-minute DST (Lord Howe).
var tzZones = []string{
	"America/New_York",
	"America/Santo_Domingo",
	"Africa/Kampala",
	"Asia/Manila",
	"Asia/Kolkata",
	"Europe/London",
	"Australia/Sydney",
	"America/Sao_Paulo",
	"Asia/Tehran",
	"Africa/Casablanca",
	"America/Santiago",
	"Pacific/Auckland",
	"Europe/Dublin",
	"Australia/Lord_Howe",
}

// tzLoad returns the location named name.
func tzLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// tzSerialize returns tz serialized inside a calendar, as a feed would be.
func tzSerialize(tz *ics.VTimezone) string {
	cal := ics.NewCalendar()
	cal.AddVTimezone(tz)
	return cal.Serialize(ics.WithNewLineWindows)
}

// tzZone is what a VTIMEZONE, or Go, says of one instant.
type tzZone struct {
	offset int // seconds east of UTC
	name   string
	dst    bool
}

func (z tzZone) String() string {
	return fmt.Sprintf("%s %s dst=%t", formatOffset(z.offset), z.name, z.dst)
}

// tzOnset is an instant at which an observance of a VTIMEZONE takes effect.
type tzOnset struct {
	at   time.Time
	zone tzZone
}

// tzEvaluator answers which observance of a parsed VTIMEZONE is in effect at
// an instant, reading it as RFC 5545 §3.6.5 says: DTSTART and the RRULE
// give onsets in local time with TZOFFSETFROM, and the latest onset at or
// before an instant gives its TZOFFSETTO.
type tzEvaluator []tzOnset

// newTZEvaluator expands every observance of tz into onsets.
func newTZEvaluator(t *testing.T, tz *ics.VTimezone) tzEvaluator {
	t.Helper()
	var ev tzEvaluator
	for _, c := range tz.Components {
		var cb *ics.ComponentBase
		var dst bool
		switch c := c.(type) {
		case *ics.Standard:
			cb = &c.ComponentBase
		case *ics.Daylight:
			cb, dst = &c.ComponentBase, true
		default:
			t.Fatalf("unexpected component %T in VTIMEZONE", c)
		}
		prop := func(p ics.Property) string {
			v := cb.GetProperty(ics.ComponentProperty(p))
			if v == nil {
				t.Fatalf("observance without %s", p)
			}
			return v.Value
		}
		offFrom := tzParseOffset(t, prop(ics.PropertyTzoffsetfrom))
		zone := tzZone{tzParseOffset(t, prop(ics.PropertyTzoffsetto)), prop(ics.PropertyTzname), dst}
		start, err := time.ParseInLocation("20060102T150405", prop(ics.PropertyDtstart), time.FixedZone("", offFrom))
		if err != nil {
			t.Fatal(err)
		}
		onsets := []time.Time{start}
		if r := cb.GetProperty(ics.ComponentPropertyRrule); r != nil {
			opt, err := rrule.StrToROption(r.Value)
			if err != nil {
				t.Fatalf("RRULE %q: %v", r.Value, err)
			}
			if opt.Until.IsZero() {
				t.Fatalf("RRULE %q has no UNTIL", r.Value)
			}
			opt.Dtstart = start
			rule, err := rrule.NewRRule(*opt)
			if err != nil {
				t.Fatalf("RRULE %q: %v", r.Value, err)
			}
			onsets = rule.All()
			if len(onsets) < 2 || !onsets[0].Equal(start) {
				t.Fatalf("RRULE %q from %s gives %v, want DTSTART first and at least two onsets", r.Value, start, onsets)
			}
		}
		for _, at := range onsets {
			ev = append(ev, tzOnset{at.UTC(), zone})
		}
	}
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].at.Before(ev[j].at) })
	for i := 1; i < len(ev); i++ {
		if ev[i].at.Equal(ev[i-1].at) {
			t.Fatalf("two observances begin at %s", ev[i].at)
		}
	}
	return ev
}

// zone returns the observance in effect at instant at, and false if none is.
func (ev tzEvaluator) zone(at time.Time) (tzZone, bool) {
	i := sort.Search(len(ev), func(i int) bool { return ev[i].at.After(at) })
	if i == 0 {
		return tzZone{}, false
	}
	return ev[i-1].zone, true
}

// tzParseOffset parses a UTC offset, ±hhmm or ±hhmmss, into seconds.
func tzParseOffset(t *testing.T, s string) int {
	t.Helper()
	if (len(s) != 5 && len(s) != 7) || (s[0] != '+' && s[0] != '-') {
		t.Fatalf("bad UTC offset %q", s)
	}
	sec := 0
	for i, unit := range []int{3600, 60, 1} {
		if 1+2*i >= len(s) {
			break
		}
		n, err := strconv.Atoi(s[1+2*i : 3+2*i])
		if err != nil {
			t.Fatalf("bad UTC offset %q", s)
		}
		sec += n * unit
	}
	if s[0] == '-' {
		if sec == 0 {
			t.Fatalf("bad UTC offset %q: -0000 is not allowed", s)
		}
		sec = -sec
	}
	return sec
}

// tzInstants returns the instants to check in [from, to]: from and to,
// every step, and every change of loc's zone with a second and an hour
// either side of it. It finds changes by scanning and bisection, not by
// ZoneBounds as Timezone does, and so misses changes undone within a step.
func tzInstants(loc *time.Location, from, to time.Time, step time.Duration) []time.Time {
	zone := func(t time.Time) tzZone {
		t = t.In(loc)
		name, off := t.Zone()
		return tzZone{off, name, t.IsDST()}
	}
	ins := []time.Time{from, to}
	for at := from; at.Before(to); at = at.Add(step) {
		ins = append(ins, at)
		lo, hi := at, at.Add(step)
		if hi.After(to) {
			hi = to
		}
		if zone(lo) == zone(hi) {
			continue
		}
		for hi.Sub(lo) > time.Second { // zone(lo) != zone(hi)
			mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
			if zone(mid) == zone(lo) {
				lo = mid
			} else {
				hi = mid
			}
		}
		for _, d := range []time.Duration{-time.Hour, -time.Second, 0, time.Second, time.Hour} {
			if t := hi.Add(d); !t.Before(from) && !t.After(to) {
				ins = append(ins, t)
			}
		}
	}
	return ins
}

func TestTimezone(t *testing.T) {
	spans := []struct {
		name     string
		from, to [3]int // year, month, day in the zone
		step     time.Duration
	}{
		{"2022-2031", [3]int{2022, 1, 1}, [3]int{2031, 12, 31}, 6 * time.Hour},
		// From local mean time, through Go's leap-year ZoneBounds bug
		// (go.dev/issue/81583), to years served by the TZ rule.
		{"1850-2040", [3]int{1850, 1, 1}, [3]int{2040, 12, 31}, 24 * time.Hour},
		{"2031-2031", [3]int{2031, 6, 1}, [3]int{2031, 6, 2}, time.Hour},
		// Spans with no change, in the summers of the north and the south.
		{"2027-07", [3]int{2027, 7, 1}, [3]int{2027, 7, 3}, time.Hour},
		{"2027-03", [3]int{2027, 3, 19}, [3]int{2027, 3, 22}, time.Hour},
	}
	for _, name := range append(tzZones, "UTC") {
		loc := tzLoad(t, name)
		for _, span := range spans {
			t.Run(name+"/"+span.name, func(t *testing.T) {
				from := time.Date(span.from[0], time.Month(span.from[1]), span.from[2], 0, 0, 0, 0, loc)
				to := time.Date(span.to[0], time.Month(span.to[1]), span.to[2], 23, 59, 59, 0, loc)
				text := tzSerialize(Timezone(loc, from, to))
				cal, err := ics.ParseCalendar(strings.NewReader(text))
				if err != nil {
					t.Fatalf("parse: %v\n%s", err, text)
				}
				tzs := cal.Timezones()
				if len(tzs) != 1 {
					t.Fatalf("got %d VTIMEZONEs, want 1", len(tzs))
				}
				if got := tzs[0].GetProperty(ics.ComponentPropertyTzid); got == nil || got.Value != name {
					t.Fatalf("got TZID %v, want %q", got, name)
				}
				if !strings.Contains(text, "BEGIN:STANDARD\r\n") {
					t.Errorf("no STANDARD observance (Outlook requires one):\n%s", text)
				}
				ev := newTZEvaluator(t, tzs[0])
				bad := 0
				for _, at := range tzInstants(loc, from, to, span.step) {
					got, ok := ev.zone(at)
					lt := at.In(loc)
					abbr, off := lt.Zone()
					want := tzZone{off, abbr, lt.IsDST()}
					if !ok || got != want {
						t.Errorf("%s at %s: got %v (defined %t), want %v", name, at.UTC().Format(time.RFC3339), got, ok, want)
						if bad++; bad == 10 {
							t.Fatalf("too many mismatches; VTIMEZONE:\n%s", text)
						}
					}
				}
			})
		}
	}
}

func TestTimezoneText(t *testing.T) {
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2031, 12, 31, 23, 59, 59, 0, time.UTC)
	for _, name := range tzZones {
		t.Run(name, func(t *testing.T) {
			loc := tzLoad(t, name)
			text := tzSerialize(Timezone(loc, from, to))
			if again := tzSerialize(Timezone(loc, from, to)); again != text {
				t.Errorf("output differs between calls:\n%s\nthen\n%s", text, again)
			}
			if !strings.HasSuffix(text, "\r\n") {
				t.Errorf("got output ending %q, want CRLF", text[len(text)-min(len(text), 10):])
			}
			for i, line := range strings.SplitAfter(strings.TrimSuffix(text, "\r\n"), "\r\n") {
				body := strings.TrimSuffix(line, "\r\n")
				if len(body) > 75 {
					t.Errorf("line %d: got %d octets, want at most 75: %q", i+1, len(body), body)
				}
				if strings.ContainsAny(body, "\r\n") {
					t.Errorf("line %d: got bare CR or LF, want CRLF only: %q", i+1, body)
				}
			}
		})
	}
}

func TestTimezoneCompresses(t *testing.T) {
	tests := []struct {
		zone           string
		daylight, std  int // observances with an RRULE
		maxObservances int
	}{
		{"America/New_York", 1, 1, 3},
		{"Europe/London", 1, 1, 3},
		{"Australia/Sydney", 1, 1, 3},
		{"Pacific/Auckland", 1, 1, 3},
		{"Asia/Kolkata", 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			loc := tzLoad(t, tt.zone)
			tz := Timezone(loc, time.Date(2022, 1, 1, 0, 0, 0, 0, loc), time.Date(2031, 12, 31, 0, 0, 0, 0, loc))
			var daylight, std int
			for _, c := range tz.Components {
				switch c := c.(type) {
				case *ics.Daylight:
					if c.GetProperty(ics.ComponentPropertyRrule) != nil {
						daylight++
					}
				case *ics.Standard:
					if c.GetProperty(ics.ComponentPropertyRrule) != nil {
						std++
					}
				}
			}
			if daylight != tt.daylight || std != tt.std || len(tz.Components) > tt.maxObservances {
				t.Errorf("got %d DAYLIGHT and %d STANDARD with RRULE in %d observances, want %d and %d in at most %d:\n%s",
					daylight, std, len(tz.Components), tt.daylight, tt.std, tt.maxObservances, tzSerialize(tz))
			}
		})
	}
}

func TestFormatOffset(t *testing.T) {
	tests := []struct {
		sec  int
		want string
	}{
		{0, "+0000"},
		{-5 * 3600, "-0500"},
		{5*3600 + 30*60, "+0530"},
		{-(4*3600 + 56*60 + 2), "-045602"},
		{12*3600 + 45*60, "+1245"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := formatOffset(tt.sec); got != tt.want {
				t.Errorf("formatOffset(%d): got %q, want %q", tt.sec, got, tt.want)
			}
		})
	}
}
