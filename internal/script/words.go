package script

import (
	"fmt"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// The wording of dates, times and zones as they are read aloud: "Monday
// the 30th of November at 9 in the morning, Santo Domingo time", "el lunes
// 30 de noviembre a las 9 de la mañana, hora de Santo Domingo". Numbers
// stay digits, which every reader and speech engine says well.

// shortDay says a day without its month: "Tuesday the 1st", "martes 1",
// "mardi 1er", "terça-feira, 1º".
func (l *language) shortDay(d bulletin.Date) string {
	return fmt.Sprintf(l.dayOfMonth, l.words.Weekday(d.Weekday()), l.ordinal(d.Day))
}

// day says a date: "Monday the 30th of November", "lunes 30 de
// noviembre", followed by the year when it is not year, the year the
// listener has in mind.
func (l *language) day(d bulletin.Date, year int) string {
	s := fmt.Sprintf(l.ofMonth, l.shortDay(d), l.words.Month(d.Month))
	if d.Year != year {
		s = fmt.Sprintf(l.withYear, s, d.Year)
	}
	return s
}

// days says a span of whole days, first and last included: "all day on
// Tuesday the 8th of December", "from Tuesday the 1st to Thursday the 3rd
// of December", "from Monday the 30th of November to Wednesday the 2nd of
// December"; "del martes 1 al jueves 3 de diciembre". The year is said
// once, at the end, when it is not year; a span that crosses into another
// year names both.
func (l *language) days(first, last bulletin.Date, year int) string {
	switch {
	case last.IsZero() || !first.Before(last):
		return fmt.Sprintf(l.allDayOn, l.day(first, year))
	case first.Year != last.Year:
		return fmt.Sprintf(l.fromTo, l.day(first, 0), l.day(last, 0))
	case first.Month == last.Month:
		return fmt.Sprintf(l.fromTo, l.shortDay(first), l.day(last, year))
	}
	return fmt.Sprintf(l.fromTo, l.day(first, first.Year), l.day(last, year))
}

// zone names a time zone as people say it: "Central time", "India
// time", or by its place, "Santo Domingo time", "heure d’Accra"; UTC is
// "UTC".
func (l *language) zone(loc *time.Location) string {
	name := loc.String()
	if said, ok := l.zones[name]; ok {
		return said
	}
	if !strings.Contains(name, "/") {
		return name
	}
	return l.de(l.cityTime, strings.ReplaceAll(name[strings.LastIndex(name, "/")+1:], "_", " "))
}

// de fills format in with s, as "de" is said before s: French elides it
// before a vowel, "heure d’Accra".
func (l *language) de(format, s string) string {
	if l.elide && strings.ContainsRune("AEIOUÉÈÊÂÎÔaeiouéèêâîô", []rune(s + " ")[0]) {
		format = strings.Replace(format, "de %s", "d’%s", 1)
	}
	return fmt.Sprintf(format, s)
}

// onDay says when an event happens after "was to be heard": "on Monday
// the 30th …", "from Tuesday the 1st …", "all day on …".
func (l *language) onDay(when string) string {
	for _, format := range []string{l.fromTo, l.allDayOn} {
		if lead, _, _ := strings.Cut(format, "%"); lead != "" && strings.HasPrefix(when, lead) {
			return when
		}
	}
	return fmt.Sprintf(l.on, when)
}

// moment says an instant in its own zone's day and clock: "Monday the 30th
// of November at 9 in the morning".
func (l *language) moment(t time.Time, year int) string {
	return fmt.Sprintf(l.at, l.day(bulletin.DateOf(t), year), l.clock(t.Hour(), t.Minute()))
}

// when says when an event happens, in the zone where it happens. Year is
// the year of the bulletin, which is not said again.
func (l *language) when(e *bulletin.Event, year int) string {
	var s string
	if e.AllDay {
		s = l.days(e.Date, e.Until, year)
	} else {
		s = fmt.Sprintf(l.theDay, l.moment(e.Start, year))
		if endDay := bulletin.DateOf(e.End); endDay != bulletin.DateOf(e.Start) && !endsAtMidnight(e) {
			s = fmt.Sprintf(l.fromTo, l.moment(e.Start, year), l.moment(e.End, year))
		}
		if e.Zone != nil {
			s += ", " + l.zone(e.Zone)
		}
	}
	if r := e.Repeat; r != nil {
		s = fmt.Sprintf(l.andThen, s, r.EveryIn(l.words))
		switch {
		case r.Count > 0:
			s += fmt.Sprintf(l.timesInAll, r.Count)
		case !r.Until.IsZero():
			s += fmt.Sprintf(l.until, l.day(r.Until, year))
		}
		if len(r.Except) > 0 {
			except := make([]string, len(r.Except))
			for i, d := range r.Except {
				except[i] = fmt.Sprintf(l.theDay, l.day(d, year))
			}
			s += fmt.Sprintf(l.except, l.list(except))
		}
	}
	return s
}

// endsAtMidnight reports whether a timed event ends at the midnight after
// the day it starts, which is still that day's evening to a listener.
func endsAtMidnight(e *bulletin.Event) bool {
	return e.End.Hour() == 0 && e.End.Minute() == 0 &&
		bulletin.DateOf(e.End) == bulletin.DateOf(e.Start).AddDays(1)
}

// list joins words as a list is said: "a", "a and b", "a, b and c".
func (l *language) list(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + l.and + words[len(words)-1]
}
