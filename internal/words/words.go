// Package words holds what prayerfeed writes in its own words on pages,
// in feeds and in calendars, in each language it speaks: the names of
// days and months, how a date and a time of day are written, and every
// label and sentence ("Court hearing", "Coming up", "Add to calendar").
// The read-aloud scripts' spoken words are package script's.
//
// Each language is one plain table: a message is looked up by its English
// text, so the code reads as the English site does, and a test checks
// that every message the code and the templates use is in every table. A
// site in a language prayerfeed does not speak gets English words around
// its own texts.
package words

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Words are one language's words.
type Words struct {
	Tag      string     // the base language: "en", "es", "fr" or "pt"
	weekdays [7]string  // Sunday first, as time.Weekday counts
	months   [12]string // January first
	// date writes a day: %[1]d the day, %[2]s the month, %[3]d the
	// year; longDate a day with its weekday, %[4]s.
	date, longDate string
	// dayMonth writes a day without its year.
	dayMonth string
	// clock writes a time of day.
	clock func(t time.Time) string
	// text are the messages, by their English text.
	text map[string]string
	// masculine, when set, holds the masculine form of a message that
	// names a weekday with an ordinal ("the first %s"), for the weekdays
	// whose names are masculine where most are not.
	masculine struct {
		days map[time.Weekday]bool
		text map[string]string
	}
}

// languages are the languages prayerfeed speaks, by base language.
var languages = map[string]*Words{}

func register(w *Words) { languages[w.Tag] = w }

// For returns the words of the language tag, a BCP 47 tag such as "es"
// or "pt-BR", by its base language; English for one prayerfeed does not
// speak.
func For(tag string) *Words {
	if w := languages[tag]; w != nil {
		return w
	}
	if t, err := language.Parse(tag); err == nil {
		base, _ := t.Base()
		if w := languages[base.String()]; w != nil {
			return w
		}
	}
	return English
}

// T returns the message msg, given by its English text, in the
// language: msg itself when the table lacks it.
func (w *Words) T(msg string) string {
	if s, ok := w.text[msg]; ok {
		return s
	}
	return msg
}

// F returns the message msg, a format in its English text, in the
// language, filled in with args as fmt.Sprintf does.
func (w *Words) F(msg string, args ...any) string { return fmt.Sprintf(w.T(msg), args...) }

// Nth returns a message that puts an ordinal before a weekday, such as
// "the first %s", filled in with the weekday d, in the gender of its name.
func (w *Words) Nth(msg string, d time.Weekday) string {
	if s, ok := w.masculine.text[msg]; ok && w.masculine.days[d] {
		return fmt.Sprintf(s, w.Weekday(d))
	}
	return w.F(msg, w.Weekday(d))
}

// Weekday returns the name of a day of the week.
func (w *Words) Weekday(d time.Weekday) string { return w.weekdays[d] }

// Month returns the name of a month.
func (w *Words) Month(m time.Month) string { return w.months[m-1] }

// Date writes a day: "27 November 2026", "27 de noviembre de 2026".
func (w *Words) Date(y int, m time.Month, d int) string { return fmt.Sprintf(w.date, d, w.Month(m), y) }

// LongDate writes a day with its weekday: "Friday 27 November 2026",
// "viernes, 27 de noviembre de 2026".
func (w *Words) LongDate(y int, m time.Month, d int) string {
	wd := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()
	return fmt.Sprintf(w.longDate, d, w.Month(m), y, w.Weekday(wd))
}

// DayMonth writes a day with its weekday and without its year: "Friday 27
// November", "viernes 27 de noviembre".
func (w *Words) DayMonth(y int, m time.Month, d int) string {
	wd := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()
	return fmt.Sprintf(w.dayMonth, d, w.Month(m), w.Weekday(wd))
}

// Clock writes the time of day of t: "9:30 am", "9:30", "9 h 30".
func (w *Words) Clock(t time.Time) string { return w.clock(t) }

// List joins items as a list in the language: "a, b and c".
func (w *Words) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + w.T(" and ") + items[len(items)-1]
}

// English is the language of prayerfeed's messages, and of any site in a
// language it does not speak.
var English = &Words{
	Tag:      "en",
	weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	months:   [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	date:     "%[1]d %[2]s %[3]d", longDate: "%[4]s %[1]d %[2]s %[3]d", dayMonth: "%[3]s %[1]d %[2]s",
	clock: func(t time.Time) string { return strings.ToLower(t.Format("3:04 pm")) },
}

func init() { register(English) }

// clock24 writes a time of day on the 24-hour clock, as Spanish and
// Portuguese do: "09:30", "18:00".
func clock24(t time.Time) string { return t.Format("15:04") }
