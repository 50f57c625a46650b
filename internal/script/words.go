package script

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// The wording of dates, times and zones as they are read aloud: "Monday
// the 30th of November at 9 in the morning, Santo Domingo time". Numbers
// stay digits, which every reader and speech engine says well.

// dayOfMonth says a day without its month: "Tuesday the 1st".
func dayOfMonth(d bulletin.Date) string {
	l := english
	return fmt.Sprintf(l.dayOfMonth, l.weekdays[d.Weekday()], l.ordinal(d.Day))
}

// day says a date: "Monday the 30th of November", followed by the year
// when it is not year, the year the listener has in mind.
func day(d bulletin.Date, year int) string {
	l := english
	s := fmt.Sprintf(l.ofMonth, dayOfMonth(d), l.months[d.Month-1])
	if d.Year != year {
		s = fmt.Sprintf(l.withYear, s, d.Year)
	}
	return s
}

// days says a span of whole days, first and last included: "all day on
// Tuesday the 8th of December", "from Tuesday the 1st to Thursday the 3rd
// of December", "from Monday the 30th of November to Wednesday the 2nd of
// December". The year is said once, at the end, when it is not year; a
// span that crosses into another year names both.
func days(first, last bulletin.Date, year int) string {
	l := english
	switch {
	case last.IsZero() || !first.Before(last):
		return fmt.Sprintf(l.allDayOn, day(first, year))
	case first.Year != last.Year:
		return fmt.Sprintf(l.fromTo, day(first, 0), day(last, 0))
	case first.Month == last.Month:
		return fmt.Sprintf(l.fromTo, dayOfMonth(first), day(last, year))
	}
	return fmt.Sprintf(l.fromTo, day(first, first.Year), day(last, year))
}

// clock says a time of day as people say it: "9 in the morning", "half
// past 6 in the evening", "quarter to noon", "noon", "midnight", "10 past
// 10 at night"; a time off the five minutes as "10:07 in the morning".
func clock(h, m int) string {
	l := english
	switch {
	case h == 0 && m == 0:
		return l.midnight
	case h == 12 && m == 0:
		return l.noon
	case m == 0:
		return hour(h)
	case m%5 != 0:
		return fmt.Sprintf(l.digits, twelve(h), m, period(h))
	case m <= 30:
		if h == 12 {
			return fmt.Sprintf(l.past, minutes(m), "12 "+l.afternoon)
		}
		return fmt.Sprintf(l.past, minutes(m), hour(h))
	}
	return fmt.Sprintf(l.to, minutes(60-m), hour((h+1)%24))
}

// hour names an hour on the clock with its part of the day: "9 in the
// morning", "6 in the evening"; 0 is "midnight" and 12 is "noon".
func hour(h int) string {
	switch h {
	case 0:
		return english.midnight
	case 12:
		return english.noon
	}
	return strconv.Itoa(twelve(h)) + " " + period(h)
}

func twelve(h int) int {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}

// period names the part of the day of an hour from 0 to 23.
func period(h int) string {
	l := english
	switch {
	case h == 0 || h >= 21:
		return l.night
	case h < 12:
		return l.morning
	case h < 18:
		return l.afternoon
	}
	return l.evening
}

func minutes(m int) string {
	switch m {
	case 15:
		return english.quarter
	case 30:
		return english.half
	}
	return strconv.Itoa(m)
}

// zone names a time zone as people say it: "Central time", "India
// time", or by its place, "Santo Domingo time"; UTC is "UTC".
func zone(loc *time.Location) string {
	name := loc.String()
	if said, ok := english.zones[name]; ok {
		return said
	}
	if !strings.Contains(name, "/") {
		return name
	}
	return fmt.Sprintf(english.cityTime, strings.ReplaceAll(name[strings.LastIndex(name, "/")+1:], "_", " "))
}

// on says when an event happens after "was to be heard": "on Monday the
// 30th …", "from Tuesday the 1st …", "all day on …".
func on(when string) string {
	if strings.HasPrefix(when, strings.Split(english.fromTo, "%")[0]) || strings.HasPrefix(when, strings.Split(english.allDayOn, "%")[0]) {
		return when
	}
	return fmt.Sprintf(english.on, when)
}

// at says an instant in its own zone's day and clock: "Monday the 30th of
// November at 9 in the morning".
func at(t time.Time, year int) string {
	return fmt.Sprintf(english.at, day(bulletin.DateOf(t), year), clock(t.Hour(), t.Minute()))
}

// when says when an event happens, in the zone where it happens. Year is
// the year of the bulletin, which is not said again.
func when(e *bulletin.Event, year int) string {
	var s string
	if e.AllDay {
		s = days(e.Date, e.Until, year)
	} else {
		s = at(e.Start, year)
		if endDay := bulletin.DateOf(e.End); endDay != bulletin.DateOf(e.Start) && !endsAtMidnight(e) {
			s = fmt.Sprintf(english.fromTo, s, at(e.End, year))
		}
		if e.Zone != nil {
			s += ", " + zone(e.Zone)
		}
	}
	if r := e.Repeat; r != nil {
		l := english
		s = fmt.Sprintf(l.andThen, s, r.Every())
		switch {
		case r.Count > 0:
			s += fmt.Sprintf(l.timesInAll, r.Count)
		case !r.Until.IsZero():
			s += fmt.Sprintf(l.until, day(r.Until, year))
		}
		if len(r.Except) > 0 {
			except := make([]string, len(r.Except))
			for i, d := range r.Except {
				except[i] = day(d, year)
			}
			s += fmt.Sprintf(l.except, and(except))
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

// and joins words as a list is said: "a", "a and b", "a, b and c".
func and(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + english.and + words[len(words)-1]
}
