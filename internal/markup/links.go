package markup

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// The links that add one event to a calendar app.

// GoogleEvent returns Google Calendar's template link for one event: a
// timed event's times are local, with ctz naming their zone; an all-day
// event's dates end the day after its last.
func GoogleEvent(s *bulletin.Site, e *bulletin.Event) string {
	return googleEvent(e, Details(s, e, markdown.Text(e.Point.Body.String())))
}

func googleEvent(e *bulletin.Event, details string) string {
	v := url.Values{
		"action":   {"TEMPLATE"},
		"text":     {summary(e.Point.Bulletin.Words(), e)},
		"details":  {details},
		"location": {e.Location},
	}
	if e.AllDay {
		v.Set("dates", compactDate(e.Date)+"/"+compactDate(lastDay(e).AddDays(1)))
	} else {
		v.Set("dates", e.Start.Format("20060102T150405")+"/"+e.End.Format("20060102T150405"))
		v.Set("ctz", e.Zone.String())
	}
	if rule := recurrence(e); rule != "" {
		v.Set("recur", "RRULE:"+rule)
	}
	if e.Location == "" {
		v.Del("location")
	}
	return "https://calendar.google.com/calendar/render?" + query(v)
}

// OutlookEvent returns Outlook.com's link that opens a new event filled
// in: times with their UTC offset, or all-day dates.
func OutlookEvent(s *bulletin.Site, e *bulletin.Event) string {
	return outlookEvent(e, Details(s, e, markdown.Text(e.Point.Body.String())))
}

func outlookEvent(e *bulletin.Event, details string) string {
	v := url.Values{
		"path":     {"/calendar/action/compose"},
		"rru":      {"addevent"},
		"subject":  {summary(e.Point.Bulletin.Words(), e)},
		"body":     {details},
		"location": {e.Location},
	}
	if e.AllDay {
		v.Set("allday", "true")
		v.Set("startdt", e.Date.String())
		v.Set("enddt", lastDay(e).AddDays(1).String())
	} else {
		v.Set("startdt", e.Start.Format(time.RFC3339))
		v.Set("enddt", e.End.Format(time.RFC3339))
	}
	if e.Location == "" {
		v.Del("location")
	}
	return "https://outlook.live.com/calendar/0/deeplink/compose?" + query(v)
}

// googleAdds reports whether Google's link adds what the calendar holds:
// its template takes one RRULE and no EXDATE, so a series with days off
// would gain them back.
func googleAdds(e *bulletin.Event) bool {
	return e.Repeat == nil || len(e.Repeat.Except) == 0
}

// outlookAdds reports whether Outlook's link adds what the calendar
// holds: its compose link takes no repeat rule, so it would add only a
// series' first day, which may be past.
func outlookAdds(e *bulletin.Event) bool { return e.Repeat == nil }

// icsLabel names the .ics download of an event by who needs it.
func icsLabel(w *words.Words, e *bulletin.Event) string {
	if googleAdds(e) && outlookAdds(e) {
		return w.T("Apple and others (.ics)")
	}
	return w.T("Apple, Outlook and others (.ics)")
}

// summary names an event with its kind: "Court hearing: …".
func summary(w *words.Words, e *bulletin.Event) string {
	return w.F("%s: %s", e.Kind.Label(w), e.Title)
}

// detailsLength is the most characters of its point's text that an
// event's calendar links carry: enough to say what to pray for, and the
// link to the whole point.
const detailsLength = 280

// Details is the text of an event in the links that add it to a
// calendar: the plain text of its point, shortened, and where to read it.
func Details(s *bulletin.Site, e *bulletin.Event, text string) string {
	return markdown.Summary(text, detailsLength) + "\n\n" + s.PointURL(e.Point)
}

func compactDate(d bulletin.Date) string {
	return strings.ReplaceAll(d.String(), "-", "")
}

func lastDay(e *bulletin.Event) bulletin.Date {
	if e.Until.IsZero() {
		return e.Date
	}
	return e.Until
}

// recurrence returns the RRULE value of a repeating event, with UNTIL as
// a date, as Google's template link takes it.
func recurrence(e *bulletin.Event) string {
	r := e.Repeat
	switch {
	case r == nil:
		return ""
	case r.Count > 0:
		return r.Rule + ";COUNT=" + strconv.Itoa(r.Count)
	}
	return r.Rule + ";UNTIL=" + compactDate(r.Until)
}

// query encodes v as a query with each space as %20 rather than "+",
// which HTML would have to escape again (as "&#43;"), and which a link
// carries once for every word of an event's details.
func query(v url.Values) string {
	return strings.ReplaceAll(v.Encode(), "+", "%20") // a "+" of the values is "%2B" by now
}
