package bulletin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/words"
)

// When says in words when an event happens, in the zone where it happens:
// "Monday 30 November 2026, 9:00 am – 12:00 pm, Santo Domingo time
// (UTC-4)", "Tuesday 8 December 2026, all day" or "1–3 December 2026",
// and how it repeats, with the days it does not, in the language of its
// bulletin.
func (e *Event) When() string {
	w := e.words()
	if e.AllDay {
		last := e.Until
		if last.IsZero() || last == e.Date {
			return w.F("%s, all day", dayWords(w, e.Date)) + e.repeatWords(w)
		}
		return w.F("%s to %s", dayWords(w, e.Date), dayWords(w, last)) + e.repeatWords(w)
	}
	start, end := e.Start, e.End
	s := dayWords(w, DateOf(start)) + ", " + w.Clock(start) + " – "
	if DateOf(end) != DateOf(start) {
		s += dayWords(w, DateOf(end)) + ", "
	}
	zone := ZoneWords(w, start)
	if e.Repeat != nil && !e.Last.IsZero() && offsetChanges(start, e.Last) {
		zone = cityTime(w, start) // a series that runs into summer time keeps its clock, not its offset
	}
	return s + w.Clock(end) + ", " + zone + e.repeatWords(w)
}

// words returns the words of the event's language: its bulletin's.
func (e *Event) words() *words.Words {
	if e.Point == nil || e.Point.Bulletin == nil {
		return words.English
	}
	return e.Point.Bulletin.Words()
}

// Words returns the words of the bulletin's language.
func (b *Bulletin) Words() *words.Words { return words.For(b.Language) }

// Words returns the words of the site's language.
func (s *Site) Words() *words.Words { return words.For(s.Language) }

// offsetChanges reports whether the UTC offset of t's zone changes between
// t and the same clock time on the day last.
func offsetChanges(t time.Time, last Date) bool {
	_, off := t.Zone()
	end := time.Date(last.Year, last.Month, last.Day, t.Hour(), t.Minute(), 0, 0, t.Location())
	for at, i := t, 0; at.Before(end); i++ {
		_, next := at.ZoneBounds()
		if next.IsZero() || next.After(end) {
			return false
		}
		if _, o := next.Zone(); o != off || i == 1000 {
			return true
		}
		at = next
	}
	return false
}

func dayWords(w *words.Words, d Date) string { return w.LongDate(d.Year, d.Month, d.Day) }

// ZoneWords names the zone of t for readers, with its UTC offset at t:
// "Santo Domingo time (UTC-4)", "Kolkata time (UTC+5:30)". The offset is
// what nobody misreads: the tz database's abbreviations are ambiguous
// (Manila's "PST" reads as US Pacific time) or made up.
func ZoneWords(w *words.Words, t time.Time) string {
	if t.Location() == time.UTC {
		return "UTC"
	}
	_, off := t.Zone()
	return cityTime(w, t) + " (" + OffsetWords(off) + ")"
}

// cityTime names the zone of t by its city: "Santo Domingo time".
func cityTime(w *words.Words, t time.Time) string {
	name := t.Location().String()
	return w.F("%s time", strings.ReplaceAll(name[strings.LastIndex(name, "/")+1:], "_", " "))
}

// OffsetWords writes an offset east of UTC, in seconds, as "UTC+8",
// "UTC-5" or "UTC+5:45".
func OffsetWords(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	s := "UTC" + sign + strconv.Itoa(off/3600)
	if m := off / 60 % 60; m != 0 {
		s += fmt.Sprintf(":%02d", m)
	}
	return s
}

func (e *Event) repeatWords(w *words.Words) string {
	r := e.Repeat
	if r == nil {
		return ""
	}
	s := ", " + r.EveryIn(w)
	if r.Count > 0 {
		s += w.F(", %d times", r.Count)
	} else {
		s += w.F(" until %s", dayWords(w, r.Until))
	}
	if n := len(r.Except); n > 0 {
		var days []string
		for _, d := range r.Except[:min(n, maxExceptWords)] {
			days = append(days, dayWords(w, d))
		}
		if n > maxExceptWords {
			days = append(days, w.F("%d other days", n-maxExceptWords))
		}
		s += w.F(", except %s", w.List(days))
	}
	return s
}

// maxExceptWords is the most days off that When names one by one.
const maxExceptWords = 5

// Every says in words how often r recurs, without its end: "every week",
// "every 2 weeks on Monday and Wednesday", "every month on the second
// Thursday".
func (r *Repeat) Every() string { return r.EveryIn(words.English) }

// EveryIn says Every in the language of w.
func (r *Repeat) EveryIn(w *words.Words) string {
	unit, interval, byday := "", "1", ""
	for _, part := range strings.Split(r.Rule, ";") {
		name, value, _ := strings.Cut(part, "=")
		switch name {
		case "FREQ":
			unit = map[string]string{"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[value]
		case "INTERVAL":
			interval = value
		case "BYDAY":
			byday = value
		}
	}
	var s string
	switch unit {
	case "day":
		s = w.T("every day")
	case "week":
		s = w.T("every week")
	case "month":
		s = w.T("every month")
	case "year":
		s = w.T("every year")
	}
	if interval != "1" {
		switch unit {
		case "day":
			s = w.F("every %s days", interval)
		case "week":
			s = w.F("every %s weeks", interval)
		case "month":
			s = w.F("every %s months", interval)
		case "year":
			s = w.F("every %s years", interval)
		}
	}
	if days := weekdayWords(w, byday); days != "" {
		s += w.F(" on %s", days)
	}
	return s
}

var (
	weekdays = map[string]time.Weekday{"MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday, "TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday, "SU": time.Sunday}
	ordinals = map[string]string{"1": "the first %s", "2": "the second %s", "3": "the third %s", "4": "the fourth %s", "5": "the fifth %s", "-1": "the last %s", "-2": "the second to last %s"}
)

// weekdayWords says a BYDAY list in words: "2TH" gives "the second Thursday",
// "MO,WE" gives "Monday and Wednesday".
func weekdayWords(w *words.Words, byday string) string {
	if byday == "" {
		return ""
	}
	var list []string
	for _, d := range strings.Split(byday, ",") {
		n, wd := d[:len(d)-min(2, len(d))], d[len(d)-min(2, len(d)):]
		day, ok := weekdays[wd]
		if !ok {
			return ""
		}
		name := w.Weekday(day)
		if n != "" {
			o, ok := ordinals[strings.TrimPrefix(n, "+")]
			if !ok {
				return ""
			}
			name = w.Nth(o, day)
		}
		list = append(list, name)
	}
	return w.List(list)
}

// StatusLabel returns "Postponed", "Cancelled" or "Tentative" for an event
// in that state, or "" for a confirmed one, or one whose title says its
// state already.
func (e *Event) StatusLabel() string {
	if saysStatus[e.Status] != nil && saysStatus[e.Status].MatchString(e.Title) {
		return "" // "Trial hearing (postponed)" says it already
	}
	return e.statusLabel()
}

// saysStatus match a title that says the event's state in a word of its
// own, as British or American English spells it.
var saysStatus = map[Status]*regexp.Regexp{
	Postponed: regexp.MustCompile(`(?i)\bpostponed\b`),
	Cancelled: regexp.MustCompile(`(?i)\bcancell?ed\b`),
	Tentative: regexp.MustCompile(`(?i)\btentative\b`),
}

func (e *Event) statusLabel() string {
	w := e.words()
	switch e.Status {
	case Postponed:
		return w.T("Postponed")
	case Cancelled:
		return w.T("Cancelled")
	case Tentative:
		return w.T("Tentative")
	}
	return ""
}

// DatedTitle returns the bulletin's title followed by its date, as feeds
// and pages title it ("Prayer bulletin — 11 December 2026"), or the title
// alone when it says the date already.
func (b *Bulletin) DatedTitle() string {
	if saysDate(b.Title, b.Date) {
		return b.Title
	}
	y, m, d := b.Date.Date()
	return b.Title + " — " + b.Words().Date(y, m, d)
}

// saysDate reports whether a title names the day t as people write a
// date: "11 December 2026", "11th of Dec 2026", "December 11, 2026",
// "2026-12-11". A title naming another day, or a month alone, does not.
func saysDate(title string, t time.Time) bool {
	y := strconv.Itoa(t.Year())
	if !strings.Contains(title, y) {
		return false // most titles: no year, no date
	}
	title = strings.Join(strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(strings.ToLower(title))), " ")
	if hasWords(title, t.Format("2006-01-02")) {
		return true
	}
	month := strings.ToLower(t.Month().String())
	days := []string{strconv.Itoa(t.Day()), Ordinal(t.Day())}
	if t.Day() < 10 {
		days = append(days, "0"+days[0])
	}
	for _, m := range []string{month, month[:3]} {
		for _, d := range days {
			if hasWords(title, d+" "+m+" "+y) || hasWords(title, d+" of "+m+" "+y) || hasWords(title, m+" "+d+" "+y) {
				return true
			}
		}
	}
	return false
}

// hasWords reports whether s holds words as words of its own: not within
// longer ones.
func hasWords(s, words string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], words)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(words)
		if (j == 0 || !isWordByte(s[j-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// Ordinal returns n with its English suffix: "1st", "2nd", "11th", "23rd".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
