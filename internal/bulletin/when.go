package bulletin

import (
	"fmt"
	"strings"
	"time"
)

// When says in words when an event happens, in the zone where it happens:
// "Monday 30 November 2026, 9:00 am – 12:00 pm, Santo Domingo time (AST)",
// "Tuesday 8 December 2026, all day" or "1–3 December 2026".
func (e *Event) When() string {
	if e.AllDay {
		last := e.Until
		if last.IsZero() || last == e.Date {
			return dayWords(e.Date) + ", all day" + e.repeatWords()
		}
		return dayWords(e.Date) + " to " + dayWords(last) + e.repeatWords()
	}
	start, end := e.Start, e.End
	s := dayWords(DateOf(start)) + ", " + clockWords(start) + " – "
	if DateOf(end) != DateOf(start) {
		s += dayWords(DateOf(end)) + ", "
	}
	return s + clockWords(end) + ", " + ZoneWords(start) + e.repeatWords()
}

func dayWords(d Date) string {
	return fmt.Sprintf("%s %d %s %d", d.Weekday(), d.Day, d.Month, d.Year)
}

func clockWords(t time.Time) string {
	return strings.ToLower(t.Format("3:04 pm"))
}

// ZoneWords names the zone of t for readers: "Santo Domingo time (AST)".
// The abbreviation is left out where the tz database has none.
func ZoneWords(t time.Time) string {
	name := t.Location().String()
	city := name[strings.LastIndex(name, "/")+1:]
	s := strings.ReplaceAll(city, "_", " ") + " time"
	if abbr, _ := t.Zone(); abbr != "" && abbr[0] != '+' && abbr[0] != '-' {
		s += " (" + abbr + ")"
	}
	return s
}

func (e *Event) repeatWords() string {
	r := e.Repeat
	if r == nil {
		return ""
	}
	unit, interval := "", "1"
	for _, part := range strings.Split(r.Rule, ";") {
		name, value, _ := strings.Cut(part, "=")
		switch name {
		case "FREQ":
			unit = map[string]string{"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}[value]
		case "INTERVAL":
			interval = value
		}
	}
	s := ", every " + unit
	if interval != "1" {
		s = ", every " + interval + " " + unit + "s"
	}
	if r.Count > 0 {
		return s + fmt.Sprintf(", %d times", r.Count)
	}
	return s + " until " + dayWords(r.Until)
}

// StatusLabel returns "Postponed", "Cancelled" or "Tentative" for an event
// in that state, or "" for a confirmed one.
func (e *Event) StatusLabel() string {
	switch e.Status {
	case Postponed:
		return "Postponed"
	case Cancelled:
		return "Cancelled"
	case Tentative:
		return "Tentative"
	}
	return ""
}
