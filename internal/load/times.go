package load

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

var (
	dateRE     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	dateTimeRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$`)
	clockRE    = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{2}))?$`)
)

// parseDate reads a date like "2026-11-20" and checks that it exists.
// amPM matches a time of day written with am or pm.
var amPM = regexp.MustCompile(`(?i)(?:^|[^\d:.])(\d{1,2})(?:[:.](\d\d))? ?([ap])\.?m\.?\b`)

// timeHint says what is wrong with a date or time written as people
// write them: curly quotes, a 12-hour clock; or "".
func timeHint(s string) string {
	var hints []string
	if strings.ContainsAny(s, "“”‘’„«»") {
		hints = append(hints, "it is in curly quotes (“ ” or ‘ ’), which a word processor makes of straight ones; use straight quotes (\") or none")
	}
	if strings.ContainsAny(s, "‐‑‒–—―−") {
		hints = append(hints, "its dashes are a word processor's (– or a non-breaking hyphen), not the hyphen (-) on the keyboard; type them again")
	}
	if len(hints) > 0 {
		return ": " + strings.Join(hints, ", and ")
	}
	if m := dotTime.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf(": write the time with a colon, %s:%s", m[1], m[2])
	}
	if m := amPM.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		if h == 12 {
			h = 0
		}
		if strings.EqualFold(m[3], "p") {
			h += 12
		}
		return fmt.Sprintf(": write the time on the 24-hour clock, %02d:%s", h, cmp.Or(m[2], "00"))
	}
	return ""
}

// dotTime is a time written with a dot on the 24-hour clock, 12.00.
var dotTime = regexp.MustCompile(`\b([01]?\d|2[0-3])\.([0-5]\d)$`)

func parseDate(s string) (bulletin.Date, error) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return bulletin.Date{}, fmt.Errorf("%q is not a date like 2026-11-20%s", s, timeHint(s))
	}
	return makeDate(m[1], m[2], m[3])
}

func makeDate(ys, ms, ds string) (bulletin.Date, error) {
	y, _ := strconv.Atoi(ys)
	mo, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	s := fmt.Sprintf("%s-%s-%s", ys, ms, ds)
	if mo < 1 || mo > 12 {
		return bulletin.Date{}, fmt.Errorf("%q is not a real date: there is no month %d", s, mo)
	}
	if n := daysIn(time.Month(mo), y); d < 1 || d > n {
		return bulletin.Date{}, fmt.Errorf("%q is not a real date: %s %d has %d days", s, time.Month(mo), y, n)
	}
	if y < 1900 || y > 2200 {
		return bulletin.Date{}, fmt.Errorf("%q is out of range: the year must be between 1900 and 2200", s)
	}
	return bulletin.Date{Year: y, Month: time.Month(mo), Day: d}, nil
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// clock is a time of day.
type clock struct{ h, m, s int }

func parseClock(hs, ms, ss string) (clock, error) {
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	s, _ := strconv.Atoi(ss)
	if h > 23 || m > 59 || s > 59 {
		t := hs + ":" + ms
		if ss != "" {
			t += ":" + ss
		}
		return clock{}, fmt.Errorf("%s is not a time of day from 00:00 to 23:59", t)
	}
	return clock{h, m, s}, nil
}

// localTime returns the instant of day d at clock c in loc, or an error
// when that local time does not exist there (the clocks go forward over it).
func localTime(d bulletin.Date, c clock, loc *time.Location) (time.Time, error) {
	t := time.Date(d.Year, d.Month, d.Day, c.h, c.m, c.s, 0, loc)
	if t.Hour() != c.h || t.Minute() != c.m || bulletin.DateOf(t) != d {
		return time.Time{}, fmt.Errorf("%s %02d:%02d does not exist in %s: the clocks go forward then", d, c.h, c.m, loc)
	}
	return t, nil
}

// dateTime reads key's value as a date with an optional time of day,
// "2026-11-20" or "2026-11-20 09:00", in loc. It reports whether a time of
// day was given. loc may be nil only when no time is given.
func (m *mapping) dateTime(key string, required bool, loc *time.Location, zoneHint string) (t time.Time, timed bool, ok bool) {
	s, v := m.scalar(key, required)
	if v == nil {
		return time.Time{}, false, false
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		// An instant with its offset, such as 2027-01-01T09:00:00Z: clear
		// for when a bulletin is published or corrected, but not for when
		// an event happens, which is said in the time of its place.
		if key == "publish" || key == "updated" {
			if _, err := makeDate(t.Format("2006"), t.Format("01"), t.Format("02")); err != nil {
				m.d.errorf(v, "%s %v", key, err)
				return time.Time{}, false, false
			}
			if loc == nil {
				loc = time.UTC
			}
			return t.In(loc), true, true
		}
		if key == "date" {
			m.d.errorf(v, "date %q is a time; give the bulletin's day, such as %s", s, t.Format(time.DateOnly))
		} else {
			m.d.errorf(v, "%s %q gives a UTC offset; give the time where the event happens, such as \"%s\", and its zone with timezone:", key, s, t.Format("2006-01-02 15:04"))
		}
		return time.Time{}, false, false
	}
	p := dateTimeRE.FindStringSubmatch(s)
	if p == nil {
		m.d.errorf(v, "%s %q is not a date like 2026-11-20 or a date and time like \"2026-11-20 09:00\"%s", key, s, timeHint(s))
		return time.Time{}, false, false
	}
	d, err := makeDate(p[1], p[2], p[3])
	if err != nil {
		m.d.errorf(v, "%s %v", key, err)
		return time.Time{}, false, false
	}
	var c clock
	if p[4] != "" {
		if c, err = parseClock(p[4], p[5], p[6]); err != nil {
			m.d.errorf(v, "%s %q: %v", key, s, err)
			return time.Time{}, false, false
		}
	}
	if loc == nil {
		if p[4] != "" {
			m.d.errorf(v, "%s %q has a time but no time zone: %s", key, s, zoneHint)
			return time.Time{}, false, false
		}
		loc = time.UTC
	}
	if p[4] == "" {
		// A day alone starts at its first instant: where the clocks skip
		// midnight (Santiago, the first Sunday of September), at 01:00.
		t = time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
		if bulletin.DateOf(t) != d { // Go gives 23:00 the day before
			_, end := t.ZoneBounds()
			t = end.In(loc)
		}
		return t, false, true
	}
	t, err = localTime(d, c, loc)
	if err != nil {
		m.d.errorf(v, "%s %q: %v", key, s, err)
		return time.Time{}, false, false
	}
	return t, true, true
}

// date reads key's value as a date.
func (m *mapping) date(key string, required bool) (bulletin.Date, bool) {
	s, v := m.scalar(key, required)
	if v == nil {
		return bulletin.Date{}, false
	}
	d, err := parseDate(strings.TrimSpace(s))
	if err != nil {
		m.d.errorf(v, "%s %v", key, err)
		return bulletin.Date{}, false
	}
	return d, true
}

// zone reads key's value as an IANA time zone name.
func (m *mapping) zone(key string) *time.Location {
	s, v := m.scalar(key, false)
	if v == nil {
		return nil
	}
	loc, err := loadZone(strings.TrimSpace(s))
	if err != nil {
		m.d.errorf(v, "%s: %v", key, err)
		return nil
	}
	return loc
}

// loadZone loads an IANA zone such as "America/Santo_Domingo". It refuses
// "Local", whose meaning depends on the machine, and suggests the right
// spelling of near misses such as "america/santo domingo".
// zones are the zones loaded so far, by name.
var zones sync.Map

func loadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if ianaName(name) {
		if loc, err := time.LoadLocation(name); err == nil {
			// A zone is loaded once, not once an event: each holds
			// its whole history of transitions.
			zones.Store(name, loc)
			return loc, nil
		}
	}
	hint := ` such as "America/New_York" or "Asia/Kolkata" (every one is in the list of tz database time zones)`
	if fixed := fixZone(name); fixed != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", fixed)
	} else if h := zoneHint(name); h != "" {
		hint = h
	}
	return nil, fmt.Errorf("unknown time zone %q; write the name of a time zone%s", name, hint)
}

// areas are the first parts of the IANA names of places. Names outside
// them, such as "EST", "US/Eastern" or "Etc/GMT+5" (which is UTC-5), are
// legacy or misleading; only "UTC" is kept of those.
var areas = []string{"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}

func ianaName(name string) bool {
	area, _, ok := strings.Cut(name, "/")
	return name == "UTC" || ok && slices.Contains(areas, area) && !strings.Contains(name, "..")
}

// fixZone returns the spelling of name that loads, trying capitals and
// underscores for spaces, or "".
func fixZone(name string) string {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(name), " ", "_"), "/")
	for i, p := range parts {
		words := strings.Split(p, "_")
		for j, w := range words {
			if len(w) > 0 && !(i == 0 && len(parts) == 1 && len(w) <= 4) {
				words[j] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
			}
		}
		parts[i] = strings.Join(words, "_")
	}
	fixed := strings.Join(parts, "/")
	if fixed == name || !ianaName(fixed) {
		return ""
	}
	if _, err := time.LoadLocation(fixed); err != nil {
		return ""
	}
	return fixed
}

// duration reads key's value as a duration such as "12h" or "90m".
func (m *mapping) duration(key string, def time.Duration) time.Duration {
	s, v := m.scalar(key, false)
	if v == nil {
		return def
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		m.d.errorf(v, "%s %q is not a duration such as \"12h\" or \"1h30m\"", key, s)
		return def
	}
	return d
}

// clockDuration reads key's value as a running time: "1:02:03", "42:10",
// or a duration such as "42m10s".
func (m *mapping) clockDuration(key string) time.Duration {
	s, v := m.scalar(key, true)
	if v == nil {
		return 0
	}
	s = strings.TrimSpace(s)
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return d
	}
	var total time.Duration
	parts := strings.Split(s, ":")
	if len(parts) >= 2 && len(parts) <= 3 {
		for _, p := range parts {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || n > 59 && total > 0 {
				total = -1
				break
			}
			total = total*60 + time.Duration(n)
		}
		if total > 0 {
			return total * time.Second
		}
	}
	m.d.errorf(v, "%s %q is not a running time such as \"42:10\" or \"1:02:03\"", key, s)
	return 0
}

// isTimeOnly reports whether v holds only a time of day, like "12:00".
func isTimeOnly(v *yaml.Node) bool {
	return v != nil && clockRE.MatchString(strings.TrimSpace(v.Value))
}
